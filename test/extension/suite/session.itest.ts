/**
 * A debug session started through the API, in both places the adapter can run (its own process, the
 * default, and inline in the extension host): it stops on entry, the views receive the custom
 * requests' answers, the UART terminal gets the guest's output and sends it keystrokes.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { TranslucentApi } from '../../../extension/api';
import { extensionApi, nextEvent, until, workspaceFolder } from './api';

async function startGuest(api: TranslucentApi, name: string, extra: Record<string, unknown>): Promise<vscode.DebugSession> {
  const folder = workspaceFolder();
  const started = nextEvent(api.sessions.onStarted, () => true, 30_000, 'the session to start');
  const entry = nextEvent(api.sessions.onStopped, (s) => s.reason === 'entry', 30_000, 'the stop on entry');
  const ok = await vscode.debug.startDebugging(folder, {
    type: 'translucent', request: 'launch', name, program: '${workspaceFolder}/c/hello.elf', cwd: '${workspaceFolder}', stopOnEntry: true, ...extra,
  });
  assert.ok(ok, 'startDebugging refused the configuration');
  const session = await started;
  await entry;
  return session;
}

async function stopGuest(api: TranslucentApi, session: vscode.DebugSession): Promise<void> {
  const ended = nextEvent(api.sessions.onEnded, (s) => s.id === session.id, 20_000, 'the session to end');
  await vscode.debug.stopDebugging(session);
  await ended;
}

for (const mode of ['process', 'inline'] as const) {
  describe(`a debug session (adapter ${mode === 'process' ? 'in its own process' : 'inline'})`, function () {
    this.timeout(90_000);
    let api: TranslucentApi;
    let session: vscode.DebugSession;
    let entryPc = 0;

    before(async () => {
      api = await extensionApi();
      // The views ask for data only while visible.
      await vscode.commands.executeCommand('translucent.trace.focus');
      await until(() => (api.trace.visible ? true : undefined), 20_000, 'the trace view');
      session = await startGuest(api, `itest ${mode}`, mode === 'inline' ? { inlineAdapter: true } : {});
    });

    after(async () => {
      if (session && api.sessions.current?.id === session.id) await stopGuest(api, session);
    });

    it('stops on entry at the ELF entry point (reset, in c/start.S)', async () => {
      const stop = api.sessions.stopOf(session);
      assert.strictEqual(stop?.reason, 'entry');
      const frames = await session.customRequest('stackTrace', { threadId: stop.threadId, startFrame: 0, levels: 1 });
      const top = frames.stackFrames[0];
      assert.strictEqual(top.name, 'reset');
      assert.ok(top.source.path.endsWith('/c/start.S'), top.source.path);
      entryPc = parseInt(top.instructionPointerReference, 16);
    });

    it('shows the translation block at the pc in the Micro-op Trace view', async () => {
      const msg = await until(() => {
        const m = api.trace.latestMessage('trace');
        return m?.type === 'trace' && m.pc === entryPc ? m : undefined;
      }, 20_000, 'a trace of the entry block');
      assert.ok(msg.type === 'trace');
      assert.strictEqual(msg.listing.pc, entryPc);
      assert.strictEqual(msg.listing.map.length, msg.listing.guest.length);
      assert.ok(msg.listing.ops.length > 0 && msg.listing.hostCode.length > 0);
      assert.ok(msg.listing.guest.length > 0, 'the block at a stopped pc holds the instruction at the pc');
      assert.strictEqual(msg.listing.guest[0].address, entryPc);
    });

    it('fills the Translation Blocks and Devices views on a stop', async () => {
      await vscode.commands.executeCommand('translucent.blocks.focus');
      const stats = await until(() => api.blocks.latestMessage('stats'), 20_000, 'TB statistics');
      assert.ok(stats.type === 'stats' && stats.stats.counters.some((c) => c.name === 'translations'));
      await vscode.commands.executeCommand('translucent.devices.focus');
      // A snapshot taken at the stop (one taken while the guest booted may come first).
      const machine = await until(() => {
        const m = api.devices.latestMessage('machine');
        return m?.type === 'machine' && m.stop !== undefined ? m : undefined;
      }, 20_000, 'the devices at the stop');
      const names = machine.machine.devices.map((d) => d.name.toLowerCase()).join(' ');
      assert.match(names, /uart/);
      assert.ok(machine.csrs.some((c) => c.name === 'mstatus'), 'the key CSRs are read at a stop');
    });

    it('runs to a breakpoint, writing the guest\'s console to its UART terminal', async () => {
      const folder = workspaceFolder();
      const bp = new vscode.SourceBreakpoint(new vscode.Location(vscode.Uri.joinPath(folder.uri, 'c', 'main.c'), new vscode.Position(findLine('count_primes(1000)'), 0)));
      vscode.debug.addBreakpoints([bp]);
      try {
        const hit = nextEvent(api.sessions.onStopped, (s) => s.session.id === session.id && s.reason === 'breakpoint', 30_000, 'the breakpoint');
        await session.customRequest('continue', { threadId: api.sessions.stopOf(session)!.threadId });
        await hit;
        await until(() => (api.uart.historyOf(session).includes('Hello from the Translucent C example!') ? true : undefined), 20_000, 'the banner in the UART terminal');
        const status = await until(() => (/TBs/.test(api.speed.text) ? api.speed.text : undefined), 20_000, 'the status bar item');
        assert.match(status, /Translucent: paused · [\d,]+ TBs/);
      } finally {
        vscode.debug.removeBreakpoints([bp]);
      }
    });

    it('sends what is typed in the terminal to the guest\'s UART', async () => {
      const stop = api.sessions.stopOf(session);
      await session.customRequest('continue', { threadId: stop!.threadId });
      await until(() => (api.uart.historyOf(session).includes('type a line') ? true : undefined), 20_000, 'the prompt');
      // Waiting for input, the guest still runs (it polls the UART): the live figures keep coming.
      await until(() => (/\d MIPS/.test(api.speed.text) ? true : undefined), 20_000, 'the guest speed in the status bar');
      // Views refresh live only while someone can see them.
      await vscode.commands.executeCommand('translucent.blocks.focus');
      await until(() => {
        const m = api.blocks.latestMessage('stats');
        return m?.type === 'stats' && m.live?.running ? true : undefined;
      }, 20_000, 'a live update of the Translation Blocks view').catch((e: Error) => {
        const m = api.blocks.latestMessage('stats');
        throw new Error(`${e.message}; visible ${api.blocks.visible}, last live ${JSON.stringify(m?.type === 'stats' ? m.live : m)?.slice(0, 300)}`);
      });
      api.uart.typeInto(session, 'hi\r');
      await until(() => (/2 characters, checksum [0-9a-f]{8}/.test(api.uart.historyOf(session)) ? true : undefined), 20_000, 'the guest\'s answer');
      const ended = nextEvent(api.sessions.onEnded, (s) => s.id === session.id, 20_000, 'the guest to exit');
      api.uart.typeInto(session, 'quit\r');
      await ended;
      assert.match(api.uart.historyOf(session), /Goodbye!/);
    });
  });
}

/** The 0-based line of main.c holding `text`. */
function findLine(text: string): number {
  const source = fs.readFileSync(vscode.Uri.joinPath(workspaceFolder().uri, 'c', 'main.c').fsPath, 'utf8');
  const i = source.split('\n').findIndex((l) => l.includes(text));
  assert.ok(i >= 0, `main.c has no line with ${text}`);
  return i;
}
