/**
 * Data watchpoints over virtual address ranges, as the hart's memory unit consults them (WatchHook):
 * the pages they touch are kept out of the TLB, so only accesses to those pages pay for the check.
 */
import type { WatchHook } from '../cpu/mem-access';

export type WatchAccess = 'read' | 'write' | 'readWrite';

export interface Watchpoint {
  readonly id: number;
  readonly addr: number;
  readonly size: number;
  readonly access: WatchAccess;
}

/** An access a watchpoint matched: which ones, and the access itself. */
export interface WatchHit {
  readonly watchpoints: readonly Watchpoint[];
  readonly addr: number;
  readonly size: number;
  readonly write: boolean;
}

export class WatchSet implements WatchHook {
  private list: readonly Watchpoint[] = [];
  private pages = new Set<number>();
  /** Set while the debugger executes the accessing instruction itself after reporting it. */
  suppressed = false;
  /** The last access that matched (what the engine stopped for). */
  lastHit: WatchHit | null = null;

  get size(): number {
    return this.list.length;
  }

  get all(): readonly Watchpoint[] {
    return this.list;
  }

  set(list: readonly Watchpoint[]): void {
    this.list = list;
    this.pages = new Set();
    for (const w of list) {
      for (let p = w.addr >>> 12; p <= ((w.addr + Math.max(w.size, 1) - 1) >>> 0) >>> 12; p++) this.pages.add(p);
    }
  }

  watchesPage(va: number): boolean {
    return this.pages.has(va >>> 12);
  }

  hit(va: number, size: number, write: boolean): boolean {
    if (this.suppressed || !this.pages.has(va >>> 12)) return false;
    const a = va >>> 0;
    const matched = this.list.filter((w) => a < w.addr + w.size && w.addr < a + size &&
      (w.access === 'readWrite' || (w.access === 'write') === write));
    if (matched.length === 0) return false;
    this.lastHit = { watchpoints: matched, addr: a, size, write };
    return true;
  }
}
