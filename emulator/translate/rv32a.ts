/**
 * The A extension. Reservation, alignment and access checks, and the read-modify-write itself, are the
 * hart's (HartApi.lr/sc/amo): each instruction is one helper call whose result then goes to rd, so a
 * fault leaves rd unchanged. aq/rl need nothing here: one hart, and accesses are done in program order.
 */
import { AmoOp } from '../cpu/hart-api';
import { BaseMnemonic, Decoded } from '../isa/types';
import { TransCtx, TransFn, fromTable } from './context';
import { H } from './helpers';

function callToRd(ctx: TransCtx, d: Decoded, helper: number, ins: number[], consts: number[] = []): void {
  const { b } = ctx;
  const result = b.temp();
  b.call(helper, result, ins, consts);
  b.setReg(d.rd, result);
}

const AMOS = {
  'amoswap.w': AmoOp.Swap, 'amoadd.w': AmoOp.Add, 'amoxor.w': AmoOp.Xor, 'amoand.w': AmoOp.And,
  'amoor.w': AmoOp.Or, 'amomin.w': AmoOp.Min, 'amomax.w': AmoOp.Max, 'amominu.w': AmoOp.Minu,
  'amomaxu.w': AmoOp.Maxu,
} as const;

export const A_TRANSLATORS = {
  ...fromTable(AMOS, (op): TransFn => (ctx, d) =>
    callToRd(ctx, d, H.amo, [ctx.b.reg(d.rs1), ctx.b.reg(d.rs2)], [op, d.rd])),
  'lr.w': (ctx, d) => callToRd(ctx, d, H.lr, [ctx.b.reg(d.rs1)]),
  'sc.w': (ctx, d) => callToRd(ctx, d, H.sc, [ctx.b.reg(d.rs1), ctx.b.reg(d.rs2)], [d.rd]),
} satisfies Partial<Record<BaseMnemonic, TransFn>>;
