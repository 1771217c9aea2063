/**
 * The JavaScript back end: one translation block's micro-ops become one JS function,
 * `(x, m, h) => exitCode`, built with `new Function` from the IR alone. Generated source contains only
 * numbers and identifiers chosen here (temps, labels, runtime names): no guest-controlled text.
 *
 * Control flow inside a block is forward-only, so each label becomes a labelled JS block that the code
 * between its branches and its definition sits in; a branch is `break Lk`.
 */
import { IRBlock, Op, TempKind, PC_INDEX, opShape } from '../ir/ir';
import { OPC, OP_DEFS, OpFlag, ARITH_RUNTIME, jsCond, MemOp } from '../ir/ops';
import type { HartApi, MemAccess } from '../cpu/hart-api';

/**
 * A block's function. `tb` and `limit` serve self-loops: a block that jumps back to its own start keeps
 * running inside the function (counting `tb.execs` and retired instructions itself) while the hart's
 * retired-instruction count stays below `limit` and nothing needs the dispatcher's attention.
 */
export type BlockFn = (x: Int32Array, m: MemAccess, h: HartApi, tb: { execs: number }, limit: number) => number;

/** What generated code may call, by name: arithmetic runtime and the translator's helpers. */
export interface JitRuntime {
  readonly helpers: readonly { readonly name: string; readonly fn: (h: HartApi, ...a: number[]) => number | void }[];
}

const LOAD_METHOD: Readonly<Record<number, keyof MemAccess>> = {
  [MemOp.UB]: 'lbu', [MemOp.SB]: 'lb', [MemOp.UW]: 'lhu', [MemOp.SW]: 'lh', [MemOp.UL]: 'lw',
};
const STORE_METHOD: Readonly<Record<number, keyof MemAccess>> = { 1: 'sb', 2: 'sh', 4: 'sw' };

/** A JS identifier for helper i; built from the index only, never from a name. */
const helperIdent = (i: number) => `hp${i}`;

/** Generates the source of the block function's body. Exported for listings (`out_asm`) and tests. */
export function generateSource(block: IRBlock, ops: readonly Op[], pcName = 'block'): string {
  const lines: string[] = [];
  const locals = new Set<number>();
  const val = (t: number): string => {
    const temp = block.temps[t];
    if (temp.kind === TempKind.Const) return String(temp.value | 0);
    if (temp.kind === TempKind.Global) return `x[${temp.value}]`;
    locals.add(temp.value);
    return `t${temp.value}`;
  };
  const dst = (t: number): string => val(t);

  // Labels in the order they are defined; the first defined is the innermost block.
  const labelOrder: number[] = [];
  for (const op of ops) if (op.opc === OPC.set_label) labelOrder.push(op.args[0]);
  const indent = () => '  '.repeat(1 + openLabels);
  let openLabels = labelOrder.length;

  let insnPc = 0;
  let pcSynced = false;
  const startPc = ops.find((op) => op.opc === OPC.insn_start)?.args[0];
  const ninsns = ops.filter((op) => op.opc === OPC.insn_start).length;
  /** The constant pc was last set to, when it was set to a constant. */
  let pcConst: number | undefined;
  let selfLoop = false;
  for (const op of ops) {
    const shape = opShape(op);
    const a = op.args;
    if (shape.flags & OpFlag.MayTrap && !pcSynced) {
      lines.push(`${indent()}x[${PC_INDEX}] = ${insnPc | 0};`);
      pcSynced = true;
    }
    switch (op.opc) {
      case OPC.insn_start:
        insnPc = a[0];
        pcSynced = false;
        lines.push(`${indent()}// ${(a[0] >>> 0).toString(16)}`);
        break;
      case OPC.mov:
        lines.push(`${indent()}${dst(a[0])} = ${val(a[1])};`);
        if (a[0] === PC_INDEX) {
          pcSynced = false;
          pcConst = block.temps[a[1]].kind === TempKind.Const ? block.temps[a[1]].value : undefined;
        }
        break;
      case OPC.brcond:
        lines.push(`${indent()}if (${jsCond(a[2], val(a[0]), val(a[1]))}) break L${a[3]};`);
        break;
      case OPC.br:
        lines.push(`${indent()}break L${a[0]};`);
        break;
      case OPC.set_label:
        openLabels--;
        lines.push(`${indent()}} // L${a[0]}`);
        break;
      case OPC.qemu_ld:
        lines.push(`${indent()}${dst(a[0])} = m.${LOAD_METHOD[a[2]]}(${val(a[1])});`);
        break;
      case OPC.qemu_st:
        lines.push(`${indent()}m.${STORE_METHOD[a[2] & 7]}(${val(a[1])}, ${val(a[0])});`);
        break;
      case OPC.call: {
        const ins = a.slice(shape.outs, shape.outs + shape.ins).map(val);
        const consts = a.slice(shape.outs + shape.ins).map((k) => String(k | 0));
        const callText = `${helperIdent(op.helper!)}(h${[...ins, ...consts].map((s) => ', ' + s).join('')})`;
        lines.push(`${indent()}${shape.outs ? `${dst(a[0])} = ${callText} | 0` : callText};`);
        // A helper may set pc (xRET) or raise; pc must be synced again before the next trapping op.
        pcSynced = false;
        break;
      }
      case OPC.goto_tb:
        if (pcConst !== undefined && startPc !== undefined && pcConst === startPc && ninsns > 0) {
          // Back to our own start: go round again here, exactly when the dispatcher would run us again.
          selfLoop = true;
          lines.push(`${indent()}if (h.icount + ${ninsns} < limit && !h.attention) { h.icount += ${ninsns}; tb.execs++; continue loop; }`);
        }
        lines.push(`${indent()}return ${a[0] | 0};`);
        break;
      case OPC.exit_tb:
        lines.push(`${indent()}return ${a[0] | 0};`);
        break;
      default: {
        const def = OP_DEFS[op.opc];
        if (!def.js) throw new Error(`jit: no code for ${def.name}`);
        const k = shape.consts ? a[shape.outs + shape.ins] : 0;
        lines.push(`${indent()}${dst(a[0])} = ${def.js(val(a[1]), shape.ins > 1 ? val(a[2]) : '', k)};`);
      }
    }
  }
  const head: string[] = [];
  if (locals.size) head.push(`  let ${[...locals].sort((p, q) => p - q).map((l) => `t${l} = 0`).join(', ')};`);
  for (let i = labelOrder.length - 1, depth = 0; i >= 0; i--, depth++) {
    head.push(`${'  '.repeat(1 + depth)}L${labelOrder[i]}: {`);
  }
  const body = [...head, ...lines].join('\n');
  const wrapped = selfLoop ? `  loop: for (;;) {\n${body.replace(/^/gm, '  ')}\n  }` : `${body}\n  return 2;`;
  return `function ${pcName}(x, m, h, tb, limit) {\n${wrapped}\n}`;
}

/** Compiles a block; `runtime` supplies the helper functions that generated code calls. */
export function compileBlock(block: IRBlock, ops: readonly Op[], runtime: JitRuntime, name: string): { fn: BlockFn; source: string } {
  const source = generateSource(block, ops, name);
  const params = [...Object.keys(ARITH_RUNTIME), ...runtime.helpers.map((_, i) => helperIdent(i))];
  const args = [...Object.values(ARITH_RUNTIME), ...runtime.helpers.map((h) => h.fn)];
  // The factory receives our runtime functions as parameters, so generated code reaches them as locals.
  const factory = new Function(...params, `"use strict";\nreturn ${source};`) as (...a: unknown[]) => BlockFn;
  return { fn: factory(...args), source };
}
