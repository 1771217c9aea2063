/**
 * System instructions: fences, environment calls, xRET, WFI, sfence.vma, and the illegal-instruction
 * exit used for anything the decoder does not recognise. All but `fence` end the block.
 */
import { BaseMnemonic } from '../isa/types';
import { TransCtx, TransFn, exitLookup, exitToNext } from './context';
import { H } from './helpers';
import { isSemihostingCall } from './semihosting';

/** Raises illegal instruction with the instruction's bits as tval. */
export function translateIllegal(ctx: TransCtx): void {
  ctx.b.call(H.illegal, -1, [], [ctx.raw]);
  exitLookup(ctx);
}

/** Calls a helper that always raises: the exit after it is never reached but keeps the block well formed. */
function genRaise(ctx: TransCtx, helper: number): void {
  ctx.b.call(helper, -1, []);
  exitLookup(ctx);
}

/** xRET: the helper sets pc itself. */
function trapReturn(helper: number): TransFn {
  return (ctx) => {
    ctx.b.call(helper, -1, [], [ctx.raw]);
    exitLookup(ctx);
  };
}

export const SYSTEM_TRANSLATORS = {
  // One hart whose accesses happen in program order: memory ordering needs no op.
  fence: () => {},
  'fence.i': (ctx) => {
    ctx.b.call(H.fence_i, -1, []);
    exitToNext(ctx);
  },
  ecall: (ctx) => genRaise(ctx, H.ecall),
  ebreak: (ctx) => {
    if (!isSemihostingCall(ctx.env, ctx.pc, ctx.raw)) return genRaise(ctx, H.ebreak);
    // The call returns to the srai after the ebreak (a no-op), as QEMU does; the handler may have asked
    // the run to stop, so the dispatcher looks at the hart before going on.
    ctx.b.call(H.semihosting, -1, []);
    exitToNext(ctx);
  },
  mret: trapReturn(H.mret),
  sret: trapReturn(H.sret),
  wfi: (ctx) => {
    ctx.b.call(H.wfi, -1, [], [ctx.raw]);
    exitToNext(ctx);
  },
  'sfence.vma': (ctx, d) => {
    ctx.b.call(H.sfence_vma, -1, [ctx.b.reg(d.rs1), ctx.b.reg(d.rs2)], [ctx.raw]);
    exitToNext(ctx);
  },
} satisfies Partial<Record<BaseMnemonic, TransFn>>;
