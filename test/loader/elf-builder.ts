/**
 * Builds small ELF32 files for loader tests: program headers for the given segments, and a
 * .symtab/.strtab/.shstrtab when symbols are given. Fields can be overridden to make bad files.
 */
export interface SegmentSpec {
  readonly paddr: number;
  readonly vaddr?: number;
  readonly data: Uint8Array;
  readonly memsz?: number;
  readonly type?: number;
  /** File offset of the data (default: after the headers, in order). */
  readonly offset?: number;
}

export interface SymbolSpec {
  readonly name: string;
  readonly value: number;
  readonly size?: number;
  /** STT_*: 0 notype, 1 object, 2 func, 3 section, 4 file. */
  readonly type?: number;
  /** 0 local, 1 global. */
  readonly bind?: number;
  readonly shndx?: number;
}

export interface ElfSpec {
  readonly entry?: number;
  readonly segments: readonly SegmentSpec[];
  readonly symbols?: readonly SymbolSpec[];
  readonly class?: number;
  readonly data?: number;
  readonly machine?: number;
  readonly type?: number;
  readonly flags?: number;
}

export function buildElf(spec: ElfSpec): Uint8Array {
  const phoff = 52;
  const phnum = spec.segments.length;
  let cursor = phoff + phnum * 32;
  const chunks: { offset: number; bytes: Uint8Array }[] = [];
  const place = (bytes: Uint8Array, at?: number) => {
    const offset = at ?? cursor;
    chunks.push({ offset, bytes });
    cursor = Math.max(cursor, offset + bytes.length);
    return offset;
  };
  const segOffsets = spec.segments.map((s) => place(s.data, s.offset));

  let shoff = 0;
  let shnum = 0;
  const sections: number[][] = [];
  if (spec.symbols) {
    const names = ['', ...spec.symbols.map((s) => s.name)];
    const strtab = Buffer.from(names.join('\0') + '\0');
    const nameOffsets: number[] = [];
    let off = 0;
    for (const n of names) { nameOffsets.push(off); off += n.length + 1; }
    const symtab = Buffer.alloc(16 * names.length);
    spec.symbols.forEach((s, i) => {
      const o = 16 * (i + 1);
      symtab.writeUInt32LE(nameOffsets[i + 1], o);
      symtab.writeUInt32LE(s.value >>> 0, o + 4);
      symtab.writeUInt32LE(s.size ?? 0, o + 8);
      symtab[o + 12] = ((s.bind ?? 1) << 4) | (s.type ?? 2);
      symtab.writeUInt16LE(s.shndx ?? 1, o + 14);
    });
    const shstr = Buffer.from('\0.symtab\0.strtab\0.shstrtab\0');
    const symOff = place(symtab);
    const strOff = place(strtab);
    const shstrOff = place(shstr);
    // name, type, flags, addr, offset, size, link, info, align, entsize
    sections.push([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    sections.push([1, 2, 0, 0, symOff, symtab.length, 2, 1, 4, 16]);
    sections.push([9, 3, 0, 0, strOff, strtab.length, 0, 0, 1, 0]);
    sections.push([17, 3, 0, 0, shstrOff, shstr.length, 0, 0, 1, 0]);
    cursor = (cursor + 3) & ~3;
    shoff = cursor;
    shnum = sections.length;
    cursor += 40 * shnum;
  }

  const out = Buffer.alloc(cursor);
  // Data first, so a segment that covers the headers (offset 0) does not overwrite them.
  for (const c of chunks) out.set(c.bytes, c.offset);
  out.set([0x7f, 0x45, 0x4c, 0x46, spec.class ?? 1, spec.data ?? 1, 1]);
  out.writeUInt16LE(spec.type ?? 2, 16);
  out.writeUInt16LE(spec.machine ?? 243, 18);
  out.writeUInt32LE(1, 20);
  out.writeUInt32LE((spec.entry ?? spec.segments[0]?.paddr ?? 0) >>> 0, 24);
  out.writeUInt32LE(phnum ? phoff : 0, 28);
  out.writeUInt32LE(shoff, 32);
  out.writeUInt32LE(spec.flags ?? 1, 36);
  out.writeUInt16LE(52, 40);
  out.writeUInt16LE(32, 42);
  out.writeUInt16LE(phnum, 44);
  out.writeUInt16LE(40, 46);
  out.writeUInt16LE(shnum, 48);
  out.writeUInt16LE(shnum ? shnum - 1 : 0, 50);
  spec.segments.forEach((s, i) => {
    const o = phoff + 32 * i;
    [s.type ?? 1, segOffsets[i], s.vaddr ?? s.paddr, s.paddr, s.data.length, s.memsz ?? s.data.length, 7, 0x1000]
      .forEach((v, j) => out.writeUInt32LE(v >>> 0, o + 4 * j));
  });
  sections.forEach((f, i) => f.forEach((v, j) => out.writeUInt32LE(v >>> 0, shoff + 40 * i + 4 * j)));
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
