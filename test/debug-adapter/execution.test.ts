/**
 * A running guest: pause within 100 ms even in a tight loop, console input, live statistics.
 */
import { strict as assert } from 'node:assert';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { DEMO, DEMO_SOURCE, Session, demoLine, session, stopServer } from './support/harness';
import type { StatsEventBody } from '../../debug-adapter/protocol';

const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

describe('debug adapter: running, pausing, input', function () {
  this.timeout(30000);
  let s: Session;
  beforeEach(async () => { s = await session(); });
  afterEach(async () => { await s.stop(); });
  after(stopServer);

  for (const engine of ['jit', 'interp']) {
    it(`${engine}: pauses a guest spinning in a tight loop within 100 ms, and it runs on afterwards`, async () => {
      await s.launch({ program: DEMO, stopOnEntry: true, engine });
      await s.evaluate('*(uint32_t *)&release = 0');
      await s.dc.continueRequest({ threadId: 1 });
      await sleep(400);
      const running = s.events.filter((e) => e.event === 'translucent/stats').map((e) => e.body as StatsEventBody).filter((b) => b.running);
      assert.ok(running.length >= 1, 'live statistics while running');
      assert.ok(running.every((b) => b.instructionsPerSecond > 0));
      const stopped = s.wait('stopped');
      const t0 = performance.now();
      await s.dc.pauseRequest({ threadId: 1 });
      const ev = await stopped;
      const ms = performance.now() - t0;
      assert.equal(ev.body.reason, 'pause');
      assert.ok(ms < 100, `paused after ${ms.toFixed(1)} ms`);
      assert.equal((await s.topFrame()).name.split('+')[0], 'spin');
      await s.evaluate('*(uint32_t *)&release = 1');
      const end = await s.continueTo();
      assert.equal(end.event, 'exited');
      assert.equal(end.body.exitCode, 7);
    });
  }

  it('pausing a stopped guest is harmless; requests are answered while it runs', async () => {
    await s.launch({ program: DEMO, stopOnEntry: true });
    await s.dc.pauseRequest({ threadId: 1 });
    await s.evaluate('*(uint32_t *)&release = 0');
    await s.dc.continueRequest({ threadId: 1 });
    await sleep(50);
    const t0 = performance.now();
    const r = await s.dc.evaluateRequest({ expression: 'info jit', context: 'repl' });
    assert.ok(performance.now() - t0 < 100, 'answered between slices');
    assert.match(r.body.result, /translations/);
    const st = await s.raw('stackTrace', { threadId: 1 });
    assert.equal(st.success, false);
    assert.match(st.message!, /running/);
    const again = await s.raw('continue', { threadId: 1 });
    assert.match(again.message!, /already running/);
    const stopped = s.wait('stopped');
    await s.dc.pauseRequest({ threadId: 1 });
    await stopped;
  });

  it('sends console input to the UART (translucent/sendInput) while the guest polls for it', async () => {
    const line = demoLine('if (want_input)');
    await s.launch({ program: DEMO }, () => s.dc.setBreakpointsRequest({ source: { path: DEMO_SOURCE }, breakpoints: [{ line }] }));
    await s.evaluate('*(uint32_t *)&want_input = 1');
    await s.dc.setBreakpointsRequest({ source: { path: DEMO_SOURCE }, breakpoints: [] });
    const exited = s.wait('exited');
    await s.dc.continueRequest({ threadId: 1 });
    await sleep(100);
    const r = await s.dc.customRequest('translucent/sendInput', { text: 'hello\r' });
    assert.deepEqual(r.body, { bytes: 6 });
    assert.equal((await exited).body.exitCode, 7);
    assert.match(s.stdout(), /^got: hello\nx=5 f=120/m);
  });

  it('a stats event at each stop', async () => {
    await s.launch({ program: DEMO, stopOnEntry: true });
    const stats = s.events.filter((e) => e.event === 'translucent/stats').map((e) => e.body as StatsEventBody);
    const last = stats[stats.length - 1];
    assert.equal(last.running, false);
    assert.ok(last.instructions > 0);
    assert.ok(last.counters.translations > 0);
  });
});

export type { DebugProtocol };
