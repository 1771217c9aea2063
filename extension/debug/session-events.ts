/**
 * What the views need to know about Translucent debug sessions, from one place: which session is
 * current, when it stops and continues, its console output and its custom events. A tracker sees
 * every message the adapter sends, in order, which the public `onDidChangeActiveStackItem` and
 * custom-event APIs do not give together.
 */
import * as vscode from 'vscode';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { DEBUG_TYPE } from './constants';
import type { SessionState } from '../views/messages';

export interface SessionStop {
  readonly session: vscode.DebugSession;
  readonly reason: string;
  readonly threadId: number | undefined;
}

export interface SessionOutput {
  readonly session: vscode.DebugSession;
  readonly category: string;
  readonly text: string;
}

export interface SessionEvent {
  readonly session: vscode.DebugSession;
  readonly event: string;
  readonly body: unknown;
}

const RESUMING = new Set(['continue', 'next', 'stepIn', 'stepOut', 'stepBack', 'reverseContinue', 'goto']);

export class SessionEvents implements vscode.Disposable {
  private readonly stopped = new vscode.EventEmitter<SessionStop>();
  private readonly continued = new vscode.EventEmitter<vscode.DebugSession>();
  private readonly output = new vscode.EventEmitter<SessionOutput>();
  private readonly custom = new vscode.EventEmitter<SessionEvent>();
  private readonly started = new vscode.EventEmitter<vscode.DebugSession>();
  private readonly ended = new vscode.EventEmitter<vscode.DebugSession>();
  private readonly currentChanged = new vscode.EventEmitter<vscode.DebugSession | undefined>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly sessions = new Map<string, { session: vscode.DebugSession; stop?: SessionStop }>();
  private last: vscode.DebugSession | undefined;

  readonly onStopped = this.stopped.event;
  readonly onContinued = this.continued.event;
  readonly onOutput = this.output.event;
  /** Every event that is not standard DAP (`translucent/...`). */
  readonly onCustomEvent = this.custom.event;
  readonly onStarted = this.started.event;
  readonly onEnded = this.ended.event;
  readonly onCurrentChanged = this.currentChanged.event;

  constructor() {
    this.disposables.push(
      vscode.debug.registerDebugAdapterTrackerFactory(DEBUG_TYPE, {
        // The tracker sees the adapter's messages before VS Code announces the session (the stop on
        // entry can come first): a session is known from its successful launch response on, so one
        // whose launch fails (a program that does not assemble) never shows as running.
        createDebugAdapterTracker: (session) => {
          return {
            onDidSendMessage: (m: DebugProtocol.ProtocolMessage) => this.fromAdapter(session, m),
            onWillReceiveMessage: (m: DebugProtocol.ProtocolMessage) => this.toAdapter(session, m),
            // A session whose launch failed ends here: VS Code announces neither its start nor its end.
            onWillStopSession: () => this.unregister(session),
            onExit: () => this.unregister(session),
          };
        },
      }),
      vscode.debug.onDidTerminateDebugSession((s) => this.unregister(s)),
      vscode.debug.onDidChangeActiveDebugSession(() => this.currentChanged.fire(this.current)),
      this.stopped, this.continued, this.output, this.custom, this.started, this.ended, this.currentChanged,
    );
  }

  private register(s: vscode.DebugSession): void {
    if (this.sessions.has(s.id)) return;
    this.sessions.set(s.id, { session: s });
    this.last = s;
    this.started.fire(s);
    this.currentChanged.fire(this.current);
  }

  private unregister(s: vscode.DebugSession): void {
    if (!this.sessions.delete(s.id)) return;
    if (this.last?.id === s.id) this.last = [...this.sessions.values()].pop()?.session;
    this.ended.fire(s);
    this.currentChanged.fire(this.current);
  }

  /** The focused Translucent session, else the most recent one still running. */
  get current(): vscode.DebugSession | undefined {
    const active = vscode.debug.activeDebugSession;
    if (active?.type === DEBUG_TYPE && this.sessions.has(active.id)) return active;
    return this.last;
  }

  /** Whether the current session is absent, running or stopped: what every view shows first. */
  currentState(): SessionState {
    const s = this.current;
    if (!s) return 'none';
    return this.stopOf(s) ? 'stopped' : 'running';
  }

  /** The session's last stop, or undefined while it runs. */
  stopOf(session: vscode.DebugSession): SessionStop | undefined {
    return this.sessions.get(session.id)?.stop;
  }

  private fromAdapter(session: vscode.DebugSession, m: DebugProtocol.ProtocolMessage): void {
    if (m.type === 'response') {
      const r = m as DebugProtocol.Response;
      if ((r.command === 'launch' || r.command === 'attach') && r.success) this.register(session);
      return;
    }
    if (m.type !== 'event') return;
    const e = m as DebugProtocol.Event;
    // A stop means the launch went through, whichever message VS Code passes on first.
    if (e.event === 'stopped') this.register(session);
    const entry = this.sessions.get(session.id);
    switch (e.event) {
      case 'stopped': {
        const body = (e as DebugProtocol.StoppedEvent).body;
        const stop: SessionStop = { session, reason: body.reason, threadId: body.threadId };
        if (entry) entry.stop = stop;
        this.stopped.fire(stop);
        return;
      }
      case 'continued':
        if (entry) entry.stop = undefined;
        this.continued.fire(session);
        return;
      case 'output': {
        const body = (e as DebugProtocol.OutputEvent).body;
        this.output.fire({ session, category: body.category ?? 'console', text: body.output });
        return;
      }
      default:
        if (e.event.startsWith(`${DEBUG_TYPE}/`)) this.custom.fire({ session, event: e.event, body: e.body });
    }
  }

  /**
   * An adapter sends no `continued` event for the requests that resume the guest (the protocol says
   * their response implies it): the views learn that the guest runs from the request itself.
   */
  private toAdapter(session: vscode.DebugSession, m: DebugProtocol.ProtocolMessage): void {
    if (m.type !== 'request' || !RESUMING.has((m as DebugProtocol.Request).command)) return;
    const entry = this.sessions.get(session.id);
    if (entry?.stop) {
      entry.stop = undefined;
      this.continued.fire(session);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
