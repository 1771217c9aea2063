/**
 * The in-memory form of one translation block's micro-ops, and the builder the translator emits through.
 *
 * Values are "temps", as in TCG: a guest register (a global backed by the hart's register array), a
 * block-local temporary, or a constant. Ops refer to temps by index; the optimiser may rewrite an op's
 * inputs to other temps (constants, copies) but never changes what a global means.
 */
import { OPC, OP_DEFS, OpName, OpFlag, Cond, MemOp, ExitReason, BinopName } from './ops';

export const enum TempKind { Global = 0, Local = 1, Const = 2 }

/** Index of the guest pc in the hart's register array (after x0..x31). */
export const PC_INDEX = 32;
/** Number of globals: x0..x31 and pc. Temps 0..NUM_GLOBALS-1 are the globals, in that order. */
export const NUM_GLOBALS = 33;

export interface Temp {
  readonly kind: TempKind;
  /** Global: its index in the register array. Const: its int32 value. Local: its ordinal among locals. */
  readonly value: number;
}

export interface Op {
  /** Index into OP_DEFS. */
  opc: number;
  /** Outputs, inputs, constants (for `call`, in the shape its helper declares). */
  args: number[];
  /** For `call` only: the helper id (translate/helpers.ts). */
  helper?: number;
}

/** Shape of a helper as the IR needs it (the helper table lives in translate/helpers.ts). */
export interface HelperShape {
  readonly name: string;
  readonly ins: number;
  readonly out: boolean;
  /** Constant arguments after the inputs. */
  readonly consts: number;
  /** OpFlag bits added to the call's: MayTrap, BlockEnd... (calls are always SideEffect). */
  readonly flags: number;
}

/** Resolves a helper id to its shape; set once by translate/helpers.ts. */
let helperShapes: readonly HelperShape[] = [];
export function registerHelperShapes(shapes: readonly HelperShape[]): void {
  helperShapes = shapes;
}
export function helperShape(id: number): HelperShape {
  const s = helperShapes[id];
  if (!s) throw new Error(`unknown helper id ${id}`);
  return s;
}

export interface OpShape { readonly outs: number; readonly ins: number; readonly consts: number; readonly flags: number }

/** The number of outputs, inputs and constants of an op instance, and its effective flags. */
export function opShape(op: Op): OpShape {
  const def = OP_DEFS[op.opc];
  if (op.helper === undefined) return def;
  const h = helperShape(op.helper);
  return { outs: h.out ? 1 : 0, ins: h.ins, consts: h.consts, flags: def.flags | h.flags };
}

export class IRBlock {
  readonly temps: Temp[] = [];
  ops: Op[] = [];
  nlabels = 0;
  nlocals = 0;
  private readonly consts = new Map<number, number>();

  constructor() {
    for (let i = 0; i < NUM_GLOBALS; i++) this.temps.push({ kind: TempKind.Global, value: i });
  }
  /** The temp holding constant `v` (int32); one temp per distinct value. */
  constTemp(v: number): number {
    v |= 0;
    let t = this.consts.get(v);
    if (t === undefined) {
      t = this.temps.length;
      this.temps.push({ kind: TempKind.Const, value: v });
      this.consts.set(v, t);
    }
    return t;
  }
  newLocal(): number {
    const t = this.temps.length;
    this.temps.push({ kind: TempKind.Local, value: this.nlocals++ });
    return t;
  }
  isConst(t: number): boolean { return this.temps[t].kind === TempKind.Const; }
  constValue(t: number): number { return this.temps[t].value; }
}

/**
 * The API the translator emits through. Each method appends one op; temps are plain numbers.
 * `reg(0)` is the constant 0, and writes to x0 are discarded, so translators need no special cases.
 */
export class IRBuilder {
  constructor(readonly block: IRBlock) {}

  reg(i: number): number { return i === 0 ? this.block.constTemp(0) : i; }
  get pc(): number { return PC_INDEX; }
  k(v: number): number { return this.block.constTemp(v); }
  temp(): number { return this.block.newLocal(); }

  emit(name: OpName, ...args: number[]): void {
    this.block.ops.push({ opc: OPC[name], args });
  }
  insnStart(pc: number): void { this.emit('insn_start', pc | 0); }

  /** Writes `v` to guest register `rd`; a write to x0 is dropped. */
  setReg(rd: number, v: number): void { if (rd !== 0) this.emit('mov', rd, v); }
  mov(out: number, a: number): void { this.emit('mov', out, a); }
  /** out = a <op> b for a two-input pure op. */
  binop(name: PureBinop, out: number, a: number, b: number): void { this.emit(name, out, a, b); }
  setcond(out: number, c: Cond, a: number, b: number): void { this.emit('setcond', out, a, b, c); }

  newLabel(): number { return this.block.nlabels++; }
  setLabel(l: number): void { this.emit('set_label', l); }
  brcond(c: Cond, a: number, b: number, l: number): void { this.emit('brcond', a, b, c, l); }
  br(l: number): void { this.emit('br', l); }

  ld(out: number, addr: number, m: MemOp): void { this.emit('qemu_ld', out, addr, m); }
  st(value: number, addr: number, m: MemOp): void { this.emit('qemu_st', value, addr, m); }

  /** Calls helper `id` with inputs `ins`; `out` receives its result (or -1 for none); then `consts`. */
  call(id: number, out: number, ins: readonly number[], consts: readonly number[] = []): void {
    const h = helperShape(id);
    if (h.ins !== ins.length || h.out !== (out >= 0) || h.consts !== consts.length) {
      throw new Error(`helper ${h.name}: wrong number of arguments`);
    }
    this.block.ops.push({ opc: OPC.call, args: [...(out >= 0 ? [out] : []), ...ins, ...consts], helper: id });
  }

  gotoTb(slot: 0 | 1): void { this.emit('goto_tb', slot); }
  exitTb(reason: ExitReason = ExitReason.Lookup): void { this.emit('exit_tb', reason); }
}

export type PureBinop = BinopName;

export { OpFlag };
