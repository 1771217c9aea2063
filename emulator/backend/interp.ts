/**
 * The micro-op interpreter: the reference back end. It executes the same ops the JIT compiles, with the
 * same exit codes and the same effects, so any difference between the two engines is a back-end bug.
 * Pure ops run through the op table's `eval`, which is also what the optimiser folds with.
 */
import { IRBlock, Op, TempKind, PC_INDEX, opShape } from '../ir/ir';
import { OPC, OP_DEFS, OpFlag, evalCond, MemOp } from '../ir/ops';
import type { HartApi, MemAccess } from '../cpu/hart-api';
import type { BlockFn, JitRuntime } from './jit';

/** An op list prepared for interpretation: label positions resolved, constants preloaded. */
interface Prepared {
  readonly ops: readonly Op[];
  readonly shapes: readonly { outs: number; ins: number; flags: number }[];
  readonly labelAt: Int32Array;
  readonly values: Int32Array;
  readonly isGlobal: Uint8Array;
  /** pc of the instruction each op belongs to (for syncing pc before trapping ops). */
  readonly insnPc: Int32Array;
}

function prepare(block: IRBlock, ops: readonly Op[]): Prepared {
  const labelAt = new Int32Array(block.nlabels).fill(-1);
  const insnPc = new Int32Array(ops.length);
  let pc = 0;
  ops.forEach((op, i) => {
    if (op.opc === OPC.set_label) labelAt[op.args[0]] = i;
    if (op.opc === OPC.insn_start) pc = op.args[0];
    insnPc[i] = pc;
  });
  const values = new Int32Array(block.temps.length);
  const isGlobal = new Uint8Array(block.temps.length);
  block.temps.forEach((t, i) => {
    if (t.kind === TempKind.Const) values[i] = t.value;
    if (t.kind === TempKind.Global) isGlobal[i] = 1;
  });
  return { ops, shapes: ops.map(opShape), labelAt, values, isGlobal, insnPc };
}

/** A block function with the JIT's signature that interprets `ops`. */
export function interpretedBlock(block: IRBlock, ops: readonly Op[], runtime: JitRuntime): BlockFn {
  const p = prepare(block, ops);
  return (x, m, h) => run(p, runtime, x, m, h);
}

function run(p: Prepared, rt: JitRuntime, x: Int32Array, m: MemAccess, h: HartApi): number {
  const { ops, shapes, labelAt, values: v, isGlobal } = p;
  // Register reads and writes are spelled out (no closures): this loop must not allocate.
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    const a = op.args;
    const shape = shapes[i];
    if (shape.flags & OpFlag.MayTrap) x[PC_INDEX] = p.insnPc[i];
    switch (op.opc) {
      case OPC.insn_start:
      case OPC.set_label:
        break;
      case OPC.mov: {
        const val = isGlobal[a[1]] ? x[a[1]] : v[a[1]];
        if (isGlobal[a[0]]) x[a[0]] = val;
        else v[a[0]] = val;
        break;
      }
      case OPC.brcond:
        if (evalCond(a[2], isGlobal[a[0]] ? x[a[0]] : v[a[0]], isGlobal[a[1]] ? x[a[1]] : v[a[1]])) i = labelAt[a[3]];
        break;
      case OPC.br:
        i = labelAt[a[0]];
        break;
      case OPC.qemu_ld: {
        const val = load(m, a[2], isGlobal[a[1]] ? x[a[1]] : v[a[1]]);
        if (isGlobal[a[0]]) x[a[0]] = val;
        else v[a[0]] = val;
        break;
      }
      case OPC.qemu_st:
        store(m, a[2], isGlobal[a[1]] ? x[a[1]] : v[a[1]], isGlobal[a[0]] ? x[a[0]] : v[a[0]]);
        break;
      case OPC.call: {
        // Helpers take (h, ...inputs, ...constants); at most four arguments, passed positionally.
        const o = shape.outs;
        const n = a.length - o;
        const arg = (j: number) => (j >= n ? 0 : j < shape.ins ? (isGlobal[a[o + j]] ? x[a[o + j]] : v[a[o + j]]) : a[o + j]);
        const r = rt.helpers[op.helper!].fn(h, arg(0), arg(1), arg(2), arg(3));
        if (o) {
          if (isGlobal[a[0]]) x[a[0]] = (r as number) | 0;
          else v[a[0]] = (r as number) | 0;
        }
        break;
      }
      case OPC.goto_tb:
      case OPC.exit_tb:
        return a[0];
      default: {
        const def = OP_DEFS[op.opc];
        const k = def.consts ? a[shape.outs + shape.ins] : 0;
        const val = def.eval!(isGlobal[a[1]] ? x[a[1]] : v[a[1]], shape.ins > 1 ? (isGlobal[a[2]] ? x[a[2]] : v[a[2]]) : 0, k) | 0;
        if (isGlobal[a[0]]) x[a[0]] = val;
        else v[a[0]] = val;
      }
    }
  }
  return 2;
}

function load(m: MemAccess, memop: number, addr: number): number {
  switch (memop) {
    case MemOp.UB: return m.lbu(addr);
    case MemOp.SB: return m.lb(addr);
    case MemOp.UW: return m.lhu(addr);
    case MemOp.SW: return m.lh(addr);
    default: return m.lw(addr);
  }
}
function store(m: MemAccess, memop: number, addr: number, value: number): void {
  switch (memop & 7) {
    case 1: m.sb(addr, value); break;
    case 2: m.sh(addr, value); break;
    default: m.sw(addr, value);
  }
}
