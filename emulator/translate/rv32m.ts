/**
 * The M extension. RISC-V's division results for a zero divisor and for overflow are part of the
 * micro-ops' own semantics (ir/ops.ts), so every instruction is a single op.
 */
import { ArithOp, TransFn, fromTable } from './context';
import { genArith } from './rv32i-alu';

const M_OPS = {
  mul: 'mul', mulh: 'mulsh', mulhsu: 'mulsuh', mulhu: 'muluh',
  div: 'div', divu: 'divu', rem: 'rem', remu: 'remu',
} as const satisfies Record<string, ArithOp>;

export const M_TRANSLATORS = fromTable(M_OPS, (op): TransFn => (ctx, d) => genArith(ctx, d, op));
