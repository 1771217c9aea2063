/**
 * QEMU's `x /Nfu addr` and `xp /Nfu addr` (monitor memory_dump): N units of size u (b, h, w) in format
 * f (x, d, u, o, c), 16 bytes per line, or N instructions with f = i, or a string with f = s (as GDB).
 */
import { ObjdumpListing } from '../isa/objdump-listing';
import type { AddressSpace, GuestMemory } from './guest-memory';
import type { Symbolizer } from '../isa/disassembler';

export interface ExamineSpec {
  readonly count: number;
  readonly format: 'x' | 'd' | 'u' | 'o' | 'c' | 'i' | 's';
  readonly unit: 1 | 2 | 4;
}

const UNITS: Readonly<Record<string, 1 | 2 | 4>> = { b: 1, h: 2, w: 4 };
const FORMATS = new Set(['x', 'd', 'u', 'o', 'c', 'i', 's']);

/** Parses `/Nfu` (every part optional, in any order after N, as QEMU accepts); throws a message. */
export function parseExamineSpec(text: string): ExamineSpec {
  const m = /^\/(\d*)([a-z]*)$/.exec(text);
  if (!m) throw new Error(`bad format "${text}" (expected /Nfu, e.g. /4xw)`);
  let format: ExamineSpec['format'] = 'x';
  let unit: 1 | 2 | 4 | undefined;
  for (const ch of m[2]) {
    if (UNITS[ch] !== undefined) unit = UNITS[ch];
    else if (FORMATS.has(ch)) format = ch as ExamineSpec['format'];
    else if (ch === 'g') throw new Error('unit g (8 bytes) does not exist on RV32');
    else throw new Error(`unknown format or unit '${ch}' in "${text}" (formats x d u o c i s, units b h w)`);
  }
  const count = m[1] === '' ? 1 : Number(m[1]);
  if (count < 1 || count > 65536) throw new Error(`count ${m[1]} out of range (1..65536)`);
  return { count, format, unit: unit ?? (format === 'c' ? 1 : 4) };
}

function digits(format: string, size: number): number {
  switch (format) {
    case 'o': return Math.floor((size * 8 + 2) / 3);
    case 'x': return size * 2;
    default: return Math.floor((size * 8 * 10 + 32) / 33);
  }
}

function charText(v: number): string {
  const esc: Record<number, string> = { 10: '\\n', 13: '\\r', 9: '\\t', 0: '\\0', 39: "\\'", 92: '\\\\' };
  if (esc[v] !== undefined) return `'${esc[v]}'`;
  return v >= 32 && v < 127 ? `'${String.fromCharCode(v)}'` : `'\\x${v.toString(16).padStart(2, '0')}'`;
}

function formatUnit(v: number, spec: ExamineSpec): string {
  const w = digits(spec.format, spec.unit);
  switch (spec.format) {
    case 'x': return '0x' + v.toString(16).padStart(w, '0');
    case 'o': return ('0' + v.toString(8)).padStart(w, ' ');
    case 'd': {
      const bits = spec.unit * 8;
      const s = v >= 2 ** (bits - 1) ? v - 2 ** bits : v;
      return String(s).padStart(w, ' ');
    }
    case 'c': return charText(v & 0xff);
    default: return String(v).padStart(w, ' ');
  }
}

function addressText(addr: number, space: AddressSpace): string {
  // QEMU: target-width virtual addresses, 64-bit physical ones.
  return (addr >>> 0).toString(16).padStart(space === 'physical' ? 16 : 8, '0');
}

export function examine(mem: GuestMemory, addr: number, spec: ExamineSpec, space: AddressSpace, symbolize?: Symbolizer): string {
  if (spec.format === 'i') return examineInsns(mem, addr, spec.count, space, symbolize);
  if (spec.format === 's') return examineString(mem, addr, spec.count, space);
  const lines: string[] = [];
  const total = spec.count * spec.unit;
  for (let off = 0; off < total; off += 16) {
    const n = Math.min(16, total - off);
    const a = (addr + off) >>> 0;
    const r = mem.read(a, n, space);
    const parts: string[] = [];
    for (let k = 0; k + spec.unit <= r.bytes.length; k += spec.unit) {
      let v = 0;
      for (let b = spec.unit - 1; b >= 0; b--) v = v * 256 + r.bytes[k + b];
      parts.push(formatUnit(v, spec));
    }
    lines.push(`${addressText(a, space)}: ${parts.join(' ')}`.trimEnd());
    if (r.bytes.length < n) {
      lines.push(`Cannot access memory at 0x${((a + r.bytes.length) >>> 0).toString(16)}`);
      break;
    }
  }
  return lines.join('\n');
}

function examineInsns(mem: GuestMemory, addr: number, count: number, space: AddressSpace, symbolize?: Symbolizer): string {
  const listing = new ObjdumpListing({ symbolize });
  const lines: string[] = [];
  let pc = addr >>> 0;
  for (let i = 0; i < count; i++) {
    const r = mem.read(pc, 4, space);
    if (r.bytes.length < 2) {
      lines.push(`Cannot access memory at 0x${pc.toString(16)}`);
      break;
    }
    let raw = r.bytes[0] | (r.bytes[1] << 8);
    if ((raw & 3) === 3) {
      if (r.bytes.length < 4) {
        lines.push(`Cannot access memory at 0x${(pc + 2).toString(16)}`);
        break;
      }
      raw = (raw | (r.bytes[2] << 16) | (r.bytes[3] << 24)) >>> 0;
    }
    const line = listing.line(pc, raw);
    const sym = symbolize?.(pc);
    lines.push(`${addressText(pc, space)}${sym !== undefined ? ` <${sym}>` : ''}: ${line.text.slice(line.text.indexOf(':\t') + 2)}`);
    pc = (pc + line.len) >>> 0;
  }
  return lines.join('\n');
}

function examineString(mem: GuestMemory, addr: number, count: number, space: AddressSpace): string {
  const lines: string[] = [];
  let a = addr >>> 0;
  for (let i = 0; i < count; i++) {
    const r = mem.read(a, 4096, space);
    const end = r.bytes.indexOf(0);
    const bytes = end < 0 ? r.bytes : r.bytes.subarray(0, end);
    const text = [...bytes].map((b) => (b >= 32 && b < 127 && b !== 34 && b !== 92 ? String.fromCharCode(b) : charText(b).slice(1, -1))).join('');
    lines.push(`${addressText(a, space)}: "${text}"${end < 0 && r.bytes.length < 4096 ? ' <unreadable>' : ''}`);
    if (end < 0) break;
    a = (a + end + 1) >>> 0;
  }
  return lines.join('\n');
}
