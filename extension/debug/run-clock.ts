/**
 * Wall-clock time each Translucent session's guest has spent running (between a start or resume and
 * the next stop), for the share of it spent translating. Measured here, at the editor end, so it
 * includes the protocol's latency: a few milliseconds per stop.
 */
import * as vscode from 'vscode';
import { SessionEvents } from './session-events';

export class RunClock implements vscode.Disposable {
  private readonly totals = new Map<string, { ms: number; since: number | undefined }>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(sessions: SessionEvents) {
    this.subscriptions = [
      sessions.onStarted((s) => this.totals.set(s.id, { ms: 0, since: Date.now() })),
      sessions.onContinued((s) => { const t = this.totals.get(s.id); if (t && t.since === undefined) t.since = Date.now(); }),
      sessions.onStopped(({ session }) => {
        const t = this.totals.get(session.id);
        if (t?.since !== undefined) {
          t.ms += Date.now() - t.since;
          t.since = undefined;
        }
      }),
      sessions.onEnded((s) => this.totals.delete(s.id)),
    ];
  }

  runningMs(session: vscode.DebugSession): number {
    const t = this.totals.get(session.id);
    if (!t) return 0;
    return t.ms + (t.since === undefined ? 0 : Date.now() - t.since);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
