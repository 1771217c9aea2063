/**
 * The translation loop: fetches and decodes guest instructions from one page, hands each to its
 * translator (translators.ts), and decides where the block ends. Instruction semantics are not here.
 */
import { TRAP_SIGNAL } from '../cpu/trap-signal';
import { IRBlock, IRBuilder } from '../ir/ir';
import { ExitReason } from '../ir/ops';
import { decode, insnLength } from '../isa/decoder';
import { Decoded } from '../isa/types';
import { TranslateEnv, TransCtx, gotoPc } from './context';
import { TRANSLATORS } from './translators';
import { translateIllegal } from './system';

export type { TranslateEnv } from './context';

/** pcs here, as everywhere in translated code, are int32 (the register array's view). */
export interface GuestInsn {
  readonly pc: number;
  readonly len: 2 | 4;
  readonly raw: number;
  readonly decoded: Decoded | null;
}

export interface TranslatedBlock {
  /** Virtual pc of the first instruction. */
  readonly pc: number;
  readonly insns: readonly GuestInsn[];
  /** Unoptimised ops; each instruction starts with insn_start(pc). */
  readonly ir: IRBlock;
  /** Bytes of guest code covered. */
  readonly size: number;
}

const PAGE_SIZE = 0x1000;
const PAGE_MASK = ~(PAGE_SIZE - 1);

/** The instruction at `pc` whose low half is `lo` (fetching its high half if it has one). */
function readInsn(env: TranslateEnv, pc: number, lo: number): GuestInsn {
  if (insnLength(lo) === 2) return { pc, len: 2, raw: lo, decoded: decode(lo) };
  const raw = (lo | (env.fetch16(pc + 2) << 16)) | 0;
  return { pc, len: 4, raw, decoded: decode(raw) };
}

/**
 * A block's later instruction, or null when the block must end before it: it starts in another page
 * than the block, would run into the next page, or cannot be fetched. Only a block's first instruction
 * may straddle a page end, so a fault on a second half always belongs to the first instruction.
 */
function fetchLater(env: TranslateEnv, pc: number, pageOf: number): GuestInsn | null {
  if ((pc & PAGE_MASK) !== pageOf) return null;
  try {
    const lo = env.fetch16(pc);
    if (insnLength(lo) === 4 && ((pc + 2) & PAGE_MASK) !== pageOf) return null;
    return readInsn(env, pc, lo);
  } catch (e) {
    // Protection finer than a page (PMP) can refuse part of a page: the fault belongs to the block that
    // starts at this instruction, where it is raised with the right pc.
    if (e === TRAP_SIGNAL) return null;
    throw e;
  }
}

/** Emits one instruction, starting with its insn_start. */
function translateInsn(b: IRBuilder, env: TranslateEnv, insn: GuestInsn, insnIndex: number): TransCtx {
  b.insnStart(insn.pc);
  const ctx: TransCtx = { b, env, pc: insn.pc, next: (insn.pc + insn.len) | 0, raw: insn.raw, insnIndex, ended: false };
  if (insn.decoded) TRANSLATORS[insn.decoded.mnemonic](ctx, insn.decoded);
  else translateIllegal(ctx);
  return ctx;
}

/**
 * Translates the block starting at `pc`: at most `maxInsns` instructions (at least one), all starting
 * in pc's page. A fault fetching the first instruction propagates as TRAP_SIGNAL.
 */
export function translateBlock(env: TranslateEnv, pc: number, maxInsns: number): TranslatedBlock {
  pc |= 0;
  const ir = new IRBlock();
  const b = new IRBuilder(ir);
  if (env.isBreakpoint?.(pc)) {
    // Nothing runs: the dispatcher reports the breakpoint with pc still here.
    b.exitTb(ExitReason.Breakpoint);
    return { pc, insns: [], ir, size: 0 };
  }
  const pageOf = pc & PAGE_MASK;
  const first = readInsn(env, pc, env.fetch16(pc));
  const insns: GuestInsn[] = [first];
  let last = translateInsn(b, env, first, 0);

  while (!last.ended && insns.length < maxInsns) {
    if (env.isBreakpoint?.(last.next)) break;
    const insn = fetchLater(env, last.next, pageOf);
    if (!insn) break;
    insns.push(insn);
    last = translateInsn(b, env, insn, insns.length - 1);
  }
  // Straight-line code ran into a limit: continue at the next instruction through chain slot 0.
  if (!last.ended) gotoPc(last, last.next, 0);
  return { pc, insns, ir, size: (last.next - pc) | 0 };
}
