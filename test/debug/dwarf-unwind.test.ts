/**
 * Unwinding real stacks: run a guest to a breakpoint in a nested function, unwind with the CFI, and
 * check every caller frame three ways: its return address follows a call (to the callee, for a
 * direct call) and maps to the call's source line; and when the guest then really returns there,
 * its stack pointer and callee-saved registers are the unwound ones (the ABI preserves them).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readDebugInfo, DwarfDebugInfo } from '../../emulator/debug/dwarf';
import { backtrace, StackFrame } from '../../emulator/debug/dwarf-backtrace';
import { GuestSystem } from '../../emulator/system';
import { StopReason } from '../../emulator/tb/engine';
import { ELVES, FIXTURES, markerLines } from './dwarf-helpers';

const SP = 2;
/** sp, gp, tp, s0-s11: what a callee must give back. */
const PRESERVED = [2, 3, 4, 8, 9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27];

function boot(elf: string): { sys: GuestSystem; info: DwarfDebugInfo; read32: (a: number) => number | undefined } {
  const sys = new GuestSystem({ guest: elf, write: () => {} });
  const { info, warnings } = readDebugInfo(fs.readFileSync(elf), elf);
  assert.deepEqual(warnings, []);
  const bus = sys.machine.bus;
  const read16 = (a: number) => {
    bus.fault = false;
    const v = bus.read(a >>> 0, 2);
    return bus.fault ? undefined : v;
  };
  const read32 = (a: number) => {
    const lo = read16(a);
    const hi = read16(a + 2);
    return lo === undefined || hi === undefined ? undefined : (lo | (hi << 16)) >>> 0;
  };
  return { sys, info: info!, read32 };
}

/** Runs until pc is `pc` with sp `sp` (a return address can be reached by other, deeper, calls first). */
function runTo(sys: GuestSystem, pc: number, sp?: number): void {
  sys.engine.setBreakpoints([pc]);
  for (let i = 0; i < 1000; i++) {
    const r = sys.run(50_000_000);
    assert.equal(r.reason, StopReason.Breakpoint, `reached 0x${pc.toString(16)}`);
    if (sp === undefined || sys.machine.hart.x[SP] >>> 0 === sp) return;
    sys.engine.step();
  }
  assert.fail(`0x${pc.toString(16)} with sp 0x${sp?.toString(16)} not reached`);
}

/** The function a call instruction ending at `ra` calls directly, null for an indirect call, undefined when no call ends there. */
function callTarget(read32: (a: number) => number | undefined, ra: number): number | null | undefined {
  const w = read32(ra - 4)!;
  const rd = (w >>> 7) & 31;
  if ((w & 0x7f) === 0x6f && rd === 1) {
    const imm = (((w >> 31) << 20) | (((w >>> 12) & 0xff) << 12) | (((w >>> 20) & 1) << 11) | (((w >>> 21) & 0x3ff) << 1));
    return (ra - 4 + imm) >>> 0;
  }
  if ((w & 0x7f) === 0x67 && rd === 1 && ((w >>> 12) & 7) === 0) return null;
  const h = read32(ra - 2)! & 0xffff;
  if ((h & 0xe003) === 0x2001) {
    // c.jal (RV32): offset[11|4|9:8|10|6|7|3:1|5]
    const bit = (n: number) => (h >>> n) & 1;
    const imm = (bit(12) << 11) | (bit(11) << 4) | (((h >>> 9) & 3) << 8) | (bit(8) << 10) | (bit(7) << 6) | (bit(6) << 7) | (((h >>> 3) & 7) << 1) | (bit(2) << 5);
    return (ra - 2 + ((imm << 20) >> 20)) >>> 0;
  }
  if ((h & 0xf07f) === 0x9002 && ((h >>> 7) & 31) !== 0) return null;
  return undefined;
}

function names(sys: GuestSystem, frames: StackFrame[]): string[] {
  return frames.map((f) => sys.symbolize(f.pc)?.replace(/\+.*/, '') ?? `0x${f.pc.toString(16)}`);
}

