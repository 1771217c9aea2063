/**
 * The Translation Blocks view: the translator's counters, every cached block, and charts, refreshed
 * at each stop and (throttled) from the adapter's `translucent/stats` events while the guest runs.
 */
import * as vscode from 'vscode';
import type { StatsEventBody } from '../../debug-adapter/protocol';
import { VIEW_IDS } from '../debug/constants';
import { customRequest } from '../debug/adapter-client';
import { RunClock } from '../debug/run-clock';
import { SessionEvents } from '../debug/session-events';
import { LiveUpdates } from './live-updates';
import { BlocksFromView, BlocksToView } from './messages';
import { SessionShown } from './session-shown';
import { Throttle } from './throttle';
import { TypedWebviewView } from './webview-view';

/** Rows sent to the table: enough for any guest's hot set, small enough to render quickly. */
const ROW_LIMIT = 2000;

export class BlocksView extends TypedWebviewView<BlocksToView, BlocksFromView> {
  protected readonly viewId = VIEW_IDS.blocks;
  private readonly shown = new SessionShown<vscode.DebugSession, BlocksToView>();
  private liveBody: StatsEventBody | undefined;
  private readonly refresher = new Throttle(1000, () => this.load());
  private readonly subscriptions: vscode.Disposable[];

  constructor(extensionUri: vscode.Uri, private readonly sessions: SessionEvents, private readonly live: LiveUpdates,
    private readonly clock: RunClock, private readonly openTrace: (address: number) => void) {
    super(extensionUri, { script: 'blocks', title: 'Translation Blocks' });
    this.subscriptions = [
      sessions.onStopped((s) => {
        if (s.session !== sessions.current) return;
        this.post({ type: 'session', state: 'stopped' });
        this.refresher.now();
      }),
      sessions.onContinued((s) => { if (s === sessions.current) this.post({ type: 'session', state: 'running' }); }),
      sessions.onCurrentChanged(() => this.onReady()),
      sessions.onCustomEvent((e) => {
        if (e.event !== 'translucent/stats' || e.session !== sessions.current) return;
        this.liveBody = e.body as StatsEventBody;
        if (this.live.enabled && this.visible) this.refresher.trigger();
      }),
    ];
  }

  refresh(): void {
    this.refresher.now();
  }

  protected onReady(): void {
    this.post({ type: 'session', state: this.sessions.currentState() });
    for (const m of this.shown.for(this.sessions.current)) this.post(m);
    if (this.sessions.currentState() !== 'none') this.refresher.now();
  }

  private async load(): Promise<void> {
    const session = this.sessions.current;
    if (!session || !this.visible) return;
    const stats = await customRequest(session, 'translucent/tbStats', { limit: ROW_LIMIT });
    const message: BlocksToView = { type: 'stats', stats, live: this.liveBody, runMs: this.clock.runningMs(session) };
    if (this.shown.keep(session, this.sessions.current, message)) this.post(message);
  }

  protected receive(m: BlocksFromView): void {
    if (m.type === 'openTrace') this.openTrace(m.address);
  }

  override dispose(): void {
    super.dispose();
    this.refresher.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
