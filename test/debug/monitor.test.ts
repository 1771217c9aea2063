/**
 * The monitor over a live guest (debug-demo at main): QEMU-style commands and their text.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { GuestSystem } from '../../emulator/system';
import { StopReason } from '../../emulator/tb/engine';
import { DebugTarget } from '../../emulator/debug/debug-target';
import { completeMonitor, isMonitorCommand, MonitorHost, runMonitor } from '../../emulator/debug/monitor';
import { parseExamineSpec } from '../../emulator/debug/examine';
import type { TraceKind } from '../../emulator/trace';
import { COUNTERS } from '../../emulator/tb/counters';

const DEMO = path.resolve(__dirname, '..', '..', '..', 'test', 'guests', 'bin', 'debug-demo.elf');

function host(): MonitorHost & { resets: number; logged: string[] } {
  const logged: string[] = [];
  let kinds: ReadonlySet<TraceKind> = new Set();
  const sys = new GuestSystem({ guest: DEMO, write: () => {}, onTranslate: (tb) => { if (kinds.size) logged.push(tb.vpc.toString(16)); } });
  const main = sys.image.symbols.address('main')!;
  sys.engine.setBreakpoints([main]);
  assert.equal(sys.run(10_000_000).reason, StopReason.Breakpoint);
  sys.engine.setBreakpoints([]);
  const h = {
    target: new DebugTarget(sys), resets: 0, logged,
    reset() { h.resets++; sys.reset(); },
    get logKinds() { return kinds; },
    set logKinds(k: ReadonlySet<TraceKind>) { kinds = k; },
  };
  return h;
}

describe('debug/monitor', () => {
  it('recognises commands, not expressions', () => {
    for (const c of ['info registers', 'x /4xw 0x80000000', 'x/4i pc', 'xp /2xw 0x80000000', 'p a0', 'p/x 255', 'help', 'sum 0x80000000 16', 'log none', 'system_reset']) {
      assert.ok(isMonitorCommand(c), c);
    }
    for (const e of ['x10', 'a0 + 4', 'pc', '*(uint32_t*)0x80001000', 'sum_of_things']) assert.ok(!isMonitorCommand(e), e);
  });

  it('info registers, mtree, tlb, mem, jit, irq', () => {
    const h = host();
    const regs = runMonitor(h, 'info registers');
    assert.match(regs, /^ pc {7}[0-9a-f]{8} <main>$/m);
    assert.match(regs, / x10\/a0 {3}[0-9a-f]{8}/);
    assert.match(regs, / mstatus {2}[0-9a-f]{8}/);
    const mtree = runMonitor(h, 'info mtree');
    assert.match(mtree, /00001000-0000ffff \(prio 1, rom\): mrom/);
    assert.match(mtree, /80000000-87ffffff \(prio 0, ram\): ram/);
    assert.match(mtree, /10000000-10000007 \(prio 1, i\/o\): uart/);
    assert.match(runMonitor(h, 'info tlb'), /satp 00000000 \(bare\), privilege M\nsoftware TLB: \d+ live entries/);
    assert.match(runMonitor(h, 'info mem'), /No translation/);
    const jit = runMonitor(h, 'info jit');
    for (const label of [...Object.values(COUNTERS).map((c) => c.label), 'cache hit rate', 'guest instructions', 'engine']) assert.match(jit, new RegExp(`^${label}\\s`, 'm'));
    const irq = runMonitor(h, 'info irq');
    assert.match(irq, /^MTI {2}no {6}no {6}M$/m);
    assert.match(irq, /next to be taken: none/);
    assert.throws(() => runMonitor(h, 'info bogus'), /unknown item "bogus"/);
  });

  it('x and xp dump memory as QEMU does; /i disassembles; /s reads strings', () => {
    const h = host();
    assert.equal(runMonitor(h, 'x /4xw 0x80000000'), '80000000: 0x00003197 0x81018193 0x00006117 0x08810113');
    assert.equal(runMonitor(h, 'xp /2xh 0x80000000'), '0000000080000000: 0x3197 0x0000');
    assert.equal(runMonitor(h, 'x /3db 0x80000004'), '80000004: -109 -127   1');
    assert.match(runMonitor(h, 'x /2i 0x80000000'), /^80000000 <_start>: 00003197\s+auipc\tgp,0x3\n80000004 <_start\+0x4>: 81018193\s+addi?\tgp,gp,-2032 # 80002810 <__global_pointer\$>$/);
    assert.match(runMonitor(h, 'x /1xw 0x0'), /Cannot access memory at 0x0/);
    assert.match(runMonitor(h, 'x /2c table'), /^800020\w\w: '\\x01' '\\0'$/);
    assert.throws(() => runMonitor(h, 'x /4q 0'), /unknown format or unit 'q'/);
    assert.throws(() => runMonitor(h, 'x /4xg 0'), /unit g/);
    assert.throws(() => runMonitor(h, 'x /4xw'), /missing address/);
    assert.deepEqual(parseExamineSpec('/10i'), { count: 10, format: 'i', unit: 4 });
  });

  it('p, sum, log, system_reset, help', () => {
    const h = host();
    assert.equal(runMonitor(h, 'p 2 + 3'), '5 (0x5)');
    assert.equal(runMonitor(h, 'p/x 255'), '0xff');
    assert.equal(runMonitor(h, 'p/t 5'), '101');
    assert.match(runMonitor(h, 'p/x pc'), /^0x800/);
    assert.throws(() => runMonitor(h, 'p nosuch'), /p: no register or symbol named "nosuch"/);
    assert.match(runMonitor(h, 'sum 0x80000000 64'), /^\d{5}$/);
    assert.match(runMonitor(h, 'log in_asm,op'), /logging in_asm,op/);
    assert.deepEqual([...h.logKinds], ['in_asm', 'op']);
    assert.throws(() => runMonitor(h, 'log bogus'), /unknown item "bogus"/);
    assert.equal(runMonitor(h, 'log none'), 'logging off');
    assert.equal(runMonitor(h, 'system_reset'), 'system reset');
    assert.equal(h.resets, 1);
    assert.match(runMonitor(h, 'help'), /^info ITEM\s+-- show machine state/m);
    assert.match(runMonitor(h, 'help x'), /x \/Nfu ADDR/);
  });

  it('completes commands, info items, registers and symbols', () => {
    const h = host();
    assert.deepEqual(completeMonitor(h, 'in', 2).items, ['info', 'insn_len_at']);
    assert.deepEqual(completeMonitor(h, 'info re', 7), { start: 5, items: ['registers'] });
    assert.ok(completeMonitor(h, 'p fact', 6).items.includes('factorial'));
    assert.ok(completeMonitor(h, 'x /4xw a', 8).items.includes('a0'));
    assert.deepEqual(completeMonitor(h, 'log in_', 7).items, ['in_asm']);
  });
});
