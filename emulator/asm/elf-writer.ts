/**
 * Writing the ELF32 executable: header, one PT_LOAD per segment (code and read-only data; writable
 * data and .bss), the sections' contents at file offsets congruent to their addresses modulo the
 * page size (so loaders can map them), then debug sections, the symbol table and section headers.
 */
import * as path from 'path';
import { ByteWriter } from './bytes';
import type { LinkedSection, LinkedSymbol } from './link';

const PAGE = 0x1000;
const EM_RISCV = 243;
const ET_EXEC = 2;
const EF_RISCV_RVC = 0x1;
const SHT = { null: 0, progbits: 1, symtab: 2, strtab: 3, nobits: 8 } as const;
const SHF = { write: 1, alloc: 2, exec: 4 } as const;
const PT_LOAD = 1;
const PF = { x: 1, w: 2, r: 4 } as const;
const STT = { notype: 0, object: 1, func: 2, file: 4 } as const;
const STB = { local: 0, global: 1, weak: 2 } as const;
const SHN_ABS = 0xfff1;

export interface ExtraSection {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface ElfImage {
  readonly entry: number;
  readonly sections: readonly LinkedSection[];
  readonly symbols: readonly LinkedSymbol[];
  /** Non-loaded sections (debug information). */
  readonly extra: readonly ExtraSection[];
}

interface Header {
  name: string;
  type: number;
  flags: number;
  addr: number;
  offset: number;
  size: number;
  link: number;
  info: number;
  align: number;
  entsize: number;
}

class StringTable {
  private readonly w = new ByteWriter().u8(0);
  private readonly seen = new Map<string, number>([['', 0]]);

  add(s: string): number {
    const known = this.seen.get(s);
    if (known !== undefined) return known;
    const at = this.w.length;
    this.w.cstring(s);
    this.seen.set(s, at);
    return at;
  }

