/**
 * The debug adapter inside the extension host (tests, and machines where spawning a process is not
 * wanted). Loaded on first use, as its own chunk, so activation does not pay for the emulator.
 */
import type * as vscode from 'vscode';

export async function loadInlineAdapter(): Promise<vscode.DebugAdapter> {
  const { TranslucentSession } = await import(/* webpackChunkName: "inline-adapter" */ '../../debug-adapter/session');
  const session = new TranslucentSession();
  // Not a server and not stdio: the session only sends messages through its `onDidSendMessage`.
  session.setRunAsServer(true);
  // The library's session has the shape of vscode.DebugAdapter (handleMessage, onDidSendMessage).
  return session as unknown as vscode.DebugAdapter;
}
