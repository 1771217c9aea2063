/**
 * The Debug Console over the protocol: monitor commands in the REPL, expressions, completions.
 */
import { strict as assert } from 'node:assert';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { DEMO, Session, session, stopServer } from './support/harness';

describe('debug adapter: debug console and monitor', function () {
  this.timeout(30000);
  let s: Session;
  beforeEach(async () => {
    s = await session();
    const ev = await s.launch({ program: DEMO }, () => s.dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'bump' }] }));
    assert.equal(ev.body.reason, 'function breakpoint');
  });
  afterEach(async () => { await s.stop(); });
  after(stopServer);

  it('info registers / mtree / tlb / mem / jit / irq', async () => {
    assert.match(await s.evaluate('info registers'), /^ pc {7}[0-9a-f]{8} <bump>$/m);
    assert.match(await s.evaluate('info mtree'), /80000000-87ffffff \(prio 0, ram\): ram/);
    assert.match(await s.evaluate('info tlb'), /software TLB: \d+ live entries/);
    assert.match(await s.evaluate('info mem'), /No translation/);
    assert.match(await s.evaluate('info jit'), /^cache hit rate\s+[\d.]+ %$/m);
    assert.match(await s.evaluate('info irq'), /next to be taken: none/);
  });

  it('x, xp, p, sum', async () => {
    assert.match(await s.evaluate('x /2i pc'), /^[0-9a-f]{8} <bump>: [0-9a-f]{8}\s+addi?\tsp,sp,-16\n/);
    assert.match(await s.evaluate('xp /4xw 0x80000000'), /^0000000080000000: 0x00003197 0x81018193 0x00006117 0x08810113$/);
    assert.equal(await s.evaluate('p/x 0x10 + 0x20'), '0x30');
    assert.equal(await s.evaluate('p *(uint32_t *)&table'), '1 (0x1)');
    assert.match(await s.evaluate('sum 0x80000000 256'), /^\d{5}$/);
  });

  it('log in_asm,op,op_opt,out_asm shows each new translation in the console', async () => {
    assert.match(await s.evaluate('log in_asm,op,op_opt,out_asm'), /logging in_asm,op,op_opt,out_asm/);
    await s.continueTo();
    const logs = s.output.filter((o) => o.body.category === 'console').map((o) => o.body.output).join('');
    assert.match(logs, /^IN: /m);
    assert.match(logs, /^OP after optimization and liveness analysis:/m);
    assert.match(logs, /^OUT: \[size=\d+\]/m);
    assert.equal(await s.evaluate('log none'), 'logging off');
  });

  it('system_reset stops at the reset vector', async () => {
    const stopped = s.wait('stopped');
    assert.equal(await s.evaluate('system_reset'), 'system reset');
    const ev = await stopped;
    assert.equal(ev.body.reason, 'entry');
    assert.equal((await s.topFrame()).instructionPointerReference, '0x00001000');
  });

  it('help, and errors for bad commands', async () => {
    assert.match(await s.evaluate('help'), /^x \/Nfu ADDR\s+-- examine virtual memory/m);
    const r = await s.raw('evaluate', { expression: 'info nothing', context: 'repl' });
    assert.equal(r.success, false);
    assert.match(r.message!, /info: unknown item "nothing"/);
    const x = await s.raw('evaluate', { expression: 'x /4z 0', context: 'repl' });
    assert.match(x.message!, /unknown format or unit 'z'/);
  });

  it('expressions and assignments in the REPL', async () => {
    assert.equal(await s.evaluate('a0 + 4'), '124 (0x7c)', 'a0 still holds factorial(5)');
    assert.equal(await s.evaluate('t0 = 0x1234'), '4660 (0x1234)');
    assert.equal(await s.evaluate('x5'), '4660 (0x1234)');
    assert.match(await s.evaluate('$pc'), /^0x[0-9a-f]{8} <bump>$/);
  });

  it('completes monitor commands, info items and symbols', async () => {
    const c = (text: string) => s.req<DebugProtocol.CompletionsResponse>('completions', { text, column: text.length + 1 });
    const info = await c('info r');
    assert.deepEqual(info.body.targets, [{ label: 'registers', start: 5, length: 1 }]);
    const sym = await c('p facto');
    assert.ok(sym.body.targets.some((t) => t.label === 'factorial'));
    const cmd = await c('system_');
    assert.deepEqual(cmd.body.targets.map((t) => t.label), ['system_reset']);
  });
});
