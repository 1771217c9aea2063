/**
 * Shared by the DWARF tests: where the fixtures are, running binutils, and parsing the two dumps the
 * reader is checked against (objdump --dwarf=decodedline, readelf --debug-dump=frames-interp).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'dwarf');
export const GOLDEN = path.join(FIXTURES, 'golden');

/** The ELFs with golden dumps: name -> path. */
export const ELVES: Readonly<Record<string, string>> = {
  'nested-v5': path.join(FIXTURES, 'nested-v5.elf'),
  'nested-eh': path.join(FIXTURES, 'nested-eh.elf'),
  'nested-v4': path.join(FIXTURES, 'nested-v4.elf'),
  'nested-v3': path.join(FIXTURES, 'nested-v3.elf'),
  'nested-v2': path.join(FIXTURES, 'nested-v2.elf'),
  'hello-c': path.join(REPO_ROOT, 'test', 'guests', 'bin', 'hello-c.elf'),
};

export const BINUTILS = process.env.RISCV_PREFIX ?? 'riscv64-unknown-elf-';

/** A binutils tool's stdout, or undefined when the tool is not installed. */
export function runTool(tool: string, args: string[]): string | undefined {
  const r = spawnSync(BINUTILS + tool, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error !== undefined) return undefined;
  if (r.status !== 0) throw new Error(`${BINUTILS}${tool} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** For live comparisons: skips the test when binutils is missing, except under CI, where that fails. */
export function requireTool(ctx: Mocha.Context, output: string | undefined): string {
  if (output !== undefined) return output;
  if (process.env.CI) throw new Error(`${BINUTILS}objdump/readelf not found (needed under CI)`);
  ctx.skip();
}

export function golden(name: string, kind: 'lines' | 'frames'): string {
  return fs.readFileSync(path.join(GOLDEN, `${name}.${kind}.txt`), 'utf8');
}

export interface ObjdumpRow {
  /** The file name as the line table writes it. */
  readonly name: string;
  /** Undefined for the end_sequence row ('-'). */
  readonly line: number | undefined;
  readonly address: number;
  readonly stmt: boolean;
}

const ROW = /^(\S+)\s+(\d+|-)\s+(0x[0-9a-f]+|0)(?:\s+(\d+))?(?:\s+(x))?\s*$/;

/** The rows of `objdump -w --dwarf=decodedline`, in section order. */
export function parseDecodedLines(text: string): ObjdumpRow[] {
  const rows: ObjdumpRow[] = [];
  for (const l of text.split('\n')) {
    const m = ROW.exec(l);
    if (m === null) continue;
    rows.push({ name: m[1], line: m[2] === '-' ? undefined : Number(m[2]), address: Number(m[3]), stmt: m[5] === 'x' });
  }
  return rows;
}

export interface FrameRow {
  readonly loc: number;
  readonly cfa: string;
  /** Column name -> rule as readelf prints it. */
  readonly regs: ReadonlyMap<string, string>;
}

export interface FrameEntry {
  readonly section: string;
  readonly kind: 'CIE' | 'FDE';
  readonly offset: number;
  /** FDE: its CIE's offset. */
  readonly cie: number;
  readonly start: number;
  readonly end: number;
  readonly rows: FrameRow[];
}

const SECTION = /^Contents of the (\S+) section:/;
const CIE = /^([0-9a-f]{8,16}) [0-9a-f]+ [0-9a-f]+ CIE/;
const FDE = /^([0-9a-f]{8,16}) [0-9a-f]+ [0-9a-f]+ FDE cie=([0-9a-f]+) pc=([0-9a-f]+)\.\.([0-9a-f]+)/;
const HEADER = /^\s+LOC\s+CFA\s*(.*)$/;
const TABLE_ROW = /^([0-9a-f]{8,16}) (.*)$/;

/** The CIEs and FDEs of `readelf -W --debug-dump=frames-interp`, with their rule tables. */
export function parseFramesInterp(text: string): FrameEntry[] {
  const out: FrameEntry[] = [];
  let section = '';
  let current: FrameEntry | undefined;
  let columns: string[] = [];
  for (const l of text.split('\n')) {
    let m: RegExpExecArray | null;
    if ((m = SECTION.exec(l))) {
      section = m[1];
      current = undefined;
    } else if ((m = FDE.exec(l))) {
      current = { section, kind: 'FDE', offset: parseInt(m[1], 16), cie: parseInt(m[2], 16), start: parseInt(m[3], 16), end: parseInt(m[4], 16), rows: [] };
      out.push(current);
      columns = [];
    } else if ((m = CIE.exec(l))) {
      current = { section, kind: 'CIE', offset: parseInt(m[1], 16), cie: -1, start: 0, end: 0, rows: [] };
      out.push(current);
      columns = [];
    } else if ((m = HEADER.exec(l))) {
      columns = m[1].trim().split(/\s+/).filter((c) => c !== '');
    } else if (current !== undefined && (m = TABLE_ROW.exec(l))) {
      // A register-rule cell can hold a space ("r9 (s1)"): glue "(name)" back to its number.
      const cells: string[] = [];
      for (const t of m[2].trim().split(/\s+/)) {
        if (t.startsWith('(') && cells.length > 0) cells[cells.length - 1] += ` ${t}`;
        else cells.push(t);
      }
      const regs = new Map<string, string>();
      columns.forEach((c, i) => regs.set(c, cells[i + 1]));
      current.rows.push({ loc: parseInt(m[1], 16), cfa: cells[0], regs });
    }
  }
  return out;
}

/** RISC-V integer register names as readelf prints them, by DWARF number. */
export const REG_NAMES = [
  'zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
  'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6',
];

/** Lines of `file` containing `marker` (1-based). */
export function markerLines(file: string, marker: string): number[] {
  return fs.readFileSync(file, 'utf8').split('\n').flatMap((l, i) => (l.includes(marker) ? [i + 1] : []));
}
