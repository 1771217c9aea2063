/**
 * A translation block: one run of guest code, its micro-ops before and after optimisation, the function
 * that executes it, its links to successor blocks and its own statistics.
 */
import type { IRBlock, Op } from '../ir/ir';
import type { BlockFn } from '../backend/jit';
import type { GuestInsn } from '../translate/translator';

export class TranslationBlock {
  /** False once invalidated: links to it are then ignored and it is never entered again. */
  valid = true;
  /** Direct links for exit slots 0 and 1 (set lazily by the dispatcher). */
  link0: TranslationBlock | null = null;
  link1: TranslationBlock | null = null;
  /** Where this block's indirect jump (ExitReason.Jump) went last time, and under which MMU epoch. */
  linkJump: TranslationBlock | null = null;
  linkJumpEpoch = -1;
  /** Times entered. */
  execs = 0;
  /** Times entered through a direct link from another block. */
  chainedIn = 0;
  /** Milliseconds spent compiling to JavaScript (0 until compiled). */
  compileMs = 0;
  /** pc of each guest instruction, for finding the faulting one after a trap. */
  readonly insnPcs: Int32Array;

  constructor(
    /** Virtual pc of the first instruction. */
    readonly vpc: number,
    /** Physical address of the first instruction. */
    readonly ppc: number,
    /** Translation state the code depends on (hart.fetchFlags()). */
    readonly flags: number,
    /** Physical 4 KiB page numbers the block's code lies in (two for a straddling instruction). */
    readonly pages: readonly number[],
    readonly guest: readonly GuestInsn[],
    readonly size: number,
    readonly ir: IRBlock,
    readonly ops: readonly Op[],
    readonly optimizedOps: readonly Op[],
    /** What runs the block: the micro-op interpreter until the block is hot, then generated JavaScript. */
    public fn: BlockFn,
    /** The generated JavaScript once compiled, else ''. */
    public hostCode: string,
    readonly translateMs: number,
    /** The how-many-th translation of this virtual pc (retranslations after invalidation or flush). */
    readonly generation: number,
  ) {
    this.insnPcs = Int32Array.from(guest, (g) => g.pc);
  }

  get ninsns(): number { return this.guest.length; }

  /** Index of the instruction at `pc` (the synced pc after a trap), or the count if not found. */
  indexOf(pc: number): number {
    const pcs = this.insnPcs;
    for (let i = 0; i < pcs.length; i++) if (pcs[i] === (pc | 0)) return i;
    return pcs.length;
  }

  /** Whether the block's physical code overlaps [pa, pa + len). */
  overlaps(pa: number, len: number): boolean {
    const start = this.ppc >>> 0;
    // A straddling last instruction is accounted on its second page separately (pages[]).
    const end = start + this.size;
    const a = pa >>> 0;
    if (a < end && a + len > start) return true;
    return this.pages.length > 1 && (a >>> 12) === this.pages[1] && (a & 0xfff) < 2;
  }
}