/** The checks every caller frame passes; then runs the guest back up the stack checking the registers. */
function checkStack(sys: GuestSystem, info: DwarfDebugInfo, read32: (a: number) => number | undefined, frames: StackFrame[], calls?: Map<string, [string, number]>): void {
  const fn = names(sys, frames);
  for (let k = 1; k < frames.length; k++) {
    const { pc, regs } = frames[k];
    const where = `frame ${k} (${sys.symbolize(pc)}, called ${fn[k - 1]})`;
    const target = callTarget(read32, pc);
    assert.notEqual(target, undefined, `${where}: a call ends at the return address`);
    if (target !== null) assert.equal(sys.symbolize(target!), fn[k - 1], `${where}: the call goes to the callee`);
    assert.ok(regs[SP] >>> 0 >= frames[k - 1].regs[SP] >>> 0, `${where}: the stack unwinds upwards`);
    const marker = calls?.get(fn[k - 1]);
    if (marker !== undefined) {
      const loc = info.lines.locate(pc - 1);
      assert.deepEqual([loc && path.basename(loc.file), loc?.line], [marker[0], marker[1]], `${where}: the call's source line`);
    }
  }
  for (let k = 1; k < frames.length; k++) {
    runTo(sys, frames[k].pc, frames[k].regs[SP] >>> 0);
    const x = sys.machine.hart.x;
    for (const r of PRESERVED) assert.equal(x[r], frames[k].regs[r], `back in ${fn[k]}: x${r} is the unwound value`);
  }
}

/** Where nested.c's call chain calls each function: callee -> [file, line of its CALL: marker]. */
function callSites(): Map<string, [string, number]> {
  const src = (f: string) => path.join(FIXTURES, 'src', f);
  const at = (f: string, m: string): [string, number] => [f, markerLines(src(f), m)[0]];
  return new Map([
    ['inner', at('nested.c', 'CALL:inner')],
    ['middle', at('cfi-ops.S', 'CALL:fn')],
    ['asm_tramp', at('nested.c', 'CALL:asm_tramp')],
    ['outer', at('nested.c', 'CALL:outer')],
    ['main', at('start.S', 'CALL:main')],
  ]);
}

describe('debug/dwarf unwinding a running guest', function () {
  this.timeout(60_000);
  for (const name of ['nested-v5', 'nested-eh', 'nested-v4', 'nested-v3', 'nested-v2']) {
    it(`${name}: from inner() up to _start, through an assembly frame that keeps ra in s1`, () => {
      const { sys, info, read32 } = boot(ELVES[name]);
      const nested = path.join(FIXTURES, 'src', 'nested.c');
      const bp = info.lines.addressesOf(nested, markerLines(nested, 'BREAK:inner')[0])[0];
      assert.ok(bp !== undefined, 'the breakpoint line has code');
      runTo(sys, bp);
      const frames = backtrace(info.frames!, sys.machine.hart.x, read32);
      assert.deepEqual(names(sys, frames), ['inner', 'middle', 'asm_tramp', 'outer', 'main', '_start']);
      // _start's CFI marks ra undefined: the outermost frame, nothing above it.
      assert.equal(info.frames!.unwind(frames[5].pc, frames[5].regs, read32, { returnAddress: true }), undefined);
      checkStack(sys, info, read32, frames, callSites());
      sys.engine.setBreakpoints([]);
      const end = sys.run(10_000_000);
      assert.equal(end.exitCode, 0, 'the guest finishes normally after all the stops');
    });
  }

  // uart_putc is reached through picolibc's stdio hook, cmp_int through qsort's function pointer.
  const HELLO_STACKS: Record<string, string[]> = {
    uart_putc: ['uart_putc', 'puts', 'main', '_cstart'],
    cmp_int: ['cmp_int', 'med3.constprop.0', 'qsort', 'main', '_cstart'],
  };
  for (const [fn, chain] of Object.entries(HELLO_STACKS)) {
    it(`hello-c (picolibc, -Os -msave-restore): from ${fn}() through library frames up to _cstart`, () => {
      const { sys, info, read32 } = boot(ELVES['hello-c']);
      runTo(sys, sys.image.symbols.address(fn)!);
      const frames = backtrace(info.frames!, sys.machine.hart.x, read32);
      // _start jumps to _cstart with ra still 0 from reset: the walk ends there.
      assert.deepEqual(names(sys, frames), chain);
      checkStack(sys, info, read32, frames);
    });
  }
});
