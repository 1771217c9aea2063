/**
 * Debug information from several ELF files (the program, its firmware, `symbols` files) behind the one
 * DebugInfo shape: each question goes to every file and the first answer wins.
 */
import type { DebugInfo, LineTable, SourceLocation } from './debug-info-api';

/** CFI that can say whether it covers a pc at all (dwarf.ts's does), to tell "outermost" from "no CFI". */
interface CfiWithCoverage {
  fdeAt(pc: number): unknown;
}

export class DebugInfoSet implements LineTable {
  /** Statement addresses per `file:line`, since line stepping asks the same line many times. */
  private readonly stmtCache = new Map<string, Set<number>>();

  constructor(readonly infos: readonly DebugInfo[]) {}

  get empty(): boolean {
    return this.infos.length === 0;
  }

  locate(addr: number): SourceLocation | undefined {
    for (const i of this.infos) {
      const loc = i.lines.locate(addr >>> 0);
      if (loc !== undefined) return loc;
    }
    return undefined;
  }

  addressesOf(file: string, line: number): number[] {
    return this.infos.flatMap((i) => i.lines.addressesOf(file, line)).sort((a, b) => a - b);
  }

  files(): string[] {
    return [...new Set(this.infos.flatMap((i) => i.lines.files()))];
  }

  /** Whether `addr` begins a statement of the line it belongs to (where line stepping may stop). */
  isStatementStart(addr: number): boolean {
    const loc = this.locate(addr);
    if (loc === undefined) return false;
    const key = `${loc.file}:${loc.line}`;
    let set = this.stmtCache.get(key);
    if (set === undefined) {
      set = new Set(this.addressesOf(loc.file, loc.line));
      this.stmtCache.set(key, set);
    }
    return set.has(addr >>> 0);
  }

  /**
   * The caller's registers by CFI; 'outermost' when CFI covers pc and says there is no caller (or it
   * cannot be computed); undefined when no CFI covers pc. `returnAddress`: pc is a caller's (frames > 0).
   */
  unwind(pc: number, regs: Int32Array, read32: (addr: number) => number | undefined, returnAddress: boolean): Int32Array | 'outermost' | undefined {
    for (const i of this.infos) {
      const f = i.frames;
      if (f === undefined) continue;
      const r = f.unwind(pc, regs, read32, { returnAddress });
      if (r !== undefined) return r;
      const lookup = returnAddress ? pc - 1 : pc;
      if (typeof (f as Partial<CfiWithCoverage>).fdeAt === 'function' && (f as unknown as CfiWithCoverage).fdeAt(lookup) !== undefined) return 'outermost';
    }
    return undefined;
  }
}
