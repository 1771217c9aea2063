/**
 * Showing a guest address in VS Code's Disassembly view. The view follows the focused stack frame
 * and offers no way to scroll it to another address (no command takes one), so an address other
 * than the pc is named in a message while the view opens at the pc.
 */
import * as vscode from 'vscode';
import { parseAddress } from './stack';

export async function revealInDisassembly(address: number): Promise<void> {
  await vscode.commands.executeCommand('debug.action.openDisassemblyView');
  const frame = vscode.debug.activeStackItem;
  const pc = frame instanceof vscode.DebugStackFrame ? await framePc(frame) : undefined;
  if (pc !== undefined && pc !== address) {
    void vscode.window.setStatusBarMessage(
      `Translucent: the Disassembly view shows the pc (0x${pc.toString(16)}); scroll to 0x${address.toString(16)} in it`, 8000);
  }
}

async function framePc(frame: vscode.DebugStackFrame): Promise<number | undefined> {
  const r = await frame.session.customRequest('stackTrace', { threadId: frame.threadId, startFrame: 0, levels: 20 }).then(
    (b: { stackFrames: { id: number; instructionPointerReference?: string }[] }) => b, () => undefined);
  const ref = r?.stackFrames.find((f) => f.id === frame.frameId)?.instructionPointerReference;
  return ref === undefined ? undefined : parseAddress(ref);
}
