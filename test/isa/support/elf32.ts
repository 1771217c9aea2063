/**
 * Just enough of an ELF32 little-endian reader for the ISA tests: section contents by name and the
 * symbol table.
 */

export interface ElfSection {
  readonly name: string;
  readonly type: number;
  readonly addr: number;
  readonly offset: number;
  readonly size: number;
  readonly link: number;
}

export interface ElfSymbol {
  readonly name: string;
  readonly value: number;
  /** STT_*: 0 notype, 1 object, 2 func, 3 section, 4 file. */
  readonly type: number;
  /** STB_*: 0 local, 1 global, 2 weak. */
  readonly bind: number;
  readonly shndx: number;
}

export interface Elf32 {
  readonly bytes: Buffer;
  readonly sections: readonly ElfSection[];
  readonly symbols: readonly ElfSymbol[];
  section(name: string): ElfSection;
}

const SHT_SYMTAB = 2;

function cString(buf: Buffer, at: number): string {
  const end = buf.indexOf(0, at);
  return buf.toString('latin1', at, end < 0 ? buf.length : end);
}

export function readElf32(bytes: Buffer): Elf32 {
  if (bytes.readUInt32BE(0) !== 0x7f454c46 || bytes[4] !== 1 || bytes[5] !== 1) {
    throw new Error('not a little-endian ELF32 file');
  }
  const shoff = bytes.readUInt32LE(0x20);
  const shentsize = bytes.readUInt16LE(0x2e);
  const shnum = bytes.readUInt16LE(0x30);
  const shstrndx = bytes.readUInt16LE(0x32);
  const raw = Array.from({ length: shnum }, (_, i) => {
    const at = shoff + i * shentsize;
    return {
      nameOff: bytes.readUInt32LE(at),
      type: bytes.readUInt32LE(at + 4),
      addr: bytes.readUInt32LE(at + 12),
      offset: bytes.readUInt32LE(at + 16),
      size: bytes.readUInt32LE(at + 20),
      link: bytes.readUInt32LE(at + 24),
    };
  });
  const names = raw[shstrndx];
  const sections: ElfSection[] = raw.map((s) => ({ ...s, name: cString(bytes, names.offset + s.nameOff) }));

  const symbols: ElfSymbol[] = [];
  for (const symtab of sections.filter((s) => s.type === SHT_SYMTAB)) {
    const strtab = sections[symtab.link];
    for (let at = symtab.offset; at < symtab.offset + symtab.size; at += 16) {
      const info = bytes[at + 12];
      symbols.push({
        name: cString(bytes, strtab.offset + bytes.readUInt32LE(at)),
        value: bytes.readUInt32LE(at + 4),
        type: info & 0xf,
        bind: info >> 4,
        shndx: bytes.readUInt16LE(at + 14),
      });
    }
  }

  return {
    bytes,
    sections,
    symbols,
    section(name: string): ElfSection {
      const s = sections.find((x) => x.name === name);
      if (s === undefined) throw new Error(`no section ${name}`);
      return s;
    },
  };
}
