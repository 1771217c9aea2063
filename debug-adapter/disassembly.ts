/**
 * The `disassemble` request: instructions around an address in objdump's syntax (the isa listing, with
 * its `# address <symbol>` comments), each with its symbol and source line. Instructions before the
 * address are found by decoding forward from an earlier point that lands exactly on it (RISC-V has
 * 2- and 4-byte instructions, so backwards decoding needs a known boundary: a symbol, or a retry).
 */
import * as path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { ObjdumpListing } from '../emulator/isa/objdump-listing';
import type { DebugTarget } from '../emulator/debug/debug-target';
import { formatMemoryRef } from './memory-ref';
import { objdumpSymbolizer } from '../emulator/debug/objdump-symbols';

interface Raw {
  readonly addr: number;
  /** The instruction's bits (a halfword for compressed ones), or undefined when unreadable. */
  readonly raw?: number;
  readonly len: 2 | 4;
}

function rawAt(target: DebugTarget, addr: number): Raw {
  const lo = target.memory.readValue(addr, 2, 'virtual');
  if (lo === undefined) return { addr, len: 2 };
  if ((lo & 3) !== 3) return { addr, raw: lo, len: 2 };
  const hi = target.memory.readValue(addr + 2, 2, 'virtual');
  return hi === undefined ? { addr, len: 2 } : { addr, raw: (lo | (hi << 16)) >>> 0, len: 4 };
}

function forward(target: DebugTarget, from: number, count: number): Raw[] {
  const out: Raw[] = [];
  let a = from >>> 0;
  for (let i = 0; i < count; i++) {
    const r = rawAt(target, a);
    out.push(r);
    a = (a + r.len) >>> 0;
  }
  return out;
}

/** `count` instructions ending just before `addr`. */
function backward(target: DebugTarget, addr: number, count: number): Raw[] {
  const span = count * 4;
  const sym = target.symbols.lookup(addr);
  const starts = [addr - span, addr - span + 2];
  // A symbol start is a known instruction boundary: decode from there when it is close enough.
  if (sym !== undefined && addr - sym.symbol.addr <= span * 2 && sym.offset > 0) starts.unshift(sym.symbol.addr);
  for (const start of starts) {
    if (start < 0) continue;
    const list: Raw[] = [];
    let a = start >>> 0;
    while (a < addr) {
      const r = rawAt(target, a);
      list.push(r);
      a += r.len;
    }
    if (a === addr) return list.slice(-count);
  }
  // No start lands on addr: show 2-byte steps (unreadable or data), which always line up.
  return Array.from({ length: count }, (_, i) => rawAt(target, addr - 2 * (count - i))).map((r) => ({ ...r, len: 2 as const }));
}

/** `sourcePath` turns a line table's file name into the path the client opens. */
export function disassemble(target: DebugTarget, base: number, instructionOffset: number, count: number,
  sourcePath: (file: string) => string): DebugProtocol.DisassembledInstruction[] {
  let raws: Raw[];
  if (instructionOffset >= 0) {
    const skipped = forward(target, base, instructionOffset);
    const start = instructionOffset === 0 ? base : (skipped[skipped.length - 1].addr + skipped[skipped.length - 1].len) >>> 0;
    raws = forward(target, start, count);
  } else {
    // The client places the instruction at `base` at index -instructionOffset: exactly that many must
    // come before it, even when the nearest known boundary (a symbol) is closer than that.
    const want = -instructionOffset;
    const before = backward(target, base, want);
    while (before.length < want) {
      const more = backward(target, before.length ? before[0].addr : base, want - before.length);
      if (more.length === 0 || more[0].addr >= (before[0]?.addr ?? base)) {
        const first = before.length ? before[0].addr : base;
        before.unshift({ ...rawAt(target, (first - 2) >>> 0), len: 2 });
      } else {
        before.unshift(...more);
      }
    }
    raws = [...before, ...forward(target, base, Math.max(0, count + instructionOffset))].slice(0, count);
    while (raws.length < count) raws.push(rawAt(target, (raws[raws.length - 1].addr + raws[raws.length - 1].len) >>> 0));
  }
  // Symbols always, whatever resolveSymbols says: objdump's syntax names branch targets.
  const listing = new ObjdumpListing({ symbolize: objdumpSymbolizer(target.symbols), gp: target.symbols.address('__global_pointer$') });
  let lastFile = '';
  return raws.map((r): DebugProtocol.DisassembledInstruction => {
    const address = formatMemoryRef(r.addr);
    if (r.raw === undefined) return { address, instruction: '<unreadable>', presentationHint: 'invalid' };
    const line = listing.line(r.addr, r.raw);
    // The listing's text after the address and bytes columns: `mnemonic\toperands # comment`.
    const text = line.text.split('\t').slice(2).join('\t');
    const hit = target.symbols.lookup(r.addr);
    const loc = target.debugInfo.locate(r.addr);
    const out: DebugProtocol.DisassembledInstruction = {
      address,
      instructionBytes: r.len === 2 ? (r.raw & 0xffff).toString(16).padStart(4, '0') : r.raw.toString(16).padStart(8, '0'),
      instruction: text,
      ...(hit !== undefined && hit.offset === 0 ? { symbol: hit.symbol.name } : {}),
    };
    if (loc !== undefined) {
      if (loc.file !== lastFile) out.location = { path: sourcePath(loc.file), name: path.basename(loc.file) };
      out.line = loc.line;
      if (loc.column > 0) out.column = loc.column;
    }
    lastFile = loc?.file ?? '';
    return out;
  });
}
