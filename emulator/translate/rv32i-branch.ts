/**
 * Control transfer: jal, jalr and the conditional branches. Targets known at translation time leave
 * through chain slots (0: taken or jump target, 1: fall-through) so the dispatcher can link blocks;
 * jalr's target is computed, so it leaves for a lookup.
 *
 * With the C extension every target is 2-byte aligned by construction (jalr clears bit 0), so no
 * misaligned-fetch check is needed.
 */
import { Cond } from '../ir/ops';
import { BaseMnemonic } from '../isa/types';
import { TransFn, fromTable, genBinop, gotoPc } from './context';
import { ExitReason } from '../ir/ops';

const BRANCHES = {
  beq: Cond.EQ, bne: Cond.NE, blt: Cond.LT, bge: Cond.GE, bltu: Cond.LTU, bgeu: Cond.GEU,
} as const;

export const BRANCH_TRANSLATORS = {
  ...fromTable(BRANCHES, (c): TransFn => (ctx, d) => {
    const { b } = ctx;
    const taken = b.newLabel();
    b.brcond(c, b.reg(d.rs1), b.reg(d.rs2), taken);
    gotoPc(ctx, ctx.next, 1);
    b.setLabel(taken);
    gotoPc(ctx, ctx.pc + d.imm, 0);
  }),
  jal: (ctx, d) => {
    // The link is pc + length: 2 for c.jal.
    ctx.b.setReg(d.rd, ctx.b.k(ctx.next));
    gotoPc(ctx, ctx.pc + d.imm, 0);
  },
  jalr: (ctx, d) => {
    const { b } = ctx;
    // The target is computed into pc before rd is written, because rd may be rs1; nothing here traps.
    genBinop(ctx, 'add', b.pc, b.reg(d.rs1), b.k(d.imm));
    genBinop(ctx, 'and', b.pc, b.pc, b.k(~1));
    b.setReg(d.rd, b.k(ctx.next));
    b.exitTb(ExitReason.Jump);
    ctx.ended = true;
  },
} satisfies Partial<Record<BaseMnemonic, TransFn>>;
