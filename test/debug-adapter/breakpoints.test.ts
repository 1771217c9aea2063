/**
 * Breakpoints of every kind on debug-demo: source lines, functions, instructions (the Disassembly
 * gutter), conditions, hit counts, log points, data breakpoints and exception filters.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { DEMO, DEMO_SOURCE, GUESTS, Session, demoLine, session, stopServer } from './support/harness';

describe('debug adapter: breakpoints', function () {
  this.timeout(30000);
  let s: Session;
  beforeEach(async () => { s = await session(); });
  afterEach(async () => { await s.stop(); });
  after(stopServer);

  const setLines = (lines: DebugProtocol.SourceBreakpoint[]) =>
    s.dc.setBreakpointsRequest({ source: { path: DEMO_SOURCE }, breakpoints: lines });

  it('stops at a source line (DWARF line table), with the frame at that line', async () => {
    const line = demoLine('int sum = a + b;');
    let bp: DebugProtocol.Breakpoint | undefined;
    const ev = await s.launch({ program: DEMO }, async () => { bp = (await setLines([{ line }])).body.breakpoints[0]; });
    assert.equal(bp!.verified, true);
    assert.equal(bp!.line, line);
    assert.equal(ev.body.reason, 'breakpoint');
    assert.deepEqual(ev.body.hitBreakpointIds, [bp!.id]);
    const f = await s.topFrame();
    assert.equal(f.name.split('+')[0], 'add');
    assert.equal(f.line, line);
    assert.equal(f.source!.path, DEMO_SOURCE);
    assert.equal(await s.evaluate('a0'), '2 (0x2)');
  });

  it('moves a breakpoint on a line without code to the next line that has some', async () => {
    // A global's declaration: no code; the next line with code is add()'s first.
    const line = demoLine('volatile uint32_t counter;');
    let bp: DebugProtocol.Breakpoint | undefined;
    const ev = await s.launch({ program: DEMO }, async () => { bp = (await setLines([{ line }])).body.breakpoints[0]; });
    assert.equal(bp!.verified, true);
    assert.ok(bp!.line! >= demoLine('int add(int a, int b)') && bp!.line! <= demoLine('int sum = a + b;'), `line ${bp!.line}`);
    assert.equal(ev.body.reason, 'breakpoint');
    assert.equal((await s.topFrame()).name, 'add');
  });

  it('leaves unverified a breakpoint in a file without line information (another program\'s), and one far past the code', async () => {
    await s.launch({ program: DEMO, stopOnEntry: true });
    const r = await s.req<DebugProtocol.SetBreakpointsResponse>('setBreakpoints', { source: { path: '/tmp/elsewhere.c' }, breakpoints: [{ line: 3 }, { line: 9 }] });
    assert.deepEqual(r.body.breakpoints.map((b) => [b.verified, b.line]), [[false, 3], [false, 9]]);
    assert.match(r.body.breakpoints[0].message!, /no line information for \/tmp\/elsewhere\.c \(the program's line tables name \d+ source files, not this one\)/);
    const far = await setLines([{ line: 5000 }]);
    assert.equal(far.body.breakpoints[0].verified, false);
    assert.match(far.body.breakpoints[0].message!, /no code at line 5000/);
  });

  it('stops at a function by name, and reports a name it does not know', async () => {
    let bps: DebugProtocol.Breakpoint[] = [];
    const ev = await s.launch({ program: DEMO }, async () => {
      bps = (await s.dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'factorial' }, { name: 'no_such_function' }] })).body.breakpoints;
    });
    assert.equal(bps[0].verified, true);
    assert.equal(bps[1].verified, false);
    assert.match(bps[1].message!, /no function or symbol named "no_such_function"/);
    assert.equal(ev.body.reason, 'function breakpoint');
    assert.equal((await s.topFrame()).name, 'factorial');
    assert.equal(await s.evaluate('a0'), '5 (0x5)');
  });

  it('stops at an instruction address (setInstructionBreakpoints), with an offset', async () => {
    await s.launch({ program: DEMO, stopOnEntry: true });
    const bump = Number((await s.evaluate('p/x bump')));
    const r = await s.raw('setInstructionBreakpoints', { breakpoints: [{ instructionReference: `0x${bump.toString(16)}`, offset: 4 }] }) as DebugProtocol.SetInstructionBreakpointsResponse;
    assert.equal(r.body.breakpoints[0].verified, true);
    const ev = await s.continueTo();
    assert.equal(ev.body.reason, 'instruction breakpoint');
    assert.equal((await s.topFrame()).instructionPointerReference, `0x${(bump + 4).toString(16).padStart(8, '0')}`);
  });

  it('honours conditions and hit counts', async () => {
    const line = demoLine('return n * factorial(n - 1);');
    await s.launch({ program: DEMO }, () => setLines([{ line, condition: 'a0 == 3' }]));
    assert.equal(await s.evaluate('a0'), '3 (0x3)');
    const more = await s.continueTo();
    assert.equal(more.event, 'exited', 'n == 3 only once');
    await s.stop();

    s = await session();
    await s.launch({ program: DEMO }, () => setLines([{ line: demoLine('counter = counter + 1;'), hitCondition: '3' }]));
    assert.equal(await s.evaluate('*(uint32_t *)&counter'), '2 (0x2)', 'third call: two bumps done');
  });

  it('log points print and do not stop', async () => {
    const line = demoLine('int sum = a + b;');
    const ev = await s.launch({ program: DEMO }, () => setLines([{ line, logMessage: 'add({a0}, {a1}) sum={{}}' }]));
    assert.equal(ev.event, 'exited');
    const logs = s.output.filter((o) => o.body.category === 'console').map((o) => o.body.output);
    assert.ok(logs.includes('add(2 (0x2), 3 (0x3)) sum={}\n'), JSON.stringify(logs));
  });

  it('a condition that cannot be evaluated stops and says why', async () => {
    const ev = await s.launch({ program: DEMO }, () => setLines([{ line: demoLine('int sum = a + b;'), condition: 'nosuch == 1' }]));
    assert.equal(ev.body.reason, 'breakpoint');
    assert.match(ev.body.text, /no register or symbol named "nosuch"/);
  });

  it('an invalid hit condition leaves the breakpoint unverified with the reason', async () => {
    await s.launch({ program: DEMO, stopOnEntry: true });
    const r = await setLines([{ line: demoLine('int sum = a + b;'), hitCondition: 'sometimes' }]);
    assert.equal(r.body.breakpoints[0].verified, false);
    assert.match(r.body.breakpoints[0].message!, /not a count/);
  });

  it('clearing breakpoints lets the guest run to the end', async () => {
    const line = demoLine('counter = counter + 1;');
    await s.launch({ program: DEMO }, () => setLines([{ line }]));
    await setLines([]);
    const ev = await s.continueTo();
    assert.equal(ev.event, 'exited');
  });
});

describe('debug adapter: data breakpoints', function () {
  this.timeout(30000);
  let s: Session;
  beforeEach(async () => { s = await session(); });
  afterEach(async () => { await s.stop(); });

  it('dataBreakpointInfo by address and by name; a write watchpoint reports address and values', async () => {
    await s.launch({ program: DEMO, stopOnEntry: true });
    const byName = await s.dc.dataBreakpointInfoRequest({ name: 'counter' });
    assert.ok(byName.body.dataId);
    const addr = (await s.evaluate('p/x counter'));
    const info = await s.dc.dataBreakpointInfoRequest({ name: addr, asAddress: true, bytes: 4 } as DebugProtocol.DataBreakpointInfoArguments);
    assert.equal(info.body.dataId, `0x${addr.slice(2).padStart(8, '0')}/4`);
    assert.deepEqual(info.body.accessTypes, ['write', 'read', 'readWrite']);
    // Counter starts at zero: .bss is cleared by _start (a write too); condition skips those.
    const set = await s.dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: info.body.dataId!, accessType: 'write', condition: '*(uint32_t*)&counter == 0 && pc != _start' }] });
    assert.equal(set.body.breakpoints[0].verified, true);
    // The condition is evaluated after the store; first bump stores 1, so use the value: stop when counter becomes 2.
    await s.dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: info.body.dataId!, accessType: 'write', condition: '*(uint32_t*)&counter == 2' }] });
    const ev = await s.continueTo();
    assert.equal(ev.body.reason, 'data breakpoint');
    assert.match(ev.body.text, new RegExp(`Write of 4 bytes at ${addr} <counter> by the instruction at 0x[0-9a-f]+ <bump\\+0x[0-9a-f]+>: write 0x1 -> 0x2`));
    assert.equal((await s.topFrame()).name.split('+')[0], 'bump');
  });

  it('a read watchpoint stops where the guest reads', async () => {
    await s.launch({ program: DEMO, stopOnEntry: true });
    const info = await s.dc.dataBreakpointInfoRequest({ name: 'release' });
    await s.dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: info.body.dataId!, accessType: 'read' }] });
    const ev = await s.continueTo();
    assert.equal(ev.body.reason, 'data breakpoint');
    assert.match(ev.body.description, /^read 0x1 at 0x/);
    assert.equal((await s.topFrame()).name.split('+')[0], 'spin');
  });

  it('refuses registers and unreadable addresses, and dataIds it did not make', async () => {
    await s.launch({ program: DEMO, stopOnEntry: true });
    const scopes = await s.dc.scopesRequest({ frameId: 1 });
    const reg = await s.dc.dataBreakpointInfoRequest({ name: 'x10 (a0)', variablesReference: scopes.body.scopes[0].variablesReference });
    assert.equal(reg.body.dataId, null);
    assert.match(reg.body.description, /register/);
    const bad = await s.dc.dataBreakpointInfoRequest({ name: '0x4', asAddress: true } as DebugProtocol.DataBreakpointInfoArguments);
    assert.equal(bad.body.dataId, null);
    assert.match(bad.body.description, /not readable/);
    const r = await s.dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: 'nonsense' }] });
    assert.equal(r.body.breakpoints[0].verified, false);
  });
});

describe('debug adapter: exception filters', function () {
  this.timeout(30000);
  let s: Session;
  beforeEach(async () => { s = await session(); });
  afterEach(async () => { await s.stop(); });

  const launchWith = (filters: string[]) => s.launch({ program: DEMO }, () => s.dc.setExceptionBreakpointsRequest({ filters }));

  it('stops before an ebreak is taken, explains it, and continuing takes it', async () => {
    const ev = await launchWith(['ebreak']);
    assert.equal(ev.body.reason, 'exception');
    assert.equal(ev.body.description, 'breakpoint');
    const info = await s.dc.exceptionInfoRequest({ threadId: 1 });
    assert.equal(info.body.exceptionId, 'ebreak');
    assert.match(info.body.description!, /^Breakpoint at 0x[0-9a-f]+ <traps\+0x[0-9a-f]+> in M-mode, tval 0x0; mcause would be 0x3/);
    const f = await s.topFrame();
    assert.equal(f.name.split('+')[0], 'traps');
    assert.equal(await s.evaluate('p/x *(uint32_t*)pc'), '0x100073');
    const ev2 = await s.continueTo();
    assert.equal(ev2.event, 'exited');
    assert.match(s.stdout(), /traps=3/);
  });

  it('illegal instruction (tval = the bits) and load access fault (tval = the address)', async () => {
    const ev = await launchWith(['illegal-instruction', 'access-fault']);
    assert.equal(ev.body.description, 'illegal instruction');
    let info = await s.dc.exceptionInfoRequest({ threadId: 1 });
    assert.match(info.body.description!, /tval 0xffffffff \(instruction bits\)/);
    const ev2 = await s.continueTo();
    assert.equal(ev2.body.description, 'load access fault');
    info = await s.dc.exceptionInfoRequest({ threadId: 1 });
    assert.equal(info.body.exceptionId, 'access-fault');
    assert.match(info.body.description!, /tval 0x4 \(faulting address\)/);
  });

  it('a step from an exception stop enters the handler', async () => {
    await launchWith(['ebreak']);
    const stopped = s.wait('stopped');
    await s.dc.stepInRequest({ threadId: 1, granularity: 'instruction' });
    await stopped;
    assert.equal((await s.topFrame()).name, 'trap_entry');
    assert.equal(await s.evaluate('p/x mcause'), '0x3');
  });

  it('stops before a timer interrupt is taken', async () => {
    const ev = await launchWith(['timer-interrupt']);
    assert.equal(ev.body.reason, 'exception');
    assert.equal(ev.body.description, 'machine timer interrupt');
    assert.equal((await s.topFrame()).name.split('+')[0], 'timer_once');
    const info = await s.dc.exceptionInfoRequest({ threadId: 1 });
    assert.equal(info.body.exceptionId, 'timer-interrupt');
    // A step takes the interrupt: pc at the handler, mepc the instruction that was next.
    const next = (await s.topFrame()).instructionPointerReference!;
    const stopped = s.wait('stopped');
    await s.dc.stepInRequest({ threadId: 1, granularity: 'instruction' });
    await stopped;
    assert.equal((await s.topFrame()).name, 'trap_entry');
    assert.equal(await s.evaluate('p/x mepc'), `0x${Number(next).toString(16)}`);
    assert.equal((await s.continueTo()).event, 'exited');
  });

  it('ecall from U-mode on the traps guest; unknown filters are refused', async () => {
    const r = await s.raw('setExceptionBreakpoints', { filters: ['segfault'] });
    assert.equal(r.success, false);
    await s.stop();
    s = await session();
    const ev = await s.launch({ program: path.join(GUESTS, 'traps.elf') }, () => s.dc.setExceptionBreakpointsRequest({ filters: ['ecall-u'] }));
    assert.equal(ev.body.description, 'environment call from U-mode');
    assert.match((await s.dc.exceptionInfoRequest({ threadId: 1 })).body.description!, /in U-mode/);
  });

  it('exceptionInfo without an exception stop is an error', async () => {
    await s.launch({ program: DEMO, stopOnEntry: true });
    const r = await s.raw('exceptionInfo', { threadId: 1 });
    assert.equal(r.success, false);
    assert.match(r.message!, /did not stop at an exception/);
  });
});
