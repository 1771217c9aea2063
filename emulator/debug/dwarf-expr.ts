/**
 * DWARF expressions as call-frame information uses them (DW_CFA_def_cfa_expression, _expression,
 * _val_expression): a stack machine over 32-bit values that can read registers and memory.
 * Location descriptions that name a register (DW_OP_regN) have no value and are not supported,
 * nor are operations that need more than a frame (TLS, entry values, calls).
 */
import { Reader } from './dwarf-reader';

export interface ExprContext {
  /** The frame's registers, x0..x31. */
  readonly regs: Int32Array;
  readonly read32: (addr: number) => number | undefined;
}

/** Stops an evaluation; caught by evaluate(), which then gives undefined. */
class ExprStop {
  constructor(readonly why: string) {}
}

const stop = (why: string): never => {
  throw new ExprStop(why);
};

class Machine {
  readonly stack: number[];
  constructor(readonly r: Reader, readonly c: ExprContext, initial: number[]) {
    this.stack = [...initial];
  }
  push(v: number): void {
    if (this.stack.length >= 1024) stop('stack overflow');
    this.stack.push(v >>> 0);
  }
  pop(): number {
    const v = this.stack.pop();
    return v === undefined ? stop('stack underflow') : v;
  }
  /** The entry `depth` below the top. */
  peek(depth: number): number {
    const v = this.stack[this.stack.length - 1 - depth];
    return v === undefined ? stop('stack underflow') : v;
  }
  reg(n: number): number {
    if (n > 31) stop(`register ${n} is not an integer register`);
    return this.c.regs[n];
  }
  load(addr: number, size: number): number {
    const word = this.c.read32((addr & ~3) >>> 0) ?? stop(`memory at 0x${(addr >>> 0).toString(16)} is unreadable`);
    const misaligned = addr & 3;
    if (size === 4 && misaligned === 0) return word >>> 0;
    if (misaligned + size > 4) stop('misaligned deref across words is not supported');
    return size === 4 ? word >>> 0 : (word >>> (misaligned * 8)) & (2 ** (size * 8) - 1);
  }
  jump(delta: number): void {
    const to = this.r.pos + delta;
    if (to < 0 || to > this.r.end) stop('branch outside the expression');
    this.r.pos = to;
  }
}

type ExprOp = (m: Machine) => void;

const binary = (f: (a: number, b: number) => number): ExprOp => (m) => {
  const b = m.pop();
  const a = m.pop();
  m.push(f(a, b));
};
const compare = (f: (a: number, b: number) => boolean): ExprOp => binary((a, b) => (f(a | 0, b | 0) ? 1 : 0));
const constant = (read: (r: Reader) => number): ExprOp => (m) => m.push(read(m.r));

const OPS: Record<number, ExprOp> = {
  0x03: constant((r) => r.u32()), // DW_OP_addr
  0x06: (m) => m.push(m.load(m.pop(), 4)), // DW_OP_deref
  0x08: constant((r) => r.u8()),
  0x09: constant((r) => r.i8()),
  0x0a: constant((r) => r.u16()),
  0x0b: constant((r) => r.i16()),
  0x0c: constant((r) => r.u32()),
  0x0d: constant((r) => r.i32()),
  0x0e: constant((r) => { const lo = r.u32(); r.u32(); return lo; }),
  0x0f: constant((r) => { const lo = r.u32(); r.u32(); return lo; }),
  0x10: constant((r) => r.uleb() % 2 ** 32),
  0x11: constant((r) => r.sleb() % 2 ** 32),
  0x12: (m) => m.push(m.peek(0)), // DW_OP_dup
  0x13: (m) => { m.pop(); }, // DW_OP_drop
  0x14: (m) => m.push(m.peek(1)), // DW_OP_over
  0x15: (m) => m.push(m.peek(m.r.u8())), // DW_OP_pick
  0x16: (m) => { const a = m.pop(); const b = m.pop(); m.push(a); m.push(b); }, // DW_OP_swap
  0x17: (m) => { const a = m.pop(); const b = m.pop(); const c = m.pop(); m.push(a); m.push(c); m.push(b); }, // DW_OP_rot
  0x19: (m) => m.push(Math.abs(m.pop() | 0)), // DW_OP_abs
  0x1a: binary((a, b) => a & b),
  0x1b: binary((a, b) => ((b | 0) === 0 ? stop('division by zero') : Math.trunc((a | 0) / (b | 0)))),
  0x1c: binary((a, b) => a - b),
  0x1d: binary((a, b) => (b === 0 ? stop('division by zero') : a % b)),
  0x1e: binary((a, b) => Math.imul(a, b)),
  0x1f: (m) => m.push(-(m.pop() | 0)), // DW_OP_neg
  0x20: (m) => m.push(~m.pop()), // DW_OP_not
  0x21: binary((a, b) => a | b),
  0x22: binary((a, b) => a + b),
  0x23: (m) => m.push(m.pop() + m.r.uleb()), // DW_OP_plus_uconst
  0x24: binary((a, b) => (b >= 32 ? 0 : a << b)),
  0x25: binary((a, b) => (b >= 32 ? 0 : a >>> b)),
  0x26: binary((a, b) => (a | 0) >> Math.min(b, 31)),
  0x27: binary((a, b) => a ^ b),
  0x28: (m) => { const d = m.r.i16(); if (m.pop() !== 0) m.jump(d); }, // DW_OP_bra
  0x29: compare((a, b) => a === b),
  0x2a: compare((a, b) => a >= b),
  0x2b: compare((a, b) => a > b),
  0x2c: compare((a, b) => a <= b),
  0x2d: compare((a, b) => a < b),
  0x2e: compare((a, b) => a !== b),
  0x2f: (m) => m.jump(m.r.i16()), // DW_OP_skip
  0x92: (m) => { const reg = m.r.uleb(); m.push(m.reg(reg) + m.r.sleb()); }, // DW_OP_bregx
  0x94: (m) => { const size = m.r.u8(); if (size < 1 || size > 4) stop(`deref_size ${size}`); m.push(m.load(m.pop(), size)); },
  0x96: () => {}, // DW_OP_nop
};
for (let n = 0; n < 32; n++) {
  OPS[0x30 + n] = (m) => m.push(n); // DW_OP_lit<n>
  OPS[0x70 + n] = (m) => m.push(m.reg(n) + m.r.sleb()); // DW_OP_breg<n>
}

const MAX_STEPS = 10_000;

/**
 * The value of `expr` (the top of the stack when it ends), starting with `initial` on the stack
 * (the CFA, for register rules). Undefined, with the reason in `why`, when it cannot be evaluated.
 */
export function evaluate(expr: Uint8Array, c: ExprContext, initial: number[] = [], why?: (reason: string) => void): number | undefined {
  const m = new Machine(new Reader(expr), c, initial);
  try {
    for (let steps = 0; !m.r.atEnd(); steps++) {
      if (steps === MAX_STEPS) stop('too many steps (a loop?)');
      const opcode = m.r.u8();
      const op = OPS[opcode];
      if (op === undefined) stop(`unsupported operation 0x${opcode.toString(16)}`);
      op(m);
    }
    return m.pop();
  } catch (e) {
    why?.(e instanceof ExprStop ? e.why : e instanceof Error ? e.message : String(e));
    return undefined;
  }
}
