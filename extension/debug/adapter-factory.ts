/**
 * Where the debug adapter runs. By default in its own Node process (`dist/dap.js` over stdio), so a
 * running guest never blocks the extension host; `translucent.adapter.inline` runs it inside the
 * extension host instead, which the integration tests use to reach it directly.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import { loadInlineAdapter } from './inline-adapter';

export class TranslucentAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  constructor(private readonly extensionPath: string) {}

  async createDebugAdapterDescriptor(session: vscode.DebugSession): Promise<vscode.DebugAdapterDescriptor> {
    const inline = session.configuration.inlineAdapter === true
      || vscode.workspace.getConfiguration('translucent').get<boolean>('adapter.inline', false);
    if (inline) return new vscode.DebugAdapterInlineImplementation(await loadInlineAdapter());
    // The extension host's own executable: Node in a remote/server host, Electron (told to behave
    // as plain Node) in desktop VS Code.
    return new vscode.DebugAdapterExecutable(process.execPath, [path.join(this.extensionPath, 'dist', 'dap.js')], {
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
  }
}
