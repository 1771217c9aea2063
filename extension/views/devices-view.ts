/**
 * The Devices view: the board's devices with their registers decoded, the MMU and its TLB, PMP, and
 * the key CSRs (all from one translucent/devices request); refreshed at each stop and, throttled,
 * while the guest runs.
 */
import * as vscode from 'vscode';
import { VIEW_IDS } from '../debug/constants';
import { customRequest } from '../debug/adapter-client';
import { SessionEvents } from '../debug/session-events';
import { LiveUpdates } from './live-updates';
import { CsrValue, DevicesFromView, DevicesToView } from './messages';
import { SessionShown } from './session-shown';
import { Throttle } from './throttle';
import { TypedWebviewView } from './webview-view';

export class DevicesView extends TypedWebviewView<DevicesToView, DevicesFromView> {
  protected readonly viewId = VIEW_IDS.devices;
  private readonly shown = new SessionShown<vscode.DebugSession, DevicesToView>();
  /** Numbers every stop of every session, so a new session's first stop is never taken for an old one. */
  private stops = 0;
  private readonly refresher = new Throttle(1000, () => this.load());
  private readonly subscriptions: vscode.Disposable[];

  constructor(extensionUri: vscode.Uri, private readonly sessions: SessionEvents, private readonly live: LiveUpdates) {
    super(extensionUri, { script: 'devices', title: 'Devices' });
    this.subscriptions = [
      sessions.onStopped((s) => {
        if (s.session !== sessions.current) return;
        this.stops++;
        this.post({ type: 'session', state: 'stopped' });
        this.refresher.now();
      }),
      sessions.onContinued((s) => { if (s === sessions.current) this.post({ type: 'session', state: 'running' }); }),
      sessions.onCurrentChanged(() => this.onReady()),
      sessions.onCustomEvent((e) => {
        if (e.event === 'translucent/stats' && e.session === sessions.current && this.live.enabled && this.visible) this.refresher.trigger();
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
    const stop = this.sessions.stopOf(session);
    const stops = this.stops;
    const machine = await customRequest(session, 'translucent/devices', {});
    const csrs: CsrValue[] = machine.csrs.map((r) => ({
      name: r.name, value: `0x${r.value.toString(16).padStart(8, '0')}${r.decoded ? ` (${r.decoded})` : ''}`,
    }));
    const message: DevicesToView = { type: 'machine', machine, stop: stop ? stops : undefined, csrs };
    if (this.shown.keep(session, this.sessions.current, message)) this.post(message);
  }

  protected receive(_m: DevicesFromView): void {
    // The view only says `ready`, which the base class handles.
  }

  override dispose(): void {
    super.dispose();
    this.refresher.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
