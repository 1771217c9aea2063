/**
 * Whether the views refresh while the guest runs (they always refresh at a stop). Backed by the
 * `translucent.liveUpdates` setting, mirrored into a context key for the view-title buttons.
 */
import * as vscode from 'vscode';
import { LIVE_UPDATES_CONTEXT } from '../debug/constants';

const SECTION = 'translucent';
const KEY = 'liveUpdates';

export class LiveUpdates implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<boolean>();
  private readonly listener: vscode.Disposable;
  readonly onDidChange = this.changed.event;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.${KEY}`)) this.publish();
    });
    this.publish();
  }

  get enabled(): boolean {
    return vscode.workspace.getConfiguration(SECTION).get<boolean>(KEY, true);
  }

  async set(on: boolean): Promise<void> {
    await vscode.workspace.getConfiguration(SECTION).update(KEY, on, vscode.ConfigurationTarget.Global);
    this.publish();
  }

  private publish(): void {
    void vscode.commands.executeCommand('setContext', LIVE_UPDATES_CONTEXT, this.enabled);
    this.changed.fire(this.enabled);
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
