/**
 * Linking the assembled files into one image: section sizes settled (relax.ts), addresses assigned
 * (layout.ts), symbols resolved across files, then every fixup and relaxed branch encoded with its
 * final value. Problems (undefined labels, targets out of reach) become diagnostics.
 */
import { Diagnostics } from './diagnostics';
import { BranchTail, DataFixup, Frag, InsnFixup, ObjectUnit, SectionBuilder } from './object';
import { relaxSection } from './relax';
import { OutputSection, Placed, layout } from './layout';
import { SymbolRecord, SymbolType, Value } from './value';
import { encodeTail, fillAlign } from './tails';
import { encodeInsn } from '../isa/encoder';
import { problemMessage } from './messages';
import { didYouMean } from './suggest';

export interface LinkedSection {
  readonly name: string;
  readonly addr: number;
  readonly size: number;
  readonly align: number;
  readonly exec: boolean;
  readonly write: boolean;
  readonly nobits: boolean;
  /** Contents (empty for .bss). */
  readonly bytes: Uint8Array;
}

export interface LinkedSymbol {
  readonly name: string;
  readonly value: number;
  readonly size: number;
  readonly type: SymbolType;
  readonly binding: 'local' | 'global' | 'weak';
  /** Output section name, or undefined for absolute symbols (`.equ`). */
  readonly section?: string;
  /** The source file that defined it (locals are per file). */
  readonly file: string;
  /** `$x`/`$d` mapping symbols, which tell disassemblers code from data. */
  readonly mapping?: boolean;
}

export interface LineRow {
  readonly address: number;
  readonly file: string;
  readonly line: number;
  /** The assembled unit (source file given to the assembler) the code belongs to. */
  readonly unit: string;
}

export interface Linked {
  readonly sections: readonly LinkedSection[];
  readonly symbols: readonly LinkedSymbol[];
  readonly lines: readonly LineRow[];
  readonly entry: number;
  /** Address ranges of each unit's code, for the debug info. */
  readonly unitRanges: ReadonlyMap<string, readonly { start: number; end: number }[]>;
}

export interface LinkOptions {
  readonly textBase: number;
}

/** Symbols ld's default script defines, computed from the layout. */
function linkerSymbols(outputs: readonly OutputSection[], end: number): Map<string, number> {
  const at = (name: string) => outputs.find((o) => o.name === name);
  const text = at('.text');
  const data = at('.data');
  const sdata = at('.sdata');
  const sbss = at('.sbss');
  const bss = at('.bss');
  const dataBegin = data?.addr ?? sdata?.addr ?? end;
  const sdataBegin = sdata?.addr ?? (data !== undefined ? data.addr + data.size : end);
  const edata = sdata !== undefined ? sdata.addr + sdata.size : sdataBegin;
  const bssStart = sbss?.addr ?? bss?.addr ?? edata;
  const etext = text !== undefined ? text.addr + text.size : 0;
  const m = new Map<string, number>([
    ['__DATA_BEGIN__', dataBegin], ['__SDATA_BEGIN__', sdataBegin], ['_edata', edata], ['edata', edata],
    ['__bss_start', bssStart], ['__BSS_END__', end], ['_end', end], ['end', end],
    ['_etext', etext], ['etext', etext], ['__etext', etext],
  ]);
  m.set('__global_pointer$', Math.min(sdataBegin + 0x800, Math.max(dataBegin + 0x800, end - 0x800)));
  return m;
}

class Resolver {
  /** Input section base addresses. */
  private readonly base = new Map<SectionBuilder, { addr: number; out: OutputSection }>();
  readonly globals = new Map<string, { unit: ObjectUnit; sym: SymbolRecord }>();
  private readonly reported = new Set<SymbolRecord>();
  private readonly resolving = new Set<SymbolRecord>();

  constructor(private readonly units: readonly ObjectUnit[], outputs: readonly OutputSection[],
    private readonly provided: ReadonlyMap<string, number>, private readonly diags: Diagnostics) {
    for (const out of outputs) for (const p of out.inputs) this.base.set(p.section, { addr: p.addr, out });
    for (const unit of units) {
      for (const sym of unit.symbols.values()) {
        if (sym.binding === 'local' || sym.def === undefined) continue;
        const prev = this.globals.get(sym.name);
        if (prev !== undefined && prev.sym.binding !== 'weak' && sym.binding !== 'weak') {
          diags.error(sym.def.at, `\`${sym.name}\` is already defined in ${prev.unit.file} (line ${prev.sym.def!.at.line})`);
          continue;
        }
        if (prev === undefined || prev.sym.binding === 'weak') this.globals.set(sym.name, { unit, sym });
      }
    }
  }

  sectionOf(sym: SymbolRecord): OutputSection | undefined {
    const d = sym.def;
    return d?.kind === 'label' ? this.base.get(d.section)?.out : undefined;
  }

