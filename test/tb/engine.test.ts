import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { GuestSystem } from '../../emulator/system';
import { StopReason } from '../../emulator/tb/engine';
import { PC_INDEX } from '../../emulator/ir/ir';
import { assemble } from '../../emulator/asm/assemble';

const GUESTS = path.resolve(__dirname, '..', '..', '..', 'test', 'guests', 'bin');

function boot(name: string, engine: 'jit' | 'interp', jitThreshold?: number) {
  const out: number[] = [];
  const sys = new GuestSystem({ guest: path.join(GUESTS, name), engine, jitThreshold, write: (b) => out.push(...b) });
  return { sys, text: () => Buffer.from(out).toString('latin1') };
}

function runToEnd(sys: GuestSystem) {
  let r;
  do r = sys.run(10_000_000);
  while (r.reason === StopReason.Budget);
  return r;
}

describe('tb/engine', () => {
  for (const engine of ['jit', 'interp'] as const) {
    it(`${engine}: stops at a breakpoint before the instruction and resumes with a step`, () => {
      const { sys, text } = boot('hello-c.elf', engine);
      const main = sys.image.symbols.address('main');
      assert.ok(main !== undefined, 'hello-c has main');
      sys.engine.setBreakpoints([main!]);
      const r = sys.run(50_000_000);
      assert.equal(r.reason, StopReason.Breakpoint);
      assert.equal(sys.machine.hart.x[PC_INDEX] >>> 0, main);
      assert.equal(text(), '', 'nothing printed before main');
      const before = sys.machine.hart.icount;
      assert.equal(sys.engine.step(), StopReason.Budget);
      assert.equal(sys.machine.hart.icount, before + 1, 'a step retires exactly one instruction');
      assert.notEqual(sys.machine.hart.x[PC_INDEX] >>> 0, main);
      const end = runToEnd(sys);
      assert.equal(end.reason, StopReason.Stopped);
      assert.equal(end.exitCode, 0);
      assert.match(text(), /Goodbye!/);
    });
  }

  it('single steps give the same instruction count and output as running', () => {
    const ran = boot('hello-asm.elf', 'jit');
    const r = runToEnd(ran.sys);
    const stepped = boot('hello-asm.elf', 'interp');
    let steps = 0;
    while (stepped.sys.engine.step() === StopReason.Budget) steps++;
    assert.equal(r.exitCode, 0);
    assert.equal(stepped.sys.machine.exitCode, 0);
    assert.equal(stepped.text(), ran.text());
    assert.equal(stepped.sys.machine.hart.icount, ran.sys.machine.hart.icount);
    assert.ok(steps > 10);
  });

  it('compiles hot blocks to JavaScript and keeps cold ones interpreted', () => {
    const { sys } = boot('hello-c.elf', 'jit', 20);
    runToEnd(sys);
    const blocks = [...sys.engine.cache.blocks()];
    assert.ok(blocks.some((b) => b.execs >= 20 && b.hostCode.startsWith('function tb_')));
    assert.ok(blocks.some((b) => b.execs < 20 && b.hostCode === ''));
    assert.equal(sys.engine.stats.compilations, blocks.filter((b) => b.hostCode !== '').length);
  });

  it('counts translations, lookups, chaining and execution per block', () => {
    const { sys } = boot('bench-crc.elf', 'jit');
    sys.run(5_000_000);
    const s = sys.engine.stats;
    assert.ok(s.translations > 0 && s.translations === s.cacheMisses);
    // The jump cache is cleared on MMU changes; what it forgets must still be found by physical address.
    sys.engine.cache.clearJumpCache();
    const before = s.cacheHits;
    sys.run(100_000);
    assert.ok(s.cacheHits > before, 'physical lookups hit');
    assert.ok(s.chainedJumps > s.lookups, 'a hot loop runs through direct links');
    // Self-loops run on inside their block's function: counted per block, not as dispatcher entries.
    const execs = [...sys.engine.cache.blocks()].reduce((n, b) => n + b.execs, 0);
    assert.ok(execs >= s.blockExecutions);
    assert.ok(s.opsAfter <= s.opsBefore);
  });

  it('a self-loop runs inside its compiled block, stopping exactly where the dispatcher would', () => {
    const jit = boot('bench-sieve.elf', 'jit', 0);
    const interp = boot('bench-sieve.elf', 'interp');
    for (const budget of [1_000_003, 777_777, 3_000_001]) {
      jit.sys.run(budget);
      interp.sys.run(budget);
      assert.equal(jit.sys.machine.hart.icount, interp.sys.machine.hart.icount);
      assert.deepEqual(Array.from(jit.sys.machine.hart.x), Array.from(interp.sys.machine.hart.x));
    }
    const loops = [...jit.sys.engine.cache.blocks()].filter((b) => /continue loop/.test(b.hostCode));
    assert.ok(loops.length > 0, 'the sieve has self-looping blocks');
  });

  it('invalidates translated code that the guest overwrites (smc guest)', () => {
    const { sys } = boot('smc.elf', 'jit', 0);
    const r = runToEnd(sys);
    assert.equal(r.exitCode, 0);
    assert.ok(sys.engine.stats.invalidations > 0);
  });

  // An sc or AMO whose store rewrites the next instruction of its own block: the block is left at
  // once, and rd must still get the instruction's result, as the spec requires.
  for (const engine of ['jit', 'interp'] as const) {
    for (const [insn, expectRd] of [['amoswap.w a3, a2, (a1)', 'old'], ['sc.w a3, a2, (a1)', 'zero']] as const) {
      it(`${engine}: ${insn.split(' ')[0]} into its own block writes rd and runs the new code`, () => {
        const src = [
          '    .option norvc',
          '    .globl _start',
          '_start:',
          '    la a1, target',
          '    li a2, 0x00700513        # addi a0, zero, 7',
          '    li a3, -1',
          '    lr.w t0, (a1)',
          `    ${insn}`,
          'target:',
          '    addi a0, zero, 1',
          '    li t0, 0x100000',
          '    li t1, 0x5555',
          '    sw t1, 0(t0)',
          '',
        ].join('\n');
        const r = assemble([{ path: 'smc-amo.S', text: src }], { noDebug: true });
        assert.ok(r.elf, r.diagnostics.map((d) => d.message).join('; '));
        const sys = new GuestSystem({ guest: { path: 'smc-amo.S', bytes: r.elf }, engine, jitThreshold: 0, write: () => undefined });
        const end = runToEnd(sys);
        assert.equal(end.exitCode, 0);
        const x = sys.machine.hart.x;
        assert.equal(x[10], 7, 'a0: the rewritten instruction ran');
        assert.equal(x[13] >>> 0, expectRd === 'old' ? 0x00100513 : 0, 'a3: the result of the store instruction');
      });
    }
  }

  it('flushes the whole cache when its bound is reached', () => {
    const out: number[] = [];
    const sys = new GuestSystem({ guest: path.join(GUESTS, 'hello-c.elf'), write: (b) => out.push(...b) });
    (sys.engine.cache as unknown as { maxBlocks: number }).maxBlocks = 8;
    const r = runToEnd(sys);
    assert.equal(r.exitCode, 0);
    assert.ok(sys.engine.stats.flushes > 0);
    assert.ok(sys.engine.cache.size <= 8);
  });

  it('changing breakpoints retranslates only the blocks they touch', () => {
    const { sys, text } = boot('hello-c.elf', 'jit');
    const main = sys.image.symbols.address('main')!;
    sys.engine.setBreakpoints([main]);
    assert.equal(sys.run(50_000_000).reason, StopReason.Breakpoint);
    const cached = sys.engine.cache.size;
    const flushes = sys.engine.stats.flushes;
    sys.engine.setBreakpoints([]);
    assert.equal(sys.engine.stats.flushes, flushes, 'no flush');
    assert.ok(sys.engine.cache.size >= cached - 2, 'only the blocks at the breakpoint were dropped');
    assert.equal(sys.engine.step(), StopReason.Budget);
    const end = runToEnd(sys);
    assert.equal(end.exitCode, 0);
    assert.match(text(), /Goodbye!/);
    // Set inside a hot, compiled block: that block is retranslated and the guest stops there.
    const hot = boot('bench-crc.elf', 'jit');
    hot.sys.run(2_000_000);
    const block = [...hot.sys.engine.cache.blocks()].filter((b) => b.guest.length > 2).sort((a, b) => b.execs - a.execs)[0];
    assert.ok(block.hostCode !== '', 'the hot block was compiled');
    hot.sys.engine.setBreakpoints([block.insnPcs[1]]);
    assert.ok(!block.valid, 'the block holding the breakpoint was dropped');
    const r = hot.sys.run(50_000_000);
    assert.equal(r.reason, StopReason.Breakpoint);
    assert.equal(hot.sys.machine.hart.x[PC_INDEX], block.insnPcs[1]);
  });
});
