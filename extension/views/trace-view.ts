/**
 * The Micro-op Trace view: the translation block at the stopped pc (following every stop) or at an
 * address the user chose, and the blocks executed most recently.
 */
import * as vscode from 'vscode';
import { VIEW_IDS } from '../debug/constants';
import { customRequest } from '../debug/adapter-client';
import { SessionEvents } from '../debug/session-events';
import { resolveAddress, stoppedPc } from '../debug/stack';
import { revealInDisassembly } from '../debug/disassembly';
import { LiveUpdates } from './live-updates';
import { TraceFromView, TraceToView } from './messages';
import { SessionShown } from './session-shown';
import { Throttle } from './throttle';
import { TypedWebviewView } from './webview-view';

/** A block's listing and the error that took its place share one slot: the newer is shown. */
const BLOCK_SLOT = 'block';

export class TraceView extends TypedWebviewView<TraceToView, TraceFromView> {
  protected readonly viewId = VIEW_IDS.trace;
  private follow = true;
  private address: number | undefined;
  private readonly shown = new SessionShown<vscode.DebugSession, TraceToView>();
  private readonly traceRefresh = new Throttle(0, () => this.loadTrace());
  private readonly recentRefresh = new Throttle(500, () => this.loadRecent());
  private readonly subscriptions: vscode.Disposable[];

  constructor(extensionUri: vscode.Uri, private readonly sessions: SessionEvents, private readonly live: LiveUpdates) {
    super(extensionUri, { script: 'trace', title: 'Micro-op Trace' });
    this.subscriptions = [
      sessions.onStopped((s) => {
        if (s.session !== sessions.current) return;
        this.post({ type: 'session', state: 'stopped' });
        this.refresh();
      }),
      sessions.onContinued((s) => { if (s === sessions.current) this.post({ type: 'session', state: 'running' }); }),
      sessions.onCurrentChanged(() => this.onReady()),
      sessions.onCustomEvent((e) => {
        if (e.event === 'translucent/stats' && e.session === sessions.current && this.live.enabled && this.visible) this.recentRefresh.trigger();
      }),
    ];
  }

  /** Follow the pc again and show the block at it. */
  showPc(): void {
    this.follow = true;
    this.address = undefined;
    this.traceRefresh.now();
  }

  /** Show the block holding `address` (and stop following the pc). */
  showAddress(address: number): void {
    this.follow = false;
    this.address = address;
    this.traceRefresh.now();
  }

  refresh(): void {
    this.traceRefresh.now();
    this.recentRefresh.now();
  }

  protected onReady(): void {
    this.post({ type: 'session', state: this.sessions.currentState() });
    for (const m of this.shown.for(this.sessions.current)) this.post(m);
    if (this.sessions.currentState() !== 'none') this.refresh();
  }

  private async loadTrace(): Promise<void> {
    const session = this.sessions.current;
    if (!session) return;
    const stop = this.sessions.stopOf(session);
    // A running guest has no pc to follow; its block at a chosen address can still be shown.
    if (this.follow && !stop) return;
    let shown: TraceToView;
    try {
      const pc = stop ? await stoppedPc(session, stop.threadId) : undefined;
      const address = this.follow ? pc : this.address;
      const listing = await customRequest(session, 'translucent/traceTB', { address });
      shown = { type: 'trace', listing, pc, follow: this.follow };
    } catch (e) {
      shown = { type: 'traceError', message: e instanceof Error ? e.message : String(e), follow: this.follow };
    }
    // An answer (or the error) of a session that ended or lost the focus meanwhile is not shown.
    if (this.shown.keep(session, this.sessions.current, shown, BLOCK_SLOT)) this.post(shown);
  }

  private async loadRecent(): Promise<void> {
    const session = this.sessions.current;
    if (!session) return;
    // The rows only serve to name the recent blocks: the hottest few hundred name nearly all of them.
    const stats = await customRequest(session, 'translucent/tbStats', { limit: 300 });
    const symbols = new Map(stats.blocks.map((b) => [b.pc, b.symbol]));
    // Slots of the adapter's ring of recent blocks that were never filled read as 0, oldest last.
    const recent = [...stats.recent];
    while (recent.length > 0 && recent[recent.length - 1] === 0) recent.pop();
    const message: TraceToView = {
      type: 'recent',
      blocks: recent.map((pc) => {
        const symbol = symbols.get(pc);
        return symbol === undefined ? { pc } : { pc, symbol };
      }),
    };
    if (this.shown.keep(session, this.sessions.current, message)) this.post(message);
  }

  protected receive(m: TraceFromView): void {
    switch (m.type) {
      case 'followPc':
        this.showPc();
        return;
      case 'showAddress':
        void this.showTyped(m.address);
        return;
      case 'revealDisassembly':
        void revealInDisassembly(m.address);
        return;
    }
  }

  private async showTyped(text: string): Promise<void> {
    const session = this.sessions.current;
    if (!session) return;
    try {
      this.showAddress(await resolveAddress(session, text));
    } catch (e) {
      const message: TraceToView = { type: 'traceError', message: e instanceof Error ? e.message : String(e), follow: false };
      if (this.shown.keep(session, this.sessions.current, message, BLOCK_SLOT)) this.post(message);
    }
  }

  override dispose(): void {
    super.dispose();
    this.traceRefresh.dispose();
    this.recentRefresh.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
