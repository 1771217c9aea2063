/**
 * Drives the real adapter over the protocol: an in-process server (serveDap on a free port) and a
 * DebugClient connected to it, with helpers that wait for events with a timeout (DebugClient waits
 * forever on a socket) and that launch a guest with breakpoints set before it starts.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import type * as net from 'node:net';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { serveDap } from '../../../debug-adapter/main';

export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const GUESTS = path.join(ROOT, 'test', 'guests', 'bin');
export const DEMO = path.join(GUESTS, 'debug-demo.elf');
export const DEMO_SOURCE = path.join(ROOT, 'test', 'guests', 'src', 'debug', 'debug-demo.c');

/** The line of the demo's source holding `text` (tests name lines by content, not number). */
export function demoLine(text: string): number {
  const lines = fs.readFileSync(DEMO_SOURCE, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`debug-demo.c has no line with ${text}`);
  return i + 1;
}

let server: net.Server | null = null;

async function port(): Promise<number> {
  server ??= await serveDap(0);
  return (server.address() as net.AddressInfo).port;
}

export async function stopServer(): Promise<void> {
  if (server !== null) await new Promise((res) => server!.close(res));
  server = null;
}

export class Session {
  readonly dc = new DebugClient('node', 'unused', 'translucent');
  readonly output: DebugProtocol.OutputEvent[] = [];
  readonly events: DebugProtocol.Event[] = [];

  async start(): Promise<this> {
    await this.dc.start(await port());
    this.dc.on('output', (e: DebugProtocol.OutputEvent) => this.output.push(e));
    for (const type of ['stopped', 'exited', 'terminated', 'translucent/stats', 'translucent/assembly']) this.dc.on(type, (e: DebugProtocol.Event) => this.events.push(e));
    return this;
  }

  async stop(): Promise<void> {
    try {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.dc.disconnectRequest({}), new Promise((res) => { timer = setTimeout(res, 2000); })]);
      clearTimeout(timer);
    } catch {
      // Already gone.
    }
    await this.dc.stop();
  }

  /** The next `type` event, within `ms`. Call before the request that causes it. */
  wait<E extends DebugProtocol.Event = DebugProtocol.Event>(type: string, ms = 15000): Promise<E> {
    return this.waitAny<E>([type], ms);
  }

  /** The next event of any of `types` (the others stop being waited for). */
  waitAny<E extends DebugProtocol.Event = DebugProtocol.Event>(types: string[], ms = 15000): Promise<E> {
    return new Promise((resolve, reject) => {
      const listeners = types.map((type) => [type, (e: E) => done(() => resolve(e))] as const);
      const timer = setTimeout(() => done(() => reject(new Error(`no ${types.map((t) => `'${t}'`).join(' or ')} event within ${ms} ms`))), ms);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        for (const [type, l] of listeners) this.dc.removeListener(type, l);
        settle();
      };
      for (const [type, l] of listeners) this.dc.once(type, l);
    });
  }

  stdout(): string {
    return this.output.filter((o) => o.body.category === 'stdout').map((o) => o.body.output).join('');
  }

  /**
   * Launches with `configure` run between `initialized` and configurationDone (breakpoints), and
   * resolves with the first stop (or exit) event.
   */
  async launch(args: Record<string, unknown>, configure: () => Promise<unknown> = async () => undefined): Promise<DebugProtocol.Event> {
    const first = this.waitAny(['stopped', 'exited']);
    await Promise.all([
      this.wait('initialized').then(configure).then(() => this.dc.configurationDoneRequest()),
      this.dc.launch({ type: 'translucent', request: 'launch', ...args }),
    ]);
    return first;
  }

  async topFrame(): Promise<DebugProtocol.StackFrame> {
    const st = await this.dc.stackTraceRequest({ threadId: 1 });
    return st.body.stackFrames[0];
  }

  /** Sends a request and resolves with its (error) response instead of throwing. */
  async raw(command: string, args?: unknown): Promise<DebugProtocol.Response> {
    return new Promise((resolve) => {
      (this.dc as unknown as { send(c: string, a: unknown): Promise<DebugProtocol.Response> }).send(command, args).then(resolve, (e: Error) => resolve({ success: false, message: e.message } as DebugProtocol.Response));
    });
  }

  /** A request DebugClient has no method for (readMemory, setExpression, ...); throws on an error response. */
  async req<R extends DebugProtocol.Response>(command: string, args: unknown): Promise<R> {
    return (this.dc as unknown as { send(c: string, a: unknown): Promise<R> }).send(command, args);
  }

  async evaluate(expression: string, context = 'repl'): Promise<string> {
    const r = await this.dc.evaluateRequest({ expression, context, frameId: 1 });
    return r.body.result;
  }

  /** Continues and resolves with the next stop or exit. */
  async continueTo(): Promise<DebugProtocol.Event> {
    const next = this.waitAny(['stopped', 'exited']);
    await this.dc.continueRequest({ threadId: 1 });
    return next;
  }
}

export async function session(): Promise<Session> {
  return new Session().start();
}
