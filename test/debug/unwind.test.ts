/**
 * Stack unwinding on debug-demo's recursion: with DWARF CFI, and with the code-reading fallbacks only
 * (prologue, epilogue), which must agree.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GuestSystem } from '../../emulator/system';
import { StopReason } from '../../emulator/tb/engine';
import { DebugTarget } from '../../emulator/debug/debug-target';
import { loadDebugInfo } from '../../emulator/debug/debug-info-loader';
import { unwindStack, UnwindEnv } from '../../emulator/debug/unwind';
import { PC_INDEX } from '../../emulator/ir/ir';

const DEMO = path.resolve(__dirname, '..', '..', '..', 'test', 'guests', 'bin', 'debug-demo.elf');

function stopAt(symbol: string, hits: number, offset = 0) {
  const sys = new GuestSystem({ guest: DEMO, write: () => {} });
  const { info } = loadDebugInfo(fs.readFileSync(DEMO), DEMO);
  const t = new DebugTarget(sys, info ? [info] : []);
  const at = t.symbols.address(symbol)! + offset;
  sys.engine.setBreakpoints([at]);
  for (let i = 0; i < hits; i++) {
    if (i > 0) sys.engine.step();
    assert.equal(sys.run(50_000_000).reason, StopReason.Breakpoint);
  }
  return t;
}

const names = (t: DebugTarget, frames: { pc: number }[]) => frames.map((f) => t.symbols.lookup(f.pc)?.symbol.name ?? '?');

function env(t: DebugTarget, withCfi: boolean): UnwindEnv {
  return {
    read32: t.read32, symbols: t.symbols,
    ...(withCfi ? { cfi: (pc: number, regs: Int32Array, ra: boolean) => t.debugInfo.unwind(pc, regs, t.read32, ra) } : {}),
  };
}

describe('debug/unwind', () => {
  it('unwinds the recursion with CFI down to _start, and stops there', () => {
    const t = stopAt('factorial', 5);
    const frames = unwindStack(env(t, true), t.hart.x);
    assert.deepEqual(names(t, frames), ['factorial', 'factorial', 'factorial', 'factorial', 'factorial', 'main', '_start']);
    assert.equal(frames[1].how, 'cfi');
    for (let i = 1; i < frames.length; i++) assert.ok(frames[i].sp >= frames[i - 1].sp, 'callers have higher stack pointers');
  });

  it('reading prologues finds the same frames without CFI', () => {
    const t = stopAt('factorial', 5);
    const withCfi = unwindStack(env(t, true), t.hart.x);
    const without = unwindStack(env(t, false), t.hart.x);
    assert.deepEqual(without.slice(0, 6).map((f) => [f.pc, f.sp]), withCfi.slice(0, 6).map((f) => [f.pc, f.sp]));
    assert.ok(without.every((f) => f.how !== 'cfi'));
  });

  it('mid-function and in an epilogue, the heuristics still find the caller', () => {
    // add's body after its prologue, and at its `ret`.
    const t = stopAt('add', 1);
    let pc = t.hart.x[PC_INDEX] >>> 0;
    // Walk to the ret (jalr x0, 0(ra)) one step at a time, checking the caller each time.
    for (let n = 0; n < 20; n++) {
      const frames = unwindStack(env(t, false), t.hart.x, 3);
      assert.deepEqual(names(t, frames).slice(0, 2), ['add', 'main'], `at 0x${pc.toString(16)}`);
      if ((t.read32(pc)! >>> 0) === 0x00008067) break;
      t.system.engine.step();
      pc = t.hart.x[PC_INDEX] >>> 0;
    }
    assert.equal(t.read32(pc)! >>> 0, 0x00008067, 'reached the ret');
  });
});
