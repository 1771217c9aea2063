/**
 * RV32I register-register and register-immediate arithmetic, lui and auipc. Each mnemonic is one row
 * of a table naming its micro-op; `genArith`/`genArithImm`/`genSetcond` compose the ops.
 *
 * None of these can trap, so the result is computed straight into rd; with rd = x0 nothing is emitted.
 */
import { Cond } from '../ir/ops';
import { BaseMnemonic, Decoded } from '../isa/types';
import { ArithOp, TransCtx, TransFn, fromTable, genBinop } from './context';

/** rd = rs1 <op> rs2 */
export function genArith(ctx: TransCtx, d: Decoded, op: ArithOp): void {
  if (d.rd === 0) return;
  genBinop(ctx, op, d.rd, ctx.b.reg(d.rs1), ctx.b.reg(d.rs2));
}

/** rd = rs1 <op> imm (shift amounts arrive in imm too) */
export function genArithImm(ctx: TransCtx, d: Decoded, op: ArithOp): void {
  if (d.rd === 0) return;
  genBinop(ctx, op, d.rd, ctx.b.reg(d.rs1), ctx.b.k(d.imm));
}

/** rd = cond(rs1, rs2 or imm) ? 1 : 0 */
export function genSetcond(ctx: TransCtx, d: Decoded, c: Cond, useImm: boolean): void {
  if (d.rd === 0) return;
  const { b } = ctx;
  b.setcond(d.rd, c, b.reg(d.rs1), useImm ? b.k(d.imm) : b.reg(d.rs2));
}

const REG_OPS = {
  add: 'add', sub: 'sub', sll: 'shl', srl: 'shr', sra: 'sar', xor: 'xor', or: 'or', and: 'and',
} as const satisfies Record<string, ArithOp>;

// The shift ops mask their amount to 5 bits, which is exactly RISC-V's rule for sll/srl/sra.
const IMM_OPS = {
  addi: 'add', xori: 'xor', ori: 'or', andi: 'and', slli: 'shl', srli: 'shr', srai: 'sar',
} as const satisfies Record<string, ArithOp>;

const SET_OPS = { slt: Cond.LT, sltu: Cond.LTU } as const;
// sltiu compares against the sign-extended immediate as an unsigned number, as the spec says.
const SET_IMM_OPS = { slti: Cond.LT, sltiu: Cond.LTU } as const;

export const ALU_TRANSLATORS = {
  ...fromTable(REG_OPS, (op): TransFn => (ctx, d) => genArith(ctx, d, op)),
  ...fromTable(IMM_OPS, (op): TransFn => (ctx, d) => genArithImm(ctx, d, op)),
  ...fromTable(SET_OPS, (c): TransFn => (ctx, d) => genSetcond(ctx, d, c, false)),
  ...fromTable(SET_IMM_OPS, (c): TransFn => (ctx, d) => genSetcond(ctx, d, c, true)),
  // The decoder gives the U-type immediate already shifted into place.
  lui: (ctx, d) => ctx.b.setReg(d.rd, ctx.b.k(d.imm)),
  auipc: (ctx, d) => ctx.b.setReg(d.rd, ctx.b.k(ctx.pc + d.imm)),
} satisfies Partial<Record<BaseMnemonic, TransFn>>;
