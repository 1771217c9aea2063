/**
 * Debug information for the source lines: one DWARF 3 compilation unit per assembled file
 * (.debug_info/.debug_abbrev, which debuggers use to find the line table) and its line program
 * (.debug_line), mapping each instruction's address to its file and line.
 */
import * as path from 'path';
import { ByteWriter } from './bytes';
import type { LineRow } from './link';

const DW_TAG_compile_unit = 0x11;
const DW_AT = { name: 0x03, stmt_list: 0x10, low_pc: 0x11, high_pc: 0x12, language: 0x13, comp_dir: 0x1b, producer: 0x25 } as const;
const DW_FORM = { addr: 0x01, data2: 0x05, data4: 0x06, string: 0x08 } as const;
const DW_LANG_Mips_Assembler = 0x8001;
const DW_LNS = { copy: 1, advance_pc: 2, advance_line: 3, set_file: 4 } as const;
const DW_LNE = { end_sequence: 1, set_address: 2 } as const;

/** Line program parameters (those GNU as uses; 1-byte instruction unit because of RVC). */
const LINE_BASE = -5;
const LINE_RANGE = 14;
const OPCODE_BASE = 13;
const STANDARD_LENGTHS = [0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1];

export interface DebugUnit {
  readonly name: string;
  readonly rows: readonly LineRow[];
  /** Code ranges of the unit, one line sequence each. */
  readonly ranges: readonly { start: number; end: number }[];
}

export interface DebugSections {
  readonly debugLine: Uint8Array;
  readonly debugInfo: Uint8Array;
  readonly debugAbbrev: Uint8Array;
}

const PRODUCER = 'Translucent assembler';

function lineProgram(w: ByteWriter, unit: DebugUnit): void {
  const files: string[] = [];
  for (const r of unit.rows) if (!files.includes(r.file)) files.push(r.file);
  const dirs: string[] = [];
  for (const f of files) {
    const d = path.dirname(f);
    if (d !== '.' && !dirs.includes(d)) dirs.push(d);
  }
  const start = w.length;
  w.u32(0).u16(3);
  const headerLengthAt = w.length;
  w.u32(0);
  const headerStart = w.length;
  w.u8(1).u8(1).u8(LINE_BASE & 0xff).u8(LINE_RANGE).u8(OPCODE_BASE);
  for (const n of STANDARD_LENGTHS) w.u8(n);
  for (const d of dirs) w.cstring(d);
  w.u8(0);
  for (const f of files) {
    const d = path.dirname(f);
    w.cstring(path.basename(f)).uleb(d === '.' ? 0 : dirs.indexOf(d) + 1).uleb(0).uleb(0);
  }
  w.u8(0);
  w.patch32(headerLengthAt, w.length - headerStart);

  for (const range of unit.ranges) {
    const rows = unit.rows.filter((r) => r.address >= range.start && r.address < range.end);
    if (rows.length === 0) continue;
    let address = range.start;
    let line = 1;
    let file = 1;
    w.u8(0).uleb(5).u8(DW_LNE.set_address).u32(rows[0].address);
    address = rows[0].address;
    let previous: LineRow | undefined;
    for (const r of rows) {
      if (previous !== undefined && previous.file === r.file && previous.line === r.line) continue;
      previous = r;
      const f = files.indexOf(r.file) + 1;
      if (f !== file) {
        w.u8(DW_LNS.set_file).uleb(f);
        file = f;
      }
      const dLine = r.line - line;
      const dAddr = r.address - address;
      const special = dLine - LINE_BASE + LINE_RANGE * dAddr + OPCODE_BASE;
      if (dLine >= LINE_BASE && dLine < LINE_BASE + LINE_RANGE && special <= 255) {
        w.u8(special);
      } else {
        if (dLine !== 0) w.u8(DW_LNS.advance_line).sleb(dLine);
        if (dAddr !== 0) w.u8(DW_LNS.advance_pc).uleb(dAddr);
        w.u8(DW_LNS.copy);
      }
      line = r.line;
      address = r.address;
    }
    if (range.end > address) w.u8(DW_LNS.advance_pc).uleb(range.end - address);
    w.u8(0).uleb(1).u8(DW_LNE.end_sequence);
  }
  w.patch32(start, w.length - start - 4);
}

export function buildDebugSections(units: readonly DebugUnit[], compDir: string): DebugSections {
  const abbrev = new ByteWriter();
  abbrev.uleb(1).uleb(DW_TAG_compile_unit).u8(0);
  for (const [at, form] of [
    [DW_AT.stmt_list, DW_FORM.data4], [DW_AT.low_pc, DW_FORM.addr], [DW_AT.high_pc, DW_FORM.addr],
    [DW_AT.name, DW_FORM.string], [DW_AT.comp_dir, DW_FORM.string], [DW_AT.producer, DW_FORM.string],
    [DW_AT.language, DW_FORM.data2],
  ]) abbrev.uleb(at).uleb(form);
  abbrev.u8(0).u8(0).u8(0);

  const line = new ByteWriter();
  const info = new ByteWriter();
  for (const unit of units) {
    if (unit.ranges.length === 0) continue;
    const stmtList = line.length;
    lineProgram(line, unit);
    const low = Math.min(...unit.ranges.map((r) => r.start));
    const high = Math.max(...unit.ranges.map((r) => r.end));
    const start = info.length;
    info.u32(0).u16(3).u32(0).u8(4);
    info.uleb(1).u32(stmtList).u32(low).u32(high).cstring(unit.name).cstring(compDir).cstring(PRODUCER).u16(DW_LANG_Mips_Assembler);
    info.patch32(start, info.length - start - 4);
  }
  return { debugLine: line.result(), debugInfo: info.result(), debugAbbrev: abbrev.result() };
}
