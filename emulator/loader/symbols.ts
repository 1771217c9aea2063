/**
 * Guest symbols: address -> `name+0x10` for disassembly and stack views, name -> address for
 * breakpoints and expressions. Two sorted arrays (starts and symbols) and a binary search.
 */
export type SymbolKind = 'func' | 'object' | 'label';

export interface GuestSymbol {
  readonly name: string;
  readonly addr: number;
  /** Bytes covered; 0 for labels whose extent is unknown. */
  readonly size: number;
  readonly kind: SymbolKind;
  readonly global: boolean;
}

export interface SymbolHit {
  readonly symbol: GuestSymbol;
  readonly offset: number;
}

/** When several symbols share an address, the one named in listings: functions and objects over
 * plain labels, global over local. */
function rank(s: GuestSymbol): number {
  return (s.kind === 'label' ? 0 : 2) + (s.global ? 1 : 0);
}

export class SymbolTable {
  static readonly EMPTY = new SymbolTable([]);

  /** One symbol per distinct address, sorted by address. */
  private readonly byAddr: GuestSymbol[];
  private readonly starts: Uint32Array;
  private readonly byName = new Map<string, GuestSymbol>();

  constructor(readonly all: readonly GuestSymbol[]) {
    const sorted = [...all].sort((a, b) => a.addr - b.addr || rank(b) - rank(a));
    this.byAddr = sorted.filter((s, i) => i === 0 || sorted[i - 1].addr !== s.addr);
    this.starts = Uint32Array.from(this.byAddr, (s) => s.addr);
    for (const s of all) {
      const prev = this.byName.get(s.name);
      if (prev === undefined || (!prev.global && s.global)) this.byName.set(s.name, s);
    }
  }

  /**
   * One table over several sources (the guest, its firmware, `--symbols` files). Where two name the
   * same address, the usual ranking picks one; by name, an earlier table's global wins.
   */
  static merge(tables: readonly SymbolTable[]): SymbolTable {
    const nonEmpty = tables.filter((t) => t.size > 0);
    return nonEmpty.length === 1 ? nonEmpty[0] : new SymbolTable(nonEmpty.flatMap((t) => t.all));
  }

  get size(): number {
    return this.all.length;
  }

  /** The symbol at or before `addr` that covers it (a sized symbol ends at addr + size). */
  lookup(addr: number): SymbolHit | undefined {
    addr >>>= 0;
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] <= addr) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found < 0) return undefined;
    const symbol = this.byAddr[found];
    const offset = addr - symbol.addr;
    if (symbol.size > 0 && offset >= symbol.size) return undefined;
    return { symbol, offset };
  }

  /** `main`, `main+0x10`, or undefined when no symbol covers `addr`. */
  describe(addr: number): string | undefined {
    const hit = this.lookup(addr);
    if (hit === undefined) return undefined;
    return hit.offset === 0 ? hit.symbol.name : `${hit.symbol.name}+0x${hit.offset.toString(16)}`;
  }

  /** The symbol named `name` (a global one if a local shares the name). */
  get(name: string): GuestSymbol | undefined {
    return this.byName.get(name);
  }

  address(name: string): number | undefined {
    return this.byName.get(name)?.addr;
  }
}
