/** The commands of the Translucent views (palette, view titles, status bar). */
import * as vscode from 'vscode';
import { COMMANDS } from './debug/constants';
import { SessionEvents } from './debug/session-events';
import { resolveAddress } from './debug/stack';
import { UartTerminals } from './terminal/uart-terminals';
import { BlocksView } from './views/blocks-view';
import { DevicesView } from './views/devices-view';
import { LiveUpdates } from './views/live-updates';
import { TraceView } from './views/trace-view';

export interface CommandTargets {
  readonly sessions: SessionEvents;
  readonly trace: TraceView;
  readonly blocks: BlocksView;
  readonly devices: DevicesView;
  readonly live: LiveUpdates;
  readonly uart: UartTerminals;
}

export function registerCommands(t: CommandTargets): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.showTraceAtPc, async () => {
      await t.trace.reveal();
      t.trace.showPc();
    }),
    vscode.commands.registerCommand(COMMANDS.showTraceAt, async (address?: number | string) => {
      const session = t.sessions.current;
      if (!session) {
        void vscode.window.showInformationMessage('Translucent: start a debug session first.');
        return;
      }
      const text = address ?? await vscode.window.showInputBox({
        title: 'Micro-op trace at', prompt: 'A guest address (0x80000000) or symbol (main, main+8)', placeHolder: '0x80000000',
      });
      if (text === undefined || text === '') return;
      try {
        const resolved = typeof text === 'number' ? text : await resolveAddress(session, text);
        await t.trace.reveal();
        t.trace.showAddress(resolved);
      } catch (e) {
        void vscode.window.showErrorMessage(`Translucent: ${e instanceof Error ? e.message : String(e)}`);
      }
    }),
    vscode.commands.registerCommand(COMMANDS.refresh, () => {
      t.trace.refresh();
      t.blocks.refresh();
      t.devices.refresh();
    }),
    vscode.commands.registerCommand(COMMANDS.liveUpdatesOn, () => t.live.set(true)),
    vscode.commands.registerCommand(COMMANDS.liveUpdatesOff, () => t.live.set(false)),
    vscode.commands.registerCommand(COMMANDS.showUart, () => {
      if (!t.uart.reveal(t.sessions.current)) void vscode.window.showInformationMessage('Translucent: no guest console yet; start a debug session.');
    }),
  ];
}
