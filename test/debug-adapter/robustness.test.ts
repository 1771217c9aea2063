/**
 * Malformed and out-of-range requests get error responses naming the problem, and the session keeps
 * working afterwards.
 */
import { strict as assert } from 'node:assert';
import { DEMO, Session, session, stopServer } from './support/harness';

describe('debug adapter: robustness', function () {
  this.timeout(30000);
  let s: Session;
  afterEach(async () => { await s.stop(); });
  after(stopServer);

  it('requests before launch are answered: threads, and errors saying there is no guest', async () => {
    s = await session();
    await s.dc.initializeRequest();
    assert.equal((await s.raw('threads')).success, true);
    const r = await s.raw('stackTrace', { threadId: 1 });
    assert.equal(r.success, false);
    assert.match(r.message!, /no guest is running \(launch first\)/);
    const e = await s.raw('evaluate', { expression: 'a0' });
    assert.match(e.message!, /no guest is running/);
  });

  const cases: [string, unknown, RegExp][] = [
    ['stackTrace', {}, /stackTrace: missing argument "threadId"/],
    ['stackTrace', { threadId: 7 }, /threadId 7 is not a thread \(the only one is 1, hart 0\)/],
    ['stackTrace', { threadId: 'one' }, /"threadId" must be an integer, not "one"/],
    ['stackTrace', 'nonsense', /arguments must be an object/],
    ['stackTrace', { threadId: 1, startFrame: -1 }, /"startFrame" = -1 is out of range/],
    ['scopes', { frameId: 99 }, /frameId 99 is unknown \(frames are 1\.\.\d+/],
    ['scopes', {}, /missing argument "frameId"/],
    ['variables', { variablesReference: 12345 }, /variablesReference 12345 is unknown/],
    ['setVariable', { variablesReference: 1, name: 'pc' }, /missing argument "value"/],
    ['readMemory', { memoryReference: '0x80000000' }, /missing argument "count"/],
    ['readMemory', { memoryReference: '0x80000000', count: -1 }, /"count" = -1 is out of range/],
    ['readMemory', { memoryReference: 'zzz top', count: 4 }, /"zzz top" is not a memory reference/],
    ['readMemory', { memoryReference: '0x1ffffffff', count: 4 }, /beyond 32 bits/],
    ['readMemory', { memoryReference: '0xfffffffc', offset: 8, count: 4 }, /outside the 32-bit address space/],
    ['writeMemory', { memoryReference: '0x80000000', data: '!!!' }, /data is not base64/],
    ['writeMemory', { memoryReference: '0x4', data: 'AAAA' }, /0x4 is not RAM/],
    ['disassemble', { memoryReference: '0x80000000' }, /missing argument "instructionCount"/],
    ['setBreakpoints', { breakpoints: [{ line: 3 }] }, /source\.path is missing/],
    ['setBreakpoints', { source: { path: '/x.c' }, breakpoints: [{ line: 'abc' }] }, /breakpoints\[0\]: "line" must be an integer/],
    ['setFunctionBreakpoints', { breakpoints: 'main' }, /"breakpoints" must be an array/],
    ['setFunctionBreakpoints', { breakpoints: [{}] }, /breakpoints\[0\]: missing argument "name"/],
    ['setInstructionBreakpoints', { breakpoints: [{ instructionReference: 5 }] }, /"instructionReference" must be a string/],
    ['setDataBreakpoints', {}, /missing argument "breakpoints"/],
    ['dataBreakpointInfo', {}, /missing argument "name"/],
    ['setExceptionBreakpoints', { filters: ['nope'] }, /unknown filter "nope"/],
    ['evaluate', {}, /missing argument "expression"/],
    ['evaluate', { expression: 'x /4xw nosuch', context: 'repl' }, /x: no register or symbol named "nosuch"/],
    ['completions', { column: 1 }, /missing argument "text"/],
    ['next', { threadId: 1, granularity: 'word' }, /granularity "word" is not statement, line or instruction/],
    ['continue', {}, /missing argument "threadId"/],
    ['translucent/traceTB', { address: -5 }, /address must be at least 0/],
    ['translucent/tbStats', { limit: 'all' }, /limit must be a number/],
    ['no/such/request', {}, /unknown request "no\/such\/request"/],
  ];

  it('every malformed request gets an error response naming the problem; the session keeps working', async () => {
    s = await session();
    const ev = await s.launch({ program: DEMO, stopOnEntry: true });
    assert.equal(ev.body.reason, 'entry');
    const failures: string[] = [];
    for (const [command, args, message] of cases) {
      const r = await s.raw(command, args);
      if (r.success || !message.test(r.message ?? '')) failures.push(`${command} ${JSON.stringify(args)}: ${r.success ? 'succeeded' : r.message}`);
    }
    assert.deepEqual(failures, []);
    // Still working.
    assert.equal((await s.topFrame()).name, '_start');
    assert.equal(await s.evaluate('p/x pc'), '0x80000000');
    const end = await s.continueTo();
    assert.equal(end.body.exitCode, 7);
  });
});
