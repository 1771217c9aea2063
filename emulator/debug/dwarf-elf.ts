/**
 * ELF32 section headers by name: the debug sections' bytes and the address ranges of allocated
 * sections. loader/elf.ts reads what the loader needs (segments, symbols) and exposes no sections,
 * so this reads the little it takes here. Compressed sections (SHF_COMPRESSED, zlib) are inflated.
 */
import { inflateSync } from 'zlib';
import { fail, Reader, reason } from './dwarf-reader';

export interface ElfSection {
  readonly name: string;
  readonly type: number;
  readonly flags: number;
  readonly addr: number;
  readonly size: number;
  /** Contents (inflated when the section was compressed); empty for SHT_NOBITS. */
  readonly data: Uint8Array;
}

export interface ElfSections {
  readonly type: number;
  get(name: string): ElfSection | undefined;
  /**
   * Whether `addr` lies in a section that occupies memory at run time (SHF_ALLOC); true for any
   * address when the file lists no such sections (nothing to judge by).
   */
  isLoaded(addr: number): boolean;
}

const EHDR_SIZE = 52;
const SHDR_SIZE = 40;
const SHT_NOBITS = 8;
const SHF_ALLOC = 0x2;
const SHF_COMPRESSED = 0x800;
const ELFCOMPRESS_ZLIB = 1;
const CHDR32_SIZE = 12;

/** Reads the section table; problems with single sections become warnings and drop that section. */
export function readSections(bytes: Uint8Array, warnings: string[]): ElfSections {
  const r = new Reader(bytes);
  if (bytes.length < EHDR_SIZE || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) fail('not an ELF file');
  if (bytes[4] !== 1 || bytes[5] !== 1) fail('not a 32-bit little-endian ELF');
  r.pos = 16;
  const type = r.u16();
  r.pos = 32;
  const shoff = r.u32();
  r.pos = 46;
  const shentsize = r.u16();
  const shnum = r.u16();
  const shstrndx = r.u16();
  if (shoff === 0 || shnum === 0) return { type, get: () => undefined, isLoaded: () => true };
  if (shentsize !== SHDR_SIZE) fail(`bad section header size ${shentsize}`);
  if (shoff + shnum * SHDR_SIZE > bytes.length) fail('truncated section header table');

  const header = (i: number) => {
    r.pos = shoff + i * SHDR_SIZE;
    const h = { name: r.u32(), type: r.u32(), flags: r.u32(), addr: r.u32(), offset: r.u32(), size: r.u32() };
    return h;
  };
  if (shstrndx >= shnum) fail(`section name table index ${shstrndx} out of range`);
  const names = header(shstrndx);
  if (names.offset + names.size > bytes.length) fail('truncated section name table');
  const nameTable = bytes.subarray(names.offset, names.offset + names.size);

  const byName = new Map<string, ElfSection>();
  const loaded: { start: number; end: number }[] = [];
  for (let i = 1; i < shnum; i++) {
    const h = header(i);
    let name = `#${i}`;
    try {
      name = new Reader(nameTable, h.name).cstr();
      const data = h.type === SHT_NOBITS ? new Uint8Array(0) : contents(bytes, h.offset, h.size, h.flags);
      if (!byName.has(name)) byName.set(name, { name, type: h.type, flags: h.flags, addr: h.addr, size: h.size, data });
      if (h.flags & SHF_ALLOC && h.size > 0) loaded.push({ start: h.addr, end: h.addr + h.size });
    } catch (e) {
      warnings.push(`section ${name}: ${reason(e)}`);
    }
  }
  return {
    type,
    get: (name) => byName.get(name),
    isLoaded: (addr) => loaded.length === 0 || loaded.some((s) => addr >= s.start && addr < s.end),
  };
}

function contents(bytes: Uint8Array, offset: number, size: number, flags: number): Uint8Array {
  if (offset + size > bytes.length) fail(`extends past the end of the file (0x${(offset + size).toString(16)} > 0x${bytes.length.toString(16)})`);
  const raw = bytes.subarray(offset, offset + size);
  if (!(flags & SHF_COMPRESSED)) return raw;
  const h = new Reader(raw);
  const kind = h.u32();
  const inflatedSize = h.u32();
  if (kind !== ELFCOMPRESS_ZLIB) fail(`compressed with an unsupported method (ch_type ${kind})`);
  const out = inflateSync(raw.subarray(CHDR32_SIZE));
  if (out.length !== inflatedSize) fail(`inflates to ${out.length} bytes, header says ${inflatedSize}`);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
