/**
 * The line table the debugger queries: every kept sequence's rows, sequences sorted by address, in
 * typed arrays. A row covers [its address, the next row's address); an end_sequence row covers
 * nothing, so an address between sequences has no location. locate() is a binary search;
 * addressesOf() one in an index of statement rows by file, line and address, built on first use.
 *
 * Sequences are dropped when they cannot be placed in one address order: empty ones, those whose
 * addresses go backwards, those starting outside any loaded section (code the linker discarded:
 * GNU ld leaves its rows at address 0, lld at -1 or -2), and those overlapping an earlier one.
 */
import type { LineRow, LineTable, SourceLocation } from './debug-info-api';
import { ROW_END_SEQUENCE, ROW_STMT, RowStore } from './dwarf-line-rows';
import { pathMatcher } from './dwarf-paths';

export class DwarfLineTable implements LineTable {
  private readonly address: Uint32Array;
  private readonly line: Uint32Array;
  private readonly column: Uint32Array;
  private readonly file: Uint32Array;
  private readonly flags: Uint8Array;
  private stmtIndex: StatementIndex | undefined;
  private usedFiles: string[] | undefined;
  private readonly matchCache = new Map<string, number[]>();

  /**
   * `isLoaded` tells whether code can be at an address (see ElfSections.isLoaded); `warnings` gets one
   * line per kind of sequence dropped for being malformed.
   */
  constructor(src: RowStore, private readonly paths: readonly string[], isLoaded: (addr: number) => boolean, warnings: string[]) {
    const seqs = sequences(src, isLoaded, warnings);
    let total = 0;
    for (const s of seqs) total += s.end - s.start;
    this.address = new Uint32Array(total);
    this.line = new Uint32Array(total);
    this.column = new Uint32Array(total);
    this.file = new Uint32Array(total);
    this.flags = new Uint8Array(total);
    // A plain gather loop: per-sequence subarray copies cost an allocation each, too many for a kernel.
    let at = 0;
    for (const s of seqs) {
      for (let i = s.start; i < s.end; i++, at++) {
        this.address[at] = src.address[i];
        this.line[at] = src.line[i];
        this.column[at] = src.column[i];
        this.file[at] = src.file[i];
        this.flags[at] = src.flags[i];
      }
    }
  }

  /** Rows kept, end_sequence rows included. */
  get size(): number {
    return this.address.length;
  }

  locate(addr: number): SourceLocation | undefined {
    const row = this.rowAt(addr);
    return row === undefined ? undefined : { file: row.file, line: row.line, column: row.column };
  }

  rowAt(addr: number): LineRow | undefined {
    const i = this.lastAtOrBefore(addr >>> 0);
    if (i < 0 || this.flags[i] & ROW_END_SEQUENCE) return undefined;
    return {
      address: this.address[i],
      end: this.address[i + 1],
      file: this.paths[this.file[i]],
      line: this.line[i],
      column: this.column[i],
      isStmt: (this.flags[i] & ROW_STMT) !== 0,
    };
  }

  addressesOf(file: string, line: number): number[] {
    const index = (this.stmtIndex ??= new StatementIndex(this.file, this.line, this.address, this.flags, this.paths.length));
    const found = new Set<number>();
    for (const f of this.filesMatching(file)) for (const a of index.addresses(f, line)) found.add(a);
    return [...found].sort((a, b) => a - b);
  }

  files(): string[] {
    if (this.usedFiles === undefined) {
      const used = new Set<number>();
      for (let i = 0; i < this.file.length; i++) if (!(this.flags[i] & ROW_END_SEQUENCE)) used.add(this.file[i]);
      this.usedFiles = [...used].sort((a, b) => a - b).map((f) => this.paths[f]);
    }
    return [...this.usedFiles];
  }

  /** The index of the last row whose address is <= addr (rows of equal address: the last), or -1. */
  private lastAtOrBefore(addr: number): number {
    let lo = 0;
    let hi = this.address.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.address[mid] <= addr) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  private filesMatching(query: string): number[] {
    let ids = this.matchCache.get(query);
    if (ids === undefined) {
      const matches = pathMatcher(query);
      ids = [];
      for (let f = 0; f < this.paths.length; f++) if (matches(this.paths[f])) ids.push(f);
      this.matchCache.set(query, ids);
    }
    return ids;
  }
}

const LINE_SCALE = 2 ** 32;

/**
 * Statement rows grouped by file, each group sorted by line then address: one number per row,
 * line * 2^32 + address (exact below line 2^21), so a native typed-array sort does the work and a
 * line's addresses are one binary search away.
 */
class StatementIndex {
  /** Group f is keys[start[f]] .. keys[start[f + 1]]. */
  private readonly start: Uint32Array;
  private readonly keys: Float64Array;

  constructor(file: Uint32Array, line: Uint32Array, address: Uint32Array, flags: Uint8Array, files: number) {
    const isStmt = (i: number) => (flags[i] & (ROW_STMT | ROW_END_SEQUENCE)) === ROW_STMT;
    this.start = new Uint32Array(files + 1);
    for (let i = 0; i < file.length; i++) if (isStmt(i)) this.start[file[i] + 1]++;
    for (let f = 0; f < files; f++) this.start[f + 1] += this.start[f];
    const fill = this.start.slice(0, files);
    this.keys = new Float64Array(this.start[files]);
    for (let i = 0; i < file.length; i++) if (isStmt(i)) this.keys[fill[file[i]]++] = line[i] * LINE_SCALE + address[i];
    for (let f = 0; f < files; f++) this.keys.subarray(this.start[f], this.start[f + 1]).sort();
  }

  /** Distinct addresses of `line` in file `f`, ascending. */
  addresses(f: number, line: number): number[] {
    const lo = line * LINE_SCALE;
    let i = this.lowerBound(this.start[f], this.start[f + 1], lo);
    const out: number[] = [];
    for (; i < this.start[f + 1] && this.keys[i] < lo + LINE_SCALE; i++) {
      const a = this.keys[i] - lo;
      if (out[out.length - 1] !== a) out.push(a);
    }
    return out;
  }

  private lowerBound(lo: number, hi: number, key: number): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

interface Sequence {
  /** Row range [start, end) in the source store; the last row is the end_sequence row. */
  readonly start: number;
  readonly end: number;
  readonly low: number;
  readonly high: number;
}

/** The sequences worth keeping, sorted by address, with no two overlapping. */
function sequences(src: RowStore, isLoaded: (addr: number) => boolean, warnings: string[]): Sequence[] {
  const all: Sequence[] = [];
  let backwards = 0;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    if (!(src.flags[i] & ROW_END_SEQUENCE)) continue;
    const low = src.address[start];
    const high = src.address[i];
    let ordered = true;
    for (let j = start + 1; j <= i && ordered; j++) ordered = src.address[j] >= src.address[j - 1];
    if (!ordered) backwards++;
    else if (high > low && isLoaded(low)) all.push({ start, end: i + 1, low, high });
    start = i + 1;
  }
  all.sort((a, b) => a.low - b.low || a.high - b.high);
  const kept: Sequence[] = [];
  let overlapping = 0;
  for (const s of all) {
    if (kept.length > 0 && s.low < kept[kept.length - 1].high) overlapping++;
    else kept.push(s);
  }
  if (backwards > 0) warnings.push(`.debug_line: ${backwards} sequence(s) with decreasing addresses ignored`);
  if (overlapping > 0) warnings.push(`.debug_line: ${overlapping} sequence(s) overlapping others ignored`);
  return kept;
}
