/**
 * The software TLB: direct-mapped, 256 entries per translation context and access kind. An entry's tag
 * is the page's virtual address, and its addend turns a virtual address into a RAM offset (loads and
 * stores) or a physical address (fetch), so a hit is one compare and one add (TinyEMU's scheme).
 *
 * Contexts keep privilege switches cheap: a trap or xRET only repoints the current views instead of
 * flushing. Every entry also certifies that PMP allows the whole page for its kind, and load/store
 * entries that the page is plain RAM; anything else is never entered and takes the slow path.
 */
export const TLB_BITS = 8;
export const TLB_SIZE = 1 << TLB_BITS;
export const TLB_MASK = TLB_SIZE - 1;
/** A tag no address matches: every compared value has its low 12 bits zero or is misaligned. */
export const NO_TAG = -1;

/**
 * Translation contexts. Data accesses use the effective privilege (MPRV); SUM gets its own context
 * because Linux toggles it around every user copy. M-mode is never translated.
 */
export const enum TlbCtx { U = 0, S = 1, SSum = 2, M = 3 }
const CONTEXTS = 4;
/** Contexts whose entries come from page tables (flushed on satp writes and sfence.vma). */
const TRANSLATED = 3;

class Way {
  readonly tag = new Int32Array(CONTEXTS * TLB_SIZE).fill(NO_TAG);
  readonly add = new Int32Array(CONTEXTS * TLB_SIZE);
  view(ctx: number): [Int32Array, Int32Array] {
    return [this.tag.subarray(ctx * TLB_SIZE, (ctx + 1) * TLB_SIZE), this.add.subarray(ctx * TLB_SIZE, (ctx + 1) * TLB_SIZE)];
  }
}

export class Tlb {
  private readonly ways = [new Way(), new Way(), new Way()];
  /** Per-context views, indexed [ctx]; built once so switching contexts allocates nothing. */
  private readonly views: [Int32Array, Int32Array][][];
  /** True once any entry came from a 4 MiB superpage: then sfence.vma of one page flushes everything. */
  private superpages = false;

  constructor() {
    this.views = this.ways.map((w) => Array.from({ length: CONTEXTS }, (_, c) => w.view(c)));
  }

  /** [tag, addend] arrays of a kind (Access) in a context. */
  view(kind: number, ctx: number): [Int32Array, Int32Array] {
    return this.views[kind][ctx];
  }

  fill(kind: number, ctx: number, vaPage: number, addend: number, superpage: boolean): void {
    const [tag, add] = this.views[kind][ctx];
    const i = (vaPage >>> 12) & TLB_MASK;
    tag[i] = vaPage & ~0xfff;
    add[i] = addend | 0;
    if (superpage) this.superpages = true;
  }

  /** Drops entries made from page tables (satp write, sfence.vma without an address). */
  flushTranslated(): void {
    for (const w of this.ways) w.tag.fill(NO_TAG, 0, TRANSLATED * TLB_SIZE);
    this.superpages = false;
  }

  /** Drops the entries for the page holding `va`, or everything if a superpage may cover it. */
  flushPage(va: number): void {
    if (this.superpages) return this.flushTranslated();
    const page = va & ~0xfff;
    const i = (va >>> 12) & TLB_MASK;
    for (const w of this.ways) {
      for (let c = 0; c < TRANSLATED; c++) {
        if (w.tag[c * TLB_SIZE + i] === page) w.tag[c * TLB_SIZE + i] = NO_TAG;
      }
    }
  }

  /** Drops everything (PMP changes, reset). */
  flushAll(): void {
    for (const w of this.ways) w.tag.fill(NO_TAG);
    this.superpages = false;
  }
}
