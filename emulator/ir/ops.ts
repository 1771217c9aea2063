/**
 * The micro-op set: every op is declared exactly once, here.
 *
 * An op instance's `args` are laid out as QEMU's TCG lays them out: outputs, then inputs, then constant
 * arguments. Outputs and inputs are temp indices (see ir.ts: guest registers, block-local temps and
 * constants are all temps); constant arguments are raw numbers (labels, conditions, memops, helper ids).
 *
 * From this one table derive: the printer (`name`), the optimiser (`eval` for folding, `flags` for
 * liveness), the micro-op interpreter (`eval`) and the JavaScript back end (`js`). Nothing else may list ops.
 */

export const enum OpFlag {
  None = 0,
  /** Must not be removed even when its outputs are dead (stores, helper calls with effects, exits). */
  SideEffect = 1 << 0,
  /** Leaves the translation block: nothing after it in straight-line order runs. */
  BlockEnd = 1 << 1,
  /** May raise a guest trap (memory access, some helpers): the guest pc must be synced before it. */
  MayTrap = 1 << 2,
  /** A conditional or unconditional jump to a label (constant argument). */
  Branch = 1 << 3,
  /** Defines a label: constant propagation state is reset here. */
  Label = 1 << 4,
  /** Marks the start of a guest instruction; carries its pc. */
  InsnStart = 1 << 5,
  /** The number of inputs/outputs comes from the helper table, not from this table. */
  Variadic = 1 << 6,
  /** A helper that writes guest registers (or pc) itself: what the optimiser knew of them is lost. */
  WritesGlobals = 1 << 7,
}

/** Comparison conditions for setcond/brcond; values are stable (they appear in listings and tests). */
export const enum Cond {
  EQ = 0, NE = 1, LT = 2, GE = 3, LTU = 4, GEU = 5,
}
export const COND_NAMES = ['eq', 'ne', 'lt', 'ge', 'ltu', 'geu'] as const;

/** Memory operation: size in bytes (1, 2, 4) plus a sign-extension bit. */
export const enum MemOp {
  UB = 1, UW = 2, UL = 4,
  SB = 1 | 8, SW = 2 | 8,
}
export const MEMOP_NAMES: Readonly<Record<number, string>> = { 1: 'ub', 2: 'uw', 4: 'l', 9: 'sb', 10: 'sw' };

/** The numeric value of a condition applied to two int32 values. */
export function evalCond(c: number, a: number, b: number): boolean {
  switch (c) {
    case Cond.EQ: return a === b;
    case Cond.NE: return a !== b;
    case Cond.LT: return (a | 0) < (b | 0);
    case Cond.GE: return (a | 0) >= (b | 0);
    case Cond.LTU: return (a >>> 0) < (b >>> 0);
    case Cond.GEU: return (a >>> 0) >= (b >>> 0);
    default: throw new Error(`bad condition ${c}`);
  }
}
/** The JavaScript expression of a condition over two int32 expressions. */
export function jsCond(c: number, a: string, b: string): string {
  switch (c) {
    case Cond.EQ: return `${a} === ${b}`;
    case Cond.NE: return `${a} !== ${b}`;
    case Cond.LT: return `${a} < ${b}`;
    case Cond.GE: return `${a} >= ${b}`;
    case Cond.LTU: return `(${a} >>> 0) < (${b} >>> 0)`;
    case Cond.GEU: return `(${a} >>> 0) >= (${b} >>> 0)`;
    default: throw new Error(`bad condition ${c}`);
  }
}

export interface OpDef {
  /** Name in listings (QEMU style, e.g. `add_i32`). */
  readonly name: string;
  readonly outs: number;
  readonly ins: number;
  readonly consts: number;
  readonly flags: number;
  /**
   * Pure semantics of a value-producing op over int32 inputs and its constant arguments; used by the
   * optimiser to fold and by the micro-op interpreter to execute. Absent for ops with effects.
   */
  readonly eval?: (a: number, b: number, k: number) => number;
  /**
   * JavaScript expression for a pure op, over JS expressions of the inputs and the constant argument.
   * The result is always an int32 expression.
   */
  readonly js?: (a: string, b: string, k: number) => string;
}

function pure2(name: string, evalFn: (a: number, b: number) => number, js: (a: string, b: string) => string): OpDef {
  return { name, outs: 1, ins: 2, consts: 0, flags: OpFlag.None, eval: evalFn, js };
}

// RISC-V's total division semantics (no trap on zero or overflow) are part of the op, so the translator
// does not need branches for them and both back ends agree by construction.
function divs(a: number, b: number): number {
  if (b === 0) return -1;
  if (a === -0x80000000 && b === -1) return a;
  return (a / b) | 0;
}
function divu(a: number, b: number): number {
  if (b === 0) return -1;
  return ((a >>> 0) / (b >>> 0)) | 0;
}
function rems(a: number, b: number): number {
  if (b === 0) return a;
  if (a === -0x80000000 && b === -1) return 0;
  return (a % b) | 0;
}
function remu(a: number, b: number): number {
  if (b === 0) return a;
  return ((a >>> 0) % (b >>> 0)) | 0;
}
function mulsh(a: number, b: number): number {
  return Number((BigInt(a | 0) * BigInt(b | 0)) >> 32n) | 0;
}
function muluh(a: number, b: number): number {
  return Number((BigInt(a >>> 0) * BigInt(b >>> 0)) >> 32n) | 0;
}
function mulsuh(a: number, b: number): number {
  return Number((BigInt(a | 0) * BigInt(b >>> 0)) >> 32n) | 0;
}

/** Arithmetic helpers that generated code may call by these exact names (see backend/jit.ts). */
export const ARITH_RUNTIME = { divs, divu, rems, remu, mulsh, muluh, mulsuh } as const;

