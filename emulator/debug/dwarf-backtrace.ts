/**
 * A whole stack from one-frame unwinding: the innermost frame's registers, then each caller's, until
 * the CFI ends the chain or the chain stops making sense (a zero return address, a stack pointer
 * that moves down, a frame that repeats), which is how a corrupt or uninitialised stack shows.
 */
import type { CallFrameInfo, UnwindOptions } from './debug-info-api';

export interface StackFrame {
  /** The frame's pc: for callers, the return address. */
  readonly pc: number;
  /** x0..x31 and pc (index 32) as far as the CFI recovers them. */
  readonly regs: Int32Array;
}

const PC = 32;
const SP = 2;

/**
 * The frames from the innermost (`regs`, laid out as hart.x) outwards. A caller's pc is a return
 * address, looked up at pc - 1, unless the frame below it is a signal trampoline.
 */
export function backtrace(cfi: CallFrameInfo, regs: Int32Array, read32: (addr: number) => number | undefined, maxFrames = 256): StackFrame[] {
  const frames: StackFrame[] = [{ pc: regs[PC] >>> 0, regs: regs.slice(0, PC + 1) }];
  let exact = true;
  while (frames.length < maxFrames) {
    const callee = frames[frames.length - 1];
    const options: UnwindOptions = { returnAddress: !exact };
    const caller = cfi.unwind(callee.pc, callee.regs, read32, options);
    if (caller === undefined) break;
    exact = cfi.isSignalFrame?.(callee.pc, options) ?? false;
    const pc = caller[PC] >>> 0;
    const sp = caller[SP] >>> 0;
    const calleeSp = callee.regs[SP] >>> 0;
    if (pc === 0 || sp < calleeSp || (sp === calleeSp && pc === callee.pc)) break;
    frames.push({ pc, regs: caller });
  }
  return frames;
}