  fragAddress(section: SectionBuilder, frag: Frag): number {
    return (this.base.get(section)?.addr ?? 0) + frag.address;
  }

  /** A symbol's address or value; undefined (reported once) when nothing defines it. */
  symbol(sym: SymbolRecord): number | undefined {
    const d = sym.def;
    if (d === undefined) {
      const g = this.globals.get(sym.name);
      if (g !== undefined && g.sym !== sym) return this.symbol(g.sym);
      const p = this.provided.get(sym.name);
      if (p !== undefined) return p;
      this.reportUndefined(sym);
      return undefined;
    }
    if (d.kind === 'label') {
      const b = this.base.get(d.section);
      if (b === undefined) return d.offset + d.frag.address;
      return b.addr + d.frag.address + d.offset;
    }
    if (this.resolving.has(sym)) {
      if (!this.reported.has(sym)) {
        this.reported.add(sym);
        this.diags.error(d.at, `\`${sym.name}\` is defined in terms of itself`);
      }
      return undefined;
    }
    this.resolving.add(sym);
    try {
      return this.value(d.value);
    } finally {
      this.resolving.delete(sym);
    }
  }

  private reportUndefined(sym: SymbolRecord): void {
    if (this.reported.has(sym) || sym.firstUse === undefined) return;
    this.reported.add(sym);
    const known = new Set<string>();
    for (const u of this.units) for (const s of u.symbols.values()) if (s.def !== undefined && !s.hidden) known.add(s.name);
    this.diags.error(sym.firstUse, `undefined label \`${sym.name}\`${didYouMean(sym.name, known)}`);
  }

  value(v: Value): number | undefined {
    let total = v.add;
    for (const t of v.terms) {
      const a = this.symbol(t.sym);
      if (a === undefined) return undefined;
      total += BigInt(t.coeff) * BigInt(a);
    }
    return Number(BigInt.asIntN(32, total));
  }
}

const sext12 = (v: number) => ((v & 0xfff) ^ 0x800) - 0x800;
const hi20 = (v: number) => (((v + 0x800) >> 12) << 12) | 0;

function putLE(bytes: Uint8Array, at: number, value: number, len: number): void {
  for (let k = 0; k < len; k++) bytes[at + k] = (value >>> (8 * k)) & 0xff;
}

export function link(units: readonly ObjectUnit[], diags: Diagnostics, opts: LinkOptions): Linked {
  for (const u of units) {
    for (const s of u.sections) {
      if (!relaxSection(s)) diags.error({ file: u.file, line: 1, column: 1 }, `the branch sizes in ${s.name} never settle`);
    }
  }
  const { outputs, end } = layout(units, opts.textBase);
  const resolver = new Resolver(units, outputs, linkerSymbols(outputs, end), diags);

  // %pcrel_lo finds its %pcrel_hi by the auipc's address.
  const pcrelHi = new Map<number, { fixup: InsnFixup; target: number | undefined }>();
  const each = (f: (p: Placed, frag: Frag, addr: number) => void) => {
    for (const out of outputs) for (const p of out.inputs) for (const frag of p.section.frags) f(p, frag, resolver.fragAddress(p.section, frag));
  };
  each((_p, frag, addr) => {
    for (const fx of frag.fixups) {
      if (fx.kind === 'insn' && fx.reloc === 'pcrel_hi20') pcrelHi.set(addr + fx.offset, { fixup: fx, target: resolver.value(fx.value) });
    }
  });

  const images = new Map<Placed, Uint8Array>();
  const lines: LineRow[] = [];
  const unitRanges = new Map<string, { start: number; end: number }[]>();
  for (const out of outputs) {
    for (const p of out.inputs) {
      const img = new Uint8Array(p.section.size);
      images.set(p, img);
      if (p.section.flags.exec && p.section.size > 0) {
        const list = unitRanges.get(p.unit.file) ?? [];
        list.push({ start: p.addr, end: p.addr + p.section.size });
        unitRanges.set(p.unit.file, list);
      }
      for (const frag of p.section.frags) {
        const addr = resolver.fragAddress(p.section, frag);
        const off = frag.address;
        img.set(frag.bytes, off);
        for (const m of frag.lines) lines.push({ address: addr + m.offset, file: m.file, line: m.line, unit: p.unit.file });
        for (const fx of frag.fixups) applyFixup(fx, img, off + fx.offset, addr + fx.offset, resolver, pcrelHi, diags);
        const t = frag.tail;
        if (t === undefined) continue;
        const tailAt = off + frag.bytes.length;
        const tailAddr = addr + frag.bytes.length;
        if (t.kind === 'align') {
          img.set(fillAlign(t, t.size), tailAt);
        } else if (t.kind === 'org') {
          if (t.offset < tailAt) {
            diags.error(t.at, `\`.org 0x${t.offset.toString(16)}\` would move back: ${p.section.name} is already 0x${tailAt.toString(16)} bytes long here`);
          }
          img.fill(t.fill, tailAt, tailAt + t.size);
        } else {
          lines.push({ address: tailAddr, file: t.file, line: t.line, unit: p.unit.file });
          const target = resolver.value(t.target);
          if (target !== undefined) encodeBranch(t, tailAddr, target, img, tailAt, diags);
        }
      }
    }
  }

  const sections: LinkedSection[] = outputs.map((out) => {
    const bytes = new Uint8Array(out.flags.nobits ? 0 : out.size);
    if (!out.flags.nobits) for (const p of out.inputs) bytes.set(images.get(p)!, p.addr - out.addr);
    return { name: out.name, addr: out.addr, size: out.size, align: out.align, exec: out.flags.exec, write: out.flags.write, nobits: out.flags.nobits, bytes };
  });

  const symbols = collectSymbols(units, outputs, resolver, diags);
  const start = resolver.globals.get('_start')?.sym
    ?? units.map((u) => u.symbols.get('_start')).find((s) => s?.def !== undefined);
  const entry = (start !== undefined ? resolver.symbol(start) : undefined) ?? outputs.find((o) => o.name === '.text')?.addr ?? opts.textBase;
  lines.sort((a, b) => a.address - b.address);
  return { sections, symbols, lines, entry: entry >>> 0, unitRanges };
}

