/**
 * One UART terminal per Translucent debug session: created when the session starts, fed from the
 * session's stdout output events, typing sent with `translucent/sendInput`. The terminal of an ended
 * session stays readable until a session of the same name replaces it.
 */
import * as vscode from 'vscode';
import { customRequest } from '../debug/adapter-client';
import { SessionEvents } from '../debug/session-events';
import { UartPty } from './uart-pty';

interface Entry {
  readonly session: vscode.DebugSession;
  pty: UartPty;
  terminal: vscode.Terminal | undefined;
  /** Whether `pty` has been given to a terminal: a closed terminal's pty cannot be given to another. */
  attached: boolean;
  ended: boolean;
}

/** Output categories that carry the guest's console (the adapter's own messages use `console`). */
const GUEST_CATEGORIES = new Set(['stdout', 'stderr']);

export class UartTerminals implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly sessions: SessionEvents) {
    this.subscriptions = [
      sessions.onStarted((s) => this.open(s)),
      sessions.onOutput((o) => {
        if (GUEST_CATEGORIES.has(o.category)) this.entries.get(o.session.id)?.pty.write(o.text);
      }),
      sessions.onEnded((s) => {
        const e = this.entries.get(s.id);
        if (!e) return;
        e.ended = true;
        e.pty.sessionEnded();
      }),
      vscode.window.onDidCloseTerminal((t) => {
        for (const e of this.entries.values()) if (e.terminal === t) e.terminal = undefined;
      }),
    ];
  }

  private terminalName(session: vscode.DebugSession): string {
    return `UART: ${session.name}`;
  }

  private open(session: vscode.DebugSession): void {
    const name = this.terminalName(session);
    for (const [id, e] of this.entries) {
      if (e.ended && this.terminalName(e.session) === name) {
        e.terminal?.dispose();
        e.pty.dispose();
        this.entries.delete(id);
      }
    }
    const pty = new UartPty((text) => customRequest(session, 'translucent/sendInput', { text }));
    const entry: Entry = { session, pty, terminal: undefined, attached: false, ended: false };
    this.entries.set(session.id, entry);
    this.show(entry, true);
  }

  private show(entry: Entry, preserveFocus: boolean): void {
    if (!entry.terminal) {
      if (entry.attached) entry.pty = entry.pty.reopen();
      entry.attached = true;
      entry.terminal = vscode.window.createTerminal({ name: this.terminalName(entry.session), pty: entry.pty, iconPath: new vscode.ThemeIcon('terminal') });
    }
    entry.terminal.show(preserveFocus);
  }

  /** Shows (reopening if closed) the UART terminal of `session`, or of the newest session. */
  reveal(session: vscode.DebugSession | undefined): boolean {
    const entry = (session && this.entries.get(session.id)) ?? [...this.entries.values()].pop();
    if (!entry) return false;
    this.show(entry, false);
    return true;
  }

  /** Everything the session's terminal has shown (what the integration tests check). */
  historyOf(session: vscode.DebugSession): string {
    return this.entries.get(session.id)?.pty.text ?? '';
  }

  /** Input as if typed in the session's terminal (the integration tests type through this). */
  typeInto(session: vscode.DebugSession, text: string): void {
    this.entries.get(session.id)?.pty.handleInput(text);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    for (const e of this.entries.values()) {
      e.terminal?.dispose();
      e.pty.dispose();
    }
  }
}
