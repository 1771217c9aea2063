/**
 * Line program headers (DWARF 2-5, section 6.2.4): the program's parameters and its directory and
 * file tables, with each file's path resolved against the compilation directory.
 *
 * Directory and file numbering differs by version. DWARF 5 numbers both from 0, and directory 0 is
 * the compilation directory. Earlier versions number both from 1; directory 0 then means the
 * compilation directory, which only the unit's DW_AT_comp_dir names.
 */
import { FormContext, FormValue, readForm } from './dwarf-forms';
import { joinPath } from './dwarf-paths';
import { fail, Reader } from './dwarf-reader';

export interface LineFile {
  /** The name as the table writes it. */
  readonly name: string;
  /** Directory, compilation directory and name joined and normalised. */
  readonly path: string;
  readonly md5?: Uint8Array;
}

export interface LineHeader {
  readonly version: number;
  readonly is64: boolean;
  readonly addrSize: number;
  readonly minInstLength: number;
  readonly maxOps: number;
  readonly defaultIsStmt: boolean;
  readonly lineBase: number;
  readonly lineRange: number;
  readonly opcodeBase: number;
  /** Operand counts of the standard opcodes, indexed by opcode (index 0 unused). */
  readonly standardLengths: Uint8Array;
  readonly compDir: string | undefined;
  readonly dirs: string[];
  readonly files: LineFile[];
  /** The number the first file has: 0 in DWARF 5, 1 before. */
  readonly fileBase: number;
  /** Where the line program starts and ends in the section. */
  readonly programStart: number;
  readonly programEnd: number;
}

export interface HeaderContext {
  readonly str?: Uint8Array;
  readonly lineStr?: Uint8Array;
  /** DW_AT_comp_dir of the unit that owns the table (needed before DWARF 5). */
  readonly compDir?: string;
}

const DW_LNCT_path = 1;
const DW_LNCT_directory_index = 2;
const DW_LNCT_MD5 = 5;

/** Reads the header of the unit at `r.pos`; on return `r.pos` is the program start. */
export function readLineHeader(r: Reader, c: HeaderContext): LineHeader {
  const { length, is64 } = r.initialLength();
  const programEnd = r.pos + length;
  if (programEnd > r.end) fail(`unit length 0x${length.toString(16)} runs past the end of the section`);
  const version = r.u16();
  if (version < 2 || version > 5) fail(`unsupported line table version ${version}`);
  let addrSize = 4;
  if (version >= 5) {
    addrSize = r.u8();
    const segSize = r.u8();
    if (segSize !== 0) fail(`segmented addresses (selector size ${segSize}) are not supported`);
  }
  const headerLength = r.offset(is64);
  const programStart = r.pos + headerLength;
  if (programStart > programEnd) fail('header length runs past the unit');
  const h = new Reader(r.bytes, r.pos, programStart);
  const minInstLength = h.u8();
  const maxOps = version >= 4 ? h.u8() : 1;
  const defaultIsStmt = h.u8() !== 0;
  const lineBase = h.i8();
  const lineRange = h.u8();
  const opcodeBase = h.u8();
  if (lineRange === 0) fail('line_range is 0');
  if (maxOps === 0) fail('maximum_operations_per_instruction is 0');
  if (opcodeBase === 0) fail('opcode_base is 0');
  const standardLengths = new Uint8Array(opcodeBase);
  for (let i = 1; i < opcodeBase; i++) standardLengths[i] = h.u8();

  const fc: FormContext = { is64, addrSize, version, str: c.str, lineStr: c.lineStr };
  const tables = version >= 5 ? readTablesV5(h, fc) : readTablesV2(h);
  const compDir = version >= 5 ? tables.dirs[0] : c.compDir;
  const files = tables.files.map((f) => ({ name: f.name, md5: f.md5, path: resolve(f, tables.dirs, version, compDir) }));
  r.pos = programStart;
  return {
    version, is64, addrSize, minInstLength, maxOps, defaultIsStmt, lineBase, lineRange, opcodeBase, standardLengths,
    compDir, dirs: tables.dirs, files, fileBase: version >= 5 ? 0 : 1, programStart, programEnd,
  };
}

export interface RawFile {
  readonly name: string;
  readonly dir: number;
  readonly md5?: Uint8Array;
}

interface Tables {
  readonly dirs: string[];
  readonly files: RawFile[];
}

/** DWARF 2-4: NUL-terminated lists; each file has name, directory number, mtime and size. */
function readTablesV2(h: Reader): Tables {
  const dirs: string[] = [];
  for (let d = h.cstr(); d !== ''; d = h.cstr()) dirs.push(d);
  const files: RawFile[] = [];
  for (let name = h.cstr(); name !== ''; name = h.cstr()) files.push(readFileRest(h, name));
  return { dirs, files };
}

/** The fields after the name of a DWARF 2-4 file entry (also the operands of DW_LNE_define_file). */
export function readFileRest(r: Reader, name: string): RawFile {
  const dir = r.uleb();
  r.uleb(); // modification time
  r.uleb(); // length
  return { name, dir };
}

/** DWARF 5: each table is described by its own list of (content type, form) pairs. */
function readTablesV5(h: Reader, c: FormContext): Tables {
  const dirs = readEntries(h, c).map((e, i) => {
    const p = e.get(DW_LNCT_path);
    if (typeof p !== 'string') fail(`directory ${i} has no usable path`);
    return p;
  });
  const files = readEntries(h, c).map((e, i): RawFile => {
    const name = e.get(DW_LNCT_path);
    if (typeof name !== 'string') fail(`file ${i} has no usable path`);
    const dir = e.get(DW_LNCT_directory_index) ?? 0;
    if (typeof dir !== 'number') fail(`file ${i} has a bad directory index`);
    const md5 = e.get(DW_LNCT_MD5);
    return { name, dir, md5: md5 instanceof Uint8Array ? md5 : undefined };
  });
  return { dirs, files };
}

function readEntries(h: Reader, c: FormContext): Map<number, FormValue>[] {
  const formatCount = h.u8();
  const format: { type: number; form: number }[] = [];
  for (let i = 0; i < formatCount; i++) format.push({ type: h.uleb(), form: h.uleb() });
  const count = h.uleb();
  // Each entry takes at least a byte (or the format is empty): bound the count before allocating.
  if (format.length > 0 && count > h.left) fail(`entry count ${count} exceeds the header`);
  const out: Map<number, FormValue>[] = [];
  for (let i = 0; i < count; i++) {
    const e = new Map<number, FormValue>();
    for (const f of format) e.set(f.type, readForm(h, f.form, c));
    out.push(e);
  }
  return out;
}

function resolve(f: RawFile, dirs: string[], version: number, compDir: string | undefined): string {
  let dir: string | undefined;
  if (version >= 5) {
    dir = dirs[f.dir];
    if (dir === undefined) fail(`file ${f.name} names directory ${f.dir} of ${dirs.length}`);
    if (f.dir !== 0) dir = joinPath(compDir, dir);
  } else if (f.dir === 0) {
    dir = compDir;
  } else {
    dir = dirs[f.dir - 1];
    if (dir === undefined) fail(`file ${f.name} names directory ${f.dir} of ${dirs.length}`);
    dir = joinPath(compDir, dir);
  }
  return joinPath(dir, f.name);
}

/** A file added by DW_LNE_define_file (DWARF 2-4). */
export function resolveDefined(f: RawFile, header: LineHeader): LineFile {
  return { name: f.name, path: resolve(f, header.dirs, header.version, header.compDir) };
}