function encodeBranch(t: BranchTail, at: number, target: number, img: Uint8Array, off: number, diags: Diagnostics): void {
  const r = encodeTail(t, at, target);
  if ('error' in r) {
    diags.error(t.at, r.error);
    return;
  }
  img.set(r.bytes, off);
}

function applyFixup(fx: InsnFixup | DataFixup, img: Uint8Array, off: number, pc: number, resolver: Resolver,
  pcrelHi: ReadonlyMap<number, { fixup: InsnFixup; target: number | undefined }>, diags: Diagnostics): void {
  const v = resolver.value(fx.value);
  if (v === undefined) return;
  if (fx.kind === 'data') {
    if (fx.size < 4) {
      const lo = -(2 ** (8 * fx.size - 1));
      const hi = 2 ** (8 * fx.size) - 1;
      if (v < lo || v > hi) diags.error(fx.at, `value 0x${(v >>> 0).toString(16)} does not fit in ${fx.size} byte${fx.size === 1 ? '' : 's'}`);
    }
    putLE(img, off, v, Math.min(fx.size, 4));
    return;
  }
  let imm: number;
  switch (fx.reloc) {
    case 'abs': imm = v; break;
    case 'hi20': imm = hi20(v); break;
    case 'lo12': imm = sext12(v); break;
    case 'pcrel_hi20': imm = hi20((v - pc) | 0); break;
    case 'pcrel': imm = (v - pc) | 0; break;
    case 'pcrel_lo12': {
      const hi = pcrelHi.get(v >>> 0);
      if (hi === undefined) {
        diags.error(fx.at, '`%pcrel_lo` must name the label of an auipc that uses %pcrel_hi');
        return;
      }
      if (hi.target === undefined) return;
      imm = sext12((hi.target - v) | 0);
      break;
    }
  }
  const r = encodeInsn(fx.entry, { ...fx.values, [fx.slot]: imm });
  if ('problem' in r) {
    diags.error(fx.at, problemMessage(fx.mnemonic, fx.entry, r.problem));
    return;
  }
  putLE(img, off, r.raw, fx.entry.len);
}

function collectSymbols(units: readonly ObjectUnit[], outputs: readonly OutputSection[], resolver: Resolver,
  diags: Diagnostics): LinkedSymbol[] {
  const out: LinkedSymbol[] = [];
  for (const unit of units) {
    for (const sec of unit.sections) {
      const placed = outputs.find((o) => o.inputs.some((p) => p.section === sec));
      if (placed === undefined) continue;
      for (const frag of sec.frags) {
        for (const m of frag.mapping) {
          out.push({ name: `$${m.kind}`, value: resolver.fragAddress(sec, frag) + m.offset, size: 0, type: 'notype', binding: 'local', section: placed.name, file: unit.file, mapping: true });
        }
      }
    }
    for (const sym of unit.symbols.values()) {
      if (sym.def === undefined || sym.hidden) continue;
      const value = resolver.symbol(sym);
      if (value === undefined) continue;
      let size = 0;
      if (sym.size !== undefined) {
        const s = resolver.value(sym.size.value);
        if (s !== undefined && s < 0) diags.error(sym.size.at, `the size of \`${sym.name}\` is negative (${s})`);
        else size = s ?? 0;
      }
      const section = resolver.sectionOf(sym)?.name;
      out.push({ name: sym.name, value: value >>> 0, size, type: sym.type, binding: sym.binding, section, file: unit.file });
    }
  }
  return out;
}

