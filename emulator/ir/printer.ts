/**
 * Micro-op listings in the style of QEMU's `-d op` / `-d op_opt`: one op per line, ` ---- <pc>` before
 * each guest instruction, globals as `x10/a0`, constants as `$0x..`, labels as `$L0`.
 */
import { IRBlock, Op, TempKind, PC_INDEX, opShape, helperShape } from './ir';
import { OP_DEFS, OPC, COND_NAMES, MEMOP_NAMES, OpFlag } from './ops';

const ABI = [
  'zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
  'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6',
];

export function hex(v: number): string {
  return '0x' + (v >>> 0).toString(16);
}

export function tempName(block: IRBlock, t: number): string {
  const temp = block.temps[t];
  switch (temp.kind) {
    case TempKind.Global: return temp.value === PC_INDEX ? 'pc' : `x${temp.value}/${ABI[temp.value]}`;
    case TempKind.Const: return '$' + hex(temp.value);
    default: return `tmp${temp.value}`;
  }
}

/** How each constant argument of an op prints: by op, the meaning of constant i. */
function constText(op: Op, i: number, v: number): string {
  switch (op.opc) {
    case OPC.setcond: return COND_NAMES[v] ?? String(v);
    case OPC.brcond: return i === 0 ? COND_NAMES[v] ?? String(v) : `$L${v}`;
    case OPC.br: case OPC.set_label: return `$L${v}`;
    case OPC.qemu_ld: case OPC.qemu_st: return MEMOP_NAMES[v] ?? String(v);
    default: return '$' + hex(v);
  }
}

export function formatOp(block: IRBlock, op: Op): string {
  if (op.opc === OPC.insn_start) return ` ---- ${(op.args[0] >>> 0).toString(16).padStart(8, '0')}`;
  const shape = opShape(op);
  const parts: string[] = [];
  if (op.helper !== undefined) parts.push(helperShape(op.helper).name);
  const nt = shape.outs + shape.ins;
  for (let i = 0; i < op.args.length; i++) {
    parts.push(i < nt ? tempName(block, op.args[i]) : constText(op, i - nt, op.args[i]));
  }
  const text = ` ${OP_DEFS[op.opc].name} ${parts.join(',')}`.trimEnd();
  // A blank line after a block exit mirrors QEMU's listings and makes the two exits of a branch readable.
  return shape.flags & OpFlag.BlockEnd ? text + '\n' : text;
}

/** The whole block as text, one op per line. */
export function formatBlock(block: IRBlock, ops: readonly Op[] = block.ops): string {
  return ops.map((op) => formatOp(block, op)).join('\n') + '\n';
}