/** Two-input pure ops: out = f(a, b). */
export const BINOPS = {
  add: pure2('add_i32', (a, b) => (a + b) | 0, (a, b) => `(${a} + ${b}) | 0`),
  sub: pure2('sub_i32', (a, b) => (a - b) | 0, (a, b) => `(${a} - ${b}) | 0`),
  and: pure2('and_i32', (a, b) => a & b, (a, b) => `${a} & ${b}`),
  or: pure2('or_i32', (a, b) => a | b, (a, b) => `${a} | ${b}`),
  xor: pure2('xor_i32', (a, b) => a ^ b, (a, b) => `${a} ^ ${b}`),
  shl: pure2('shl_i32', (a, b) => a << (b & 31), (a, b) => `${a} << (${b} & 31)`),
  shr: pure2('shr_i32', (a, b) => (a >>> (b & 31)) | 0, (a, b) => `(${a} >>> (${b} & 31)) | 0`),
  sar: pure2('sar_i32', (a, b) => a >> (b & 31), (a, b) => `${a} >> (${b} & 31)`),
  mul: pure2('mul_i32', (a, b) => Math.imul(a, b), (a, b) => `Math.imul(${a}, ${b})`),
  mulsh: pure2('mulsh_i32', mulsh, (a, b) => `mulsh(${a}, ${b})`),
  muluh: pure2('muluh_i32', muluh, (a, b) => `muluh(${a}, ${b})`),
  mulsuh: pure2('mulsuh_i32', mulsuh, (a, b) => `mulsuh(${a}, ${b})`),
  div: pure2('div_i32', divs, (a, b) => `divs(${a}, ${b})`),
  divu: pure2('divu_i32', divu, (a, b) => `divu(${a}, ${b})`),
  rem: pure2('rem_i32', rems, (a, b) => `rems(${a}, ${b})`),
  remu: pure2('remu_i32', remu, (a, b) => `remu(${a}, ${b})`),
} as const;
export type BinopName = keyof typeof BINOPS;

/** The op table. Order is irrelevant; keys are the ops' identifiers in code. */
export const OPS = {
  insn_start: { name: 'insn_start', outs: 0, ins: 0, consts: 1, flags: OpFlag.InsnStart | OpFlag.SideEffect },
  mov: { name: 'mov_i32', outs: 1, ins: 1, consts: 0, flags: OpFlag.None, eval: (a: number) => a, js: (a: string) => a },

  ...BINOPS,

  /** out = cond(a, b) ? 1 : 0; const: Cond. */
  setcond: {
    name: 'setcond_i32', outs: 1, ins: 2, consts: 1, flags: OpFlag.None,
    eval: (a: number, b: number, c: number) => (evalCond(c, a, b) ? 1 : 0),
    js: (a: string, b: string, c: number) => `(${jsCond(c, a, b)}) ? 1 : 0`,
  },
  /** if cond(a, b) goto label; consts: Cond, label. */
  brcond: { name: 'brcond_i32', outs: 0, ins: 2, consts: 2, flags: OpFlag.Branch | OpFlag.SideEffect },
  /** goto label (forward only); const: label. */
  br: { name: 'br', outs: 0, ins: 0, consts: 1, flags: OpFlag.Branch | OpFlag.SideEffect },
  set_label: { name: 'set_label', outs: 0, ins: 0, consts: 1, flags: OpFlag.Label | OpFlag.SideEffect },

  /** out = load(addr); const: MemOp. Goes through the MMU, PMP and the bus; may trap. */
  qemu_ld: { name: 'qemu_ld_i32', outs: 1, ins: 1, consts: 1, flags: OpFlag.MayTrap | OpFlag.SideEffect },
  /** store(addr, value); inputs: value, addr; const: MemOp. */
  qemu_st: { name: 'qemu_st_i32', outs: 0, ins: 2, consts: 1, flags: OpFlag.MayTrap | OpFlag.SideEffect },

  /** Call a helper (translate/helpers.ts): outputs, inputs and constants as the helper declares. */
  call: { name: 'call', outs: 0, ins: 0, consts: 0, flags: OpFlag.Variadic | OpFlag.SideEffect },

  /** Leave the block through chain slot `k` (0 or 1); pc must already be set. */
  goto_tb: { name: 'goto_tb', outs: 0, ins: 0, consts: 1, flags: OpFlag.BlockEnd | OpFlag.SideEffect },
  /** Leave the block; the dispatcher looks the next block up from pc. const: ExitReason. */
  exit_tb: { name: 'exit_tb', outs: 0, ins: 0, consts: 1, flags: OpFlag.BlockEnd | OpFlag.SideEffect },
} as const satisfies Record<string, OpDef>;

export type OpName = keyof typeof OPS;

/** Dense numbering of ops, for the interpreter's switch and compact op arrays. */
export const OP_LIST: readonly OpName[] = Object.keys(OPS) as OpName[];
export const OPC: Readonly<Record<OpName, number>> = Object.fromEntries(OP_LIST.map((n, i) => [n, i])) as Record<OpName, number>;
export const OP_DEFS: readonly OpDef[] = OP_LIST.map((n) => OPS[n]);

/** Why a block returned to the dispatcher (the value a generated block function returns). */
export const enum ExitReason {
  /** Chain slots: the dispatcher may link these directly to the successor block. */
  Slot0 = 0,
  Slot1 = 1,
  /** Indirect jump or state change: look the next block up from pc. */
  Lookup = 2,
  /** A debugger breakpoint at pc: stop before executing it. */
  Breakpoint = 3,
  /**
   * An indirect jump (jalr) with the translation state unchanged: the dispatcher may reuse the block
   * this one jumped to last time when pc matches (a one-entry inline cache: returns, calls through
   * pointers).
   */
  Jump = 4,
}
