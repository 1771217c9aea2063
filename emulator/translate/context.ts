/**
 * What an instruction translator sees (TransCtx), the shape of one (TransFn), and the few ways a
 * translator may end a block. The loop that drives translators is in translator.ts.
 */
import { IRBuilder, PureBinop } from '../ir/ir';
import { ExitReason } from '../ir/ops';
import { BaseMnemonic, Decoded } from '../isa/types';

/** What translation needs from its surroundings (the hart's fetch path, the board's options). */
export interface TranslateEnv {
  /** 16 bits of instruction at virtual address va; throws TRAP_SIGNAL (fetch fault recorded on the hart) if not fetchable. */
  fetch16(va: number): number;
  /** Semihosting enabled: the `slli x0,x0,0x1f; ebreak; srai x0,x0,7` sequence becomes a semihosting call. */
  readonly semihosting: boolean;
  /** Debugger breakpoints: a block ends before such an instruction, and one starting there only stops. */
  isBreakpoint?(pc: number): boolean;
}

export interface TransCtx {
  readonly b: IRBuilder;
  readonly env: TranslateEnv;
  /** The instruction's pc, its fall-through pc (pc + length: also the link value) and its bits. */
  readonly pc: number;
  readonly next: number;
  readonly raw: number;
  /** Position of the instruction in its block (CSR helpers need it to count retired instructions). */
  readonly insnIndex: number;
  /** Set once the translator has emitted the block's exit; the loop then stops. */
  ended: boolean;
}

/** Emits the ops of one decoded instruction. */
export type TransFn = (ctx: TransCtx, d: Decoded) => void;

export type ArithOp = PureBinop;

/** out = x <op> y for a two-input pure op. */
export function genBinop(ctx: TransCtx, op: ArithOp, out: number, x: number, y: number): void {
  ctx.b.binop(op, out, x, y);
}

/** Builds the translators of a group of mnemonics from a table of their distinguishing data. */
export function fromTable<K extends BaseMnemonic, V>(table: Readonly<Record<K, V>>, gen: (v: V) => TransFn): Record<K, TransFn> {
  const out = {} as Record<K, TransFn>;
  for (const m of Object.keys(table) as K[]) out[m] = gen(table[m]);
  return out;
}

/** Direct jump to a pc known at translation time, through chain slot `slot`. */
export function gotoPc(ctx: TransCtx, target: number, slot: 0 | 1 = 0): void {
  ctx.b.mov(ctx.b.pc, ctx.b.k(target));
  ctx.b.gotoTb(slot);
  ctx.ended = true;
}

/** Ends the block with pc already set (indirect jump, xRET) or never reached (a helper that always raises). */
export function exitLookup(ctx: TransCtx): void {
  ctx.b.exitTb(ExitReason.Lookup);
  ctx.ended = true;
}

/**
 * Ends the block after an instruction that changed state later code may depend on (CSR writes, fences,
 * WFI): the next instruction is looked up afresh, and the dispatcher gets to look at the hart first.
 */
export function exitToNext(ctx: TransCtx): void {
  ctx.b.mov(ctx.b.pc, ctx.b.k(ctx.next));
  exitLookup(ctx);
}
