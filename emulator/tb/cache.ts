/**
 * The translation cache. Blocks are found by physical pc + translation flags (+ virtual pc, since the
 * code embeds pc-relative constants), with a direct-mapped jump cache in front, indexed by virtual pc.
 * A page index finds the blocks to invalidate when a store hits their code. The cache is bounded:
 * reaching the bound flushes everything, as QEMU does.
 */
import { TranslationBlock } from './block';
import type { Counters } from './counters';

const JC_BITS = 12;
const JC_MASK = (1 << JC_BITS) - 1;

export class TbCache {
  /** Virtual-pc jump cache; entries are validated on use (generation, pc, flags, valid). */
  private readonly jc: (TranslationBlock | null)[] = new Array(1 << JC_BITS).fill(null);
  /**
   * The generation each entry was filled in. Clearing the jump cache starts a new generation instead of
   * emptying 4096 slots: a Linux kernel with an MMU clears it on each of its ~60k sfence.vma, which
   * cost 12 % of its boot as a fill.
   */
  private readonly jcGen = new Int32Array(1 << JC_BITS);
  private gen = 1;
  private readonly byPhys = new Map<number, TranslationBlock[]>();
  private readonly byPage = new Map<number, TranslationBlock[]>();
  /** Translations made per virtual pc, surviving invalidation and flushes (for statistics). */
  readonly generations = new Map<number, number>();
  private live = 0;

  constructor(
    private readonly codePages: Uint8Array,
    private readonly ramBase: number,
    readonly maxBlocks: number,
    private readonly stats: Counters,
  ) {}

  get size(): number { return this.live; }

  /** The jump-cache entry for `vpc`, if it matches the current flags. */
  fast(vpc: number, flags: number): TranslationBlock | null {
    const slot = (vpc >>> 1) & JC_MASK;
    if (this.jcGen[slot] !== this.gen) return null;
    const tb = this.jc[slot];
    return tb !== null && tb.vpc === vpc && tb.flags === flags && tb.valid ? tb : null;
  }

  /** Physical lookup; fills the jump cache on a hit. */
  find(vpc: number, ppc: number, flags: number): TranslationBlock | null {
    const list = this.byPhys.get(ppc);
    if (list) {
      for (const tb of list) {
        if (tb.vpc === vpc && tb.flags === flags) {
          this.fill(vpc, tb);
          return tb;
        }
      }
    }
    return null;
  }

  /** Room for one more block: flushes everything when the bound is reached. */
  makeRoom(): void {
    if (this.live >= this.maxBlocks) this.flush();
  }

  insert(tb: TranslationBlock): void {
    push(this.byPhys, tb.ppc, tb);
    for (const page of tb.pages) {
      push(this.byPage, page, tb);
      const idx = page - (this.ramBase >>> 12);
      if (idx >= 0 && idx < this.codePages.length) this.codePages[idx] = 1;
    }
    this.fill(tb.vpc, tb);
    this.live++;
  }

  nextGeneration(vpc: number): number {
    const g = (this.generations.get(vpc) ?? 0) + 1;
    this.generations.set(vpc, g);
    return g;
  }

  /** Invalidates the blocks whose code overlaps [pa, pa+len); returns them. */
  invalidate(pa: number, len: number): TranslationBlock[] {
    const page = pa >>> 12;
    const list = this.byPage.get(page);
    if (!list) return [];
    const hit = list.filter((tb) => tb.overlaps(pa, len));
    for (const tb of hit) this.remove(tb);
    if (!this.byPage.has(page)) {
      const idx = page - (this.ramBase >>> 12);
      if (idx >= 0 && idx < this.codePages.length) this.codePages[idx] = 0;
    }
    this.stats.invalidations += hit.length;
    return hit;
  }

  /** Invalidates the blocks `pred` picks (debugger breakpoint changes); returns how many. */
  invalidateWhere(pred: (tb: TranslationBlock) => boolean): number {
    const hit = [...this.blocks()].filter(pred);
    for (const tb of hit) this.remove(tb);
    return hit.length;
  }

  /** Drops every block (size bound, reset). */
  flush(): void {
    for (const list of this.byPhys.values()) for (const tb of list) tb.valid = false;
    this.byPhys.clear();
    this.byPage.clear();
    this.jc.fill(null);
    this.codePages.fill(0);
    this.live = 0;
    this.stats.flushes++;
  }

  /** Forgets virtual-pc shortcuts (mappings may have changed). */
  clearJumpCache(): void {
    this.gen = (this.gen + 1) | 0;
    // After 2^32 clears a stale generation could match again: start afresh then.
    if (this.gen === 0) {
      this.jc.fill(null);
      this.jcGen.fill(0);
      this.gen = 1;
    }
  }

  private fill(vpc: number, tb: TranslationBlock): void {
    const slot = (vpc >>> 1) & JC_MASK;
    this.jc[slot] = tb;
    this.jcGen[slot] = this.gen;
  }

  /** Every live block (for statistics views). */
  *blocks(): IterableIterator<TranslationBlock> {
    for (const list of this.byPhys.values()) yield* list;
  }

  private remove(tb: TranslationBlock): void {
    tb.valid = false;
    drop(this.byPhys, tb.ppc, tb);
    for (const page of tb.pages) drop(this.byPage, page, tb);
    const slot = (tb.vpc >>> 1) & JC_MASK;
    if (this.jc[slot] === tb) this.jc[slot] = null;
    this.live--;
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
function drop<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (!list) return;
  const i = list.indexOf(v);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) m.delete(k);
}
