/**
 * Every stepping kind on debug-demo (-O0): by line (in, over, out) and by instruction (in, over a call).
 */
import { strict as assert } from 'node:assert';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { DEMO, DEMO_SOURCE, Session, demoLine, session, stopServer } from './support/harness';

describe('debug adapter: stepping', function () {
  this.timeout(30000);
  let s: Session;
  beforeEach(async () => { s = await session(); });
  afterEach(async () => { await s.stop(); });
  after(stopServer);

  const L = {
    x: () => demoLine('int x = add(2, 3);'),
    f: () => demoLine('int f = factorial(5);'),
    loop: () => demoLine('for (int i = 0; i < 3; i++)'),
    bumpCall: () => demoLine('        bump();'),
    sum: () => demoLine('int sum = a + b;'),
    ret: () => demoLine('return sum;'),
  };

  async function stopAtLine(line: number): Promise<void> {
    const ev = await s.launch({ program: DEMO }, () => s.dc.setBreakpointsRequest({ source: { path: DEMO_SOURCE }, breakpoints: [{ line }] }));
    assert.equal(ev.body.reason, 'breakpoint');
    await s.dc.setBreakpointsRequest({ source: { path: DEMO_SOURCE }, breakpoints: [] });
  }

  async function step(kind: 'next' | 'stepIn' | 'stepOut', granularity?: DebugProtocol.SteppingGranularity): Promise<DebugProtocol.StackFrame> {
    const stopped = s.wait('stopped');
    await s.dc[`${kind}Request`]({ threadId: 1, ...(granularity ? { granularity } : {}) });
    const ev = await stopped;
    assert.equal(ev.body.reason, 'step');
    return s.topFrame();
  }

  it('next steps over a call to the next line', async () => {
    await stopAtLine(L.x());
    const f = await step('next');
    assert.equal(f.line, L.f());
    assert.equal(f.name.split('+')[0], 'main');
    assert.equal(await s.evaluate('p a0'), '5 (0x5)', 'add ran: its result is in a0');
  });

  it('next steps over a recursive call (the return address is reached in the outer frame only)', async () => {
    await stopAtLine(L.f());
    const f = await step('next');
    assert.equal(f.line, L.loop());
    assert.equal(await s.evaluate('p a0'), '120 (0x78)');
  });

  it('stepIn enters the callee past its prologue', async () => {
    await stopAtLine(L.x());
    const f = await step('stepIn');
    assert.equal(f.name.split('+')[0], 'add');
    assert.equal(f.line, L.sum());
    const st = await s.dc.stackTraceRequest({ threadId: 1 });
    assert.deepEqual(st.body.stackFrames.map((x) => x.name.split('+')[0]), ['add', 'main', '_start']);
  });

  it('stepIn on a line without calls is a next', async () => {
    await stopAtLine(L.sum());
    const f = await step('stepIn');
    assert.equal(f.line, L.ret());
  });

  it('stepOut returns to the caller', async () => {
    await stopAtLine(L.sum());
    const f = await step('stepOut');
    assert.equal(f.name.split('+')[0], 'main');
    assert.equal(f.line, L.x());
    assert.equal(await s.evaluate('p a0'), '5 (0x5)');
  });

  it('next walks a loop: the call line, then the loop header, then the call line again', async () => {
    await stopAtLine(L.bumpCall());
    assert.equal((await step('next')).line, L.loop());
    assert.equal((await step('next')).line, L.bumpCall());
    assert.equal(await s.evaluate('*(uint32_t *)&counter'), '1 (0x1)');
  });

  it('a breakpoint inside a call stepped over stops there', async () => {
    await stopAtLine(L.x());
    await s.dc.setBreakpointsRequest({ source: { path: DEMO_SOURCE }, breakpoints: [{ line: L.ret() }] });
    const stopped = s.wait('stopped');
    await s.dc.nextRequest({ threadId: 1 });
    const ev = await stopped;
    assert.equal(ev.body.reason, 'breakpoint');
    assert.equal((await s.topFrame()).line, L.ret());
  });

  it('stepIn by instruction executes exactly one instruction', async () => {
    await stopAtLine(L.sum());
    const before = Number(await s.evaluate('p/u pc'));
    const f = await step('stepIn', 'instruction');
    assert.equal(Number(f.instructionPointerReference), before + 4);
    const icount = await s.evaluate('p/u minstret');
    await step('stepIn', 'instruction');
    assert.equal(Number(await s.evaluate('p/u minstret')), Number(icount) + 1);
  });

  it('next by instruction runs a call through to its return address', async () => {
    await stopAtLine(L.x());
    // Step instructions up to the call of add (jal ra, ...).
    for (let i = 0; i < 10; i++) {
      const dis = await s.dc.disassembleRequest({ memoryReference: (await s.topFrame()).instructionPointerReference!, instructionCount: 1 });
      if (/^jal\t/.test(dis.body!.instructions[0].instruction) || /^call/.test(dis.body!.instructions[0].instruction)) break;
      await step('stepIn', 'instruction');
    }
    const at = Number((await s.topFrame()).instructionPointerReference);
    const f = await step('next', 'instruction');
    assert.equal(Number(f.instructionPointerReference), at + 4, 'stopped right after the call');
    assert.equal(f.name.split('+')[0], 'main');
    assert.equal(await s.evaluate('p a0'), '5 (0x5)');
  });

  it('stepOut by instruction granularity also returns to the caller', async () => {
    await stopAtLine(L.sum());
    const f = await step('stepOut', 'instruction');
    assert.equal(f.name.split('+')[0], 'main');
  });

  it('stepping after the guest exits is refused with the reason', async () => {
    const ev = await s.launch({ program: DEMO });
    assert.equal(ev.event, 'exited');
    const r = await s.raw('next', { threadId: 1 });
    assert.equal(r.success, false);
    assert.match(r.message!, /exited \(status 7\)/);
  });
});
