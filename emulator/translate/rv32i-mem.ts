/**
 * RV32I loads and stores. A load goes into a temp and only then to rd, so a faulting access leaves rd
 * (which may also be the base register) untouched for the trap handler.
 */
import { MemOp } from '../ir/ops';
import { TransCtx, TransFn, fromTable, genBinop } from './context';

/** The temp holding rs1 + imm, without an add when either part is zero. */
export function effectiveAddress(ctx: TransCtx, rs1: number, imm: number): number {
  const { b } = ctx;
  if (rs1 === 0) return b.k(imm);
  if (imm === 0) return b.reg(rs1);
  const addr = b.temp();
  genBinop(ctx, 'add', addr, b.reg(rs1), b.k(imm));
  return addr;
}

const LOADS = { lb: MemOp.SB, lh: MemOp.SW, lw: MemOp.UL, lbu: MemOp.UB, lhu: MemOp.UW } as const;
const STORES = { sb: MemOp.UB, sh: MemOp.UW, sw: MemOp.UL } as const;

export const MEM_TRANSLATORS = {
  ...fromTable(LOADS, (m): TransFn => (ctx, d) => {
    const { b } = ctx;
    const addr = effectiveAddress(ctx, d.rs1, d.imm);
    // Even with rd = x0 the access happens: it may trap or touch a device register.
    const value = b.temp();
    b.ld(value, addr, m);
    b.setReg(d.rd, value);
  }),
  ...fromTable(STORES, (m): TransFn => (ctx, d) => {
    ctx.b.st(ctx.b.reg(d.rs2), effectiveAddress(ctx, d.rs1, d.imm), m);
  }),
};
