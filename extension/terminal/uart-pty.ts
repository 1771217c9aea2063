/**
 * A pseudoterminal for one guest's UART: the guest's console output is written to it and every key
 * typed in it goes to the guest (the guest echoes, as a serial console does, so nothing is echoed
 * here). Output that arrives before VS Code opens the terminal, or while it is closed, is kept.
 */
import * as vscode from 'vscode';

/** Scrollback kept for a reopened terminal. */
const KEEP_CHARS = 256 * 1024;

export class UartPty implements vscode.Pseudoterminal {
  private readonly writer = new vscode.EventEmitter<string>();
  private readonly closer = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writer.event;
  readonly onDidClose = this.closer.event;
  private history = '';
  private opened = false;
  private ended = false;

  constructor(private readonly send: (text: string) => Promise<unknown>) {}

  open(): void {
    this.opened = true;
    if (this.history) this.writer.fire(this.history);
  }

  close(): void {
    this.opened = false;
  }

  handleInput(data: string): void {
    if (this.ended) return;
    this.send(data).then(undefined, (e: unknown) => {
      this.write(`\r\n[Translucent: input not delivered: ${e instanceof Error ? e.message : String(e)}]\r\n`);
    });
  }

  /** Guest output. Bare LFs become CRLF: a terminal needs both, and many guests send only LF. */
  write(text: string): void {
    const out = text.replace(/(?<!\r)\n/g, '\r\n');
    this.history = (this.history + out).slice(-KEEP_CHARS);
    if (this.opened) this.writer.fire(out);
  }

  sessionEnded(): void {
    this.write('\r\n[Translucent: the debug session has ended]\r\n');
    this.ended = true;
  }

  get text(): string {
    return this.history;
  }

  /** A new pty for a reopened terminal, with this one's scrollback. */
  reopen(): UartPty {
    const next = new UartPty(this.send);
    next.history = this.history;
    next.ended = this.ended;
    return next;
  }

  dispose(): void {
    this.writer.dispose();
    this.closer.dispose();
  }
}