  bytes(): Uint8Array {
    return this.w.result();
  }
}

/** Consecutive loadable sections with the same write permission share a segment. */
function segments(sections: readonly LinkedSection[]): LinkedSection[][] {
  const out: LinkedSection[][] = [];
  for (const s of sections) {
    const last = out[out.length - 1];
    if (last !== undefined && last[0].write === s.write) last.push(s);
    else out.push([s]);
  }
  return out;
}

const STT_OF: Readonly<Record<LinkedSymbol['type'], number>> = { notype: STT.notype, func: STT.func, object: STT.object };

export function writeElf(image: ElfImage): Uint8Array {
  const loaded = image.sections.filter((s) => s.size > 0);
  const segs = segments(loaded);
  const phnum = segs.length;
  const w = new ByteWriter();
  const headers: Header[] = [{ name: '', type: SHT.null, flags: 0, addr: 0, offset: 0, size: 0, link: 0, info: 0, align: 0, entsize: 0 }];

  // Contents first (the ELF and program headers are written into the space reserved at the start).
  const headerSpace = 52 + 32 * phnum;
  w.bytes(new Uint8Array(headerSpace));
  const phdrs: { offset: number; vaddr: number; filesz: number; memsz: number; flags: number }[] = [];
  for (const seg of segs) {
    const vaddr = seg[0].addr;
    while (w.length % PAGE !== vaddr % PAGE) w.u8(0);
    const offset = w.length;
    let filesz = 0;
    for (const s of seg) {
      const at = offset + (s.addr - vaddr);
      if (!s.nobits) {
        while (w.length < at) w.u8(0);
        w.bytes(s.bytes);
        filesz = s.addr + s.size - vaddr;
      }
      headers.push({
        name: s.name, type: s.nobits ? SHT.nobits : SHT.progbits,
        flags: SHF.alloc | (s.write ? SHF.write : 0) | (s.exec ? SHF.exec : 0),
        addr: s.addr, offset: at, size: s.size, link: 0, info: 0, align: s.align, entsize: 0,
      });
    }
    const last = seg[seg.length - 1];
    const flags = PF.r | (seg.some((s) => s.exec) ? PF.x : 0) | (seg[0].write ? PF.w : 0);
    phdrs.push({ offset, vaddr, filesz, memsz: last.addr + last.size - vaddr, flags });
  }
  const indexOf = new Map<string, number>(headers.map((h, i) => [h.name, i]));

  for (const x of image.extra) {
    headers.push({ name: x.name, type: SHT.progbits, flags: 0, addr: 0, offset: w.length, size: x.bytes.length, link: 0, info: 0, align: 1, entsize: 0 });
    w.bytes(x.bytes);
  }

  // Symbol table: per file a FILE symbol and its locals, then all globals (ELF wants locals first).
  const strtab = new StringTable();
  const sym = new ByteWriter();
  const put = (name: string, value: number, size: number, type: number, bind: number, shndx: number) => {
    sym.u32(strtab.add(name)).u32(value).u32(size).u8((bind << 4) | type).u8(0).u16(shndx);
  };
  put('', 0, 0, 0, 0, 0);
  const shndx = (s: LinkedSymbol) => (s.section === undefined ? SHN_ABS : indexOf.get(s.section) ?? SHN_ABS);
  const files = [...new Set(image.symbols.map((s) => s.file))];
  let count = 1;
  for (const file of files) {
    put(path.basename(file), 0, 0, STT.file, STB.local, SHN_ABS);
    count++;
    for (const s of image.symbols.filter((x) => x.file === file && x.binding === 'local')) {
      put(s.name, s.value, s.size, STT_OF[s.type], STB.local, shndx(s));
      count++;
    }
  }
  const firstGlobal = count;
  for (const s of image.symbols.filter((x) => x.binding !== 'local')) put(s.name, s.value, s.size, STT_OF[s.type], STB[s.binding], shndx(s));

  w.alignTo(4);
  const symtabIndex = headers.length;
  headers.push({ name: '.symtab', type: SHT.symtab, flags: 0, addr: 0, offset: w.length, size: sym.length, link: symtabIndex + 1, info: firstGlobal, align: 4, entsize: 16 });
  w.bytes(sym.result());
  const strBytes = strtab.bytes();
  headers.push({ name: '.strtab', type: SHT.strtab, flags: 0, addr: 0, offset: w.length, size: strBytes.length, link: 0, info: 0, align: 1, entsize: 0 });
  w.bytes(strBytes);

  const shstr = new StringTable();
  const names = headers.map((h) => shstr.add(h.name));
  const shstrtabName = shstr.add('.shstrtab');
  const shstrBytes = shstr.bytes();
  headers.push({ name: '.shstrtab', type: SHT.strtab, flags: 0, addr: 0, offset: w.length, size: shstrBytes.length, link: 0, info: 0, align: 1, entsize: 0 });
  names.push(shstrtabName);
  w.bytes(shstrBytes);

  w.alignTo(4);
  const shoff = w.length;
  headers.forEach((h, i) => {
    w.u32(names[i]).u32(h.type).u32(h.flags).u32(h.addr).u32(h.offset).u32(h.size).u32(h.link).u32(h.info).u32(h.align).u32(h.entsize);
  });

  const out = w.result();
  const hw = new ByteWriter();
  hw.bytes([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  hw.u16(ET_EXEC).u16(EM_RISCV).u32(1).u32(image.entry).u32(phnum > 0 ? 52 : 0).u32(shoff).u32(EF_RISCV_RVC)
    .u16(52).u16(32).u16(phnum).u16(40).u16(headers.length).u16(headers.length - 1);
  for (const p of phdrs) hw.u32(PT_LOAD).u32(p.offset).u32(p.vaddr).u32(p.vaddr).u32(p.filesz).u32(p.memsz).u32(p.flags).u32(PAGE);
  out.set(hw.result(), 0);
  return out;
}
