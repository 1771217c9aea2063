/**
 * The status bar item of the current Translucent session: guest speed (MIPS) while it runs and the
 * number of cached translation blocks, from the adapter's `translucent/stats` events.
 */
import * as vscode from 'vscode';
import type { StatsEventBody } from '../../debug-adapter/protocol';
import { VIEW_IDS } from '../debug/constants';
import { SessionEvents } from '../debug/session-events';
import { formatSpeed } from './speed-text';

export class SpeedItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('translucent.speed', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly sessions: SessionEvents) {
    this.item.name = 'Translucent guest speed';
    this.item.command = `${VIEW_IDS.blocks}.focus`;
    this.item.tooltip = 'Guest instructions per second and cached translation blocks. Click for the Translation Blocks view.';
    this.subscriptions = [
      sessions.onCustomEvent((e) => {
        if (e.event !== 'translucent/stats' || e.session !== sessions.current) return;
        const body = e.body as StatsEventBody;
        this.item.text = formatSpeed(body);
        this.item.accessibilityInformation = { label: this.item.text.replace(/\$\([a-z-]+\) /, '') };
        this.item.show();
      }),
      sessions.onCurrentChanged((s) => { if (!s) this.item.hide(); }),
    ];
  }

  /** What the item shows now (tests read it; the status bar API offers no getter for its visibility). */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.item.dispose();
  }
}
