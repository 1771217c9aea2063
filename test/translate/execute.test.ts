/**
 * End to end through the real decoder: a small program translated block by block and run on the
 * micro-op interpreter, with a minimal dispatcher (follow pc until a trap).
 */
import * as assert from 'assert';
import { translateBlock } from '../../emulator/translate/translator';
import { optimize } from '../../emulator/ir/optimize';
import { interpretedBlock } from '../../emulator/backend/interp';
import { compileBlock } from '../../emulator/backend/jit';
import { TRAP_SIGNAL } from '../../emulator/cpu/trap-signal';
import { HELPERS } from '../../emulator/translate/helpers';
import { CodeEnv, FakeHart } from './fixtures';

const BASE = 0x80000000;
// riscv64-unknown-elf-gcc -march=rv32imac: sum 1..10 in a loop, store it, double it in a call, reload
// it, divide and take the remainder by 7, then an AMO and a load, and stop at c.ebreak.
const PROGRAM = [
  0x4501, //     li a0,0
  0x4585, //     li a1,1
  0x462d, //     li a2,11
  0x952e, //  1: add a0,a0,a1
  0x0585, //     addi a1,a1,1
  0xfec59ee3, // bne a1,a2,1b
  0x6285, //     lui t0,0x1
  0x00a2a423, // sw a0,8(t0)
  0x2829, //     jal twice
  0x0082a683, // lw a3,8(t0)
  0x471d, //     li a4,7
  0x02e557b3, // divu a5,a0,a4
  0x02e57833, // remu a6,a0,a4
  0x00e2a8af, // amoadd.w a7,a4,(t0)
  0x0002a483, // lw s1,0(t0)
  0x9002, //     ebreak
  0x0506, // twice: slli a0,a0,1
  0x8082, //     ret
];

type Engine = 'interp' | 'jit';

function runProgram(engine: Engine, optimised: boolean): { h: FakeHart; blocks: number } {
  const env = new CodeEnv(BASE, PROGRAM);
  const h = new FakeHart();
  h.mem.sw(0x1000, 100);
  h.x[32] = BASE;
  let blocks = 0;
  for (;;) {
    const tb = translateBlock(env, h.x[32], 64);
    const ops = optimised ? optimize(tb.ir).ops : tb.ir.ops;
    const fn = engine === 'jit'
      ? compileBlock(tb.ir, ops, { helpers: HELPERS }, 'tb').fn
      : interpretedBlock(tb.ir, ops, { helpers: HELPERS });
    blocks++;
    try {
      fn(h.x, h.mem, h, { execs: 0 }, 0);
    } catch (e) {
      if (e === TRAP_SIGNAL) return { h, blocks };
      throw e;
    }
    if (blocks > 100) throw new Error('runaway');
  }
}

describe('translate: executing a program', () => {
  for (const engine of ['interp', 'jit'] as const) {
    for (const optimised of [false, true]) {
      it(`computes the expected registers (${engine}, ${optimised ? 'optimised' : 'unoptimised'})`, () => {
        const { h } = runProgram(engine, optimised);
        const r = (n: number) => h.x[n];
        // a0 = 2 * 55; a3 = 55 (stored before the call); 110 / 7 and 110 % 7; a7 = old word; s1 = 107.
        assert.deepStrictEqual([r(10), r(13), r(15), r(16), r(17), r(9)], [110, 55, 15, 5, 100, 107]);
        assert.deepStrictEqual([h.cause, h.tval, h.x[32] >>> 0], [3, 0, BASE + 0x2c]);
      });
    }
  }
});
