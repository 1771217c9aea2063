/**
 * Decodes every unit of .debug_line into one RowStore, in section order, with file paths interned
 * into one list shared by all units. A unit that cannot be decoded is skipped (keeping the sequences
 * it completed) and named in a warning; the walk goes on with the next unit.
 */
import { LineFile, LineHeader, readLineHeader, resolveDefined } from './dwarf-line-header';
import { runLineProgram } from './dwarf-line-program';
import { ROW_END_SEQUENCE, RowStore } from './dwarf-line-rows';
import { fail, Reader, reason } from './dwarf-reader';
import type { UnitInfo } from './dwarf-units';

export interface LineSections {
  readonly line: Uint8Array;
  readonly str?: Uint8Array;
  readonly lineStr?: Uint8Array;
}

export interface DecodedLines {
  readonly rows: RowStore;
  /** Source paths; RowStore.file indexes this. */
  readonly paths: string[];
  /** Each unit's header, by offset in .debug_line. */
  readonly headers: Map<number, LineHeader>;
}

export function decodeLines(s: LineSections, units: Map<number, UnitInfo>, warnings: string[]): DecodedLines {
  const rows = new RowStore();
  const paths: string[] = [];
  const pathIndex = new Map<string, number>();
  const headers = new Map<number, LineHeader>();
  const intern = (p: string): number => {
    let i = pathIndex.get(p);
    if (i === undefined) {
      i = paths.length;
      paths.push(p);
      pathIndex.set(p, i);
    }
    return i;
  };
  // Unit starts .debug_info knows: where to resume if a unit's length field itself is garbage.
  const known = [...units.keys()].sort((a, b) => a - b);
  const r = new Reader(s.line);
  while (!r.atEnd()) {
    const start = r.pos;
    const where = `.debug_line unit at 0x${start.toString(16)}`;
    let end: number;
    try {
      const { length } = r.initialLength();
      end = r.pos + length;
      if (end > r.end) fail(`unit length 0x${length.toString(16)} runs past the end of the section`);
    } catch (e) {
      const next = known.find((o) => o > start);
      warnings.push(`${where}: ${reason(e)}; ${next === undefined ? 'later units skipped' : `resuming at 0x${next.toString(16)}`}`);
      if (next === undefined) break;
      r.pos = next;
      continue;
    }
    const firstRow = rows.length;
    try {
      r.pos = start;
      const h = readLineHeader(r, { str: s.str, lineStr: s.lineStr, compDir: units.get(start)?.compDir });
      headers.set(start, h);
      const files = h.files.map((f) => intern(f.path));
      const missing = new Set<number>();
      const complete = runLineProgram(r, h, {
        rows,
        fileIndex(n) {
          const i = files[n - h.fileBase];
          if (i !== undefined) return i;
          missing.add(n);
          return intern(`<file ${n} of line table 0x${start.toString(16)}>`);
        },
        defineFile(f) {
          const defined: LineFile = resolveDefined(f, h);
          h.files.push(defined);
          files.push(intern(defined.path));
        },
      });
      if (missing.size > 0) warnings.push(`${where}: rows name files not in its table (${[...missing].join(', ')})`);
      if (!complete) warnings.push(`${where}: the program ends inside a sequence; its rows are dropped`);
    } catch (e) {
      let keep = rows.length;
      while (keep > firstRow && !(rows.flags[keep - 1] & ROW_END_SEQUENCE)) keep--;
      rows.truncate(keep);
      warnings.push(`${where}: ${reason(e)}${keep > firstRow ? ' (its complete sequences are kept)' : ''}`);
    }
    r.pos = end;
  }
  return { rows, paths, headers };
}
