/** Builds Sv32 page tables in the fake bus's RAM for MMU tests. */
import { FakeBus, RAM_BASE } from './fake-bus';

export const V = 1, R = 2, W = 4, X = 8, U = 16, G = 32, A = 64, D = 128;

export class PageTables {
  readonly root = RAM_BASE + 0x20_0000;
  private next = this.root + 0x1000;

  constructor(private readonly bus: FakeBus) {}

  get satp(): number {
    return (0x8000_0000 | (this.root >>> 12)) | 0;
  }

  rootEntry(va: number): number {
    return this.root + (va >>> 22) * 4;
  }

  /** Address of the level-0 PTE for `va`, creating its table if needed. */
  leafEntry(va: number): number {
    const re = this.rootEntry(va);
    let pte = this.bus.word(re);
    if ((pte & V) === 0) {
      const table = this.next;
      this.next += 0x1000;
      pte = ((table >>> 12) << 10) | V;
      this.bus.setWord(re, pte);
    }
    return (pte >>> 10) * 4096 + ((va >>> 12) & 0x3ff) * 4;
  }

  map4k(va: number, pa: number, flags: number): number {
    const e = this.leafEntry(va);
    this.bus.setWord(e, (Math.floor(pa / 4096) << 10) | flags);
    return e;
  }

  map4m(va: number, pa: number, flags: number): number {
    const e = this.rootEntry(va);
    this.bus.setWord(e, (Math.floor(pa / 4096) << 10) | flags);
    return e;
  }
}
