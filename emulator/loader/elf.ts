/**
 * ELF32 little-endian RISC-V executables: program headers (what to load where) and the symbol
 * table. Everything read from the file is bounds-checked: a truncated or malformed file gives one
 * error naming the file and the problem.
 */
import { badInput, hex } from './errors';
import type { GuestSymbol, SymbolKind } from './symbols';

export interface ElfSegment {
  /** Physical load address (p_paddr), which is what QEMU loads by. */
  readonly paddr: number;
  readonly vaddr: number;
  readonly offset: number;
  readonly filesz: number;
  readonly memsz: number;
  /** PF_X = 1, PF_W = 2, PF_R = 4. */
  readonly flags: number;
}

export interface ElfFile {
  readonly entry: number;
  readonly flags: number;
  /** PT_LOAD segments with a nonzero memory size, in file order. */
  readonly segments: readonly ElfSegment[];
  readonly symbols: readonly GuestSymbol[];
  /** File offset just past the ELF and program headers. */
  readonly headersEnd: number;
}

const EM_RISCV = 243;
const ET_EXEC = 2;
const PT_LOAD = 1;
const SHT_SYMTAB = 2;
const SHN_UNDEF = 0;
const SHN_ABS = 0xfff1;
const EHDR_SIZE = 52;
const PHDR_SIZE = 32;
const SHDR_SIZE = 40;
const SYM_SIZE = 16;
/** e_flags float-ABI field: code built for it needs the F or D extension. */
const EF_RISCV_FLOAT_ABI = 0x6;

const MACHINES: Readonly<Record<number, string>> = {
  3: 'x86', 8: 'MIPS', 20: 'PowerPC', 21: 'PowerPC64', 40: 'ARM', 62: 'x86-64', 183: 'AArch64', 247: 'BPF', 258: 'LoongArch',
};
const TYPES: Readonly<Record<number, string>> = {
  0: 'has no file type', 1: 'is a relocatable object (.o), not a linked executable',
  3: 'is a shared object or position-independent executable; link it static (ET_EXEC)', 4: 'is a core dump',
};
const FLOAT_ABIS = ['soft', 'ilp32f (single-precision float)', 'ilp32d (double-precision float)', 'ilp32q (quad-precision float)'];
const SYMBOL_KINDS: Readonly<Record<number, SymbolKind>> = { 0: 'label', 1: 'object', 2: 'func' };

export function isElf(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
}

export function parseElf(bytes: Uint8Array, file: string): ElfFile {
  const fail = (problem: string): never => { throw badInput(file, problem); };
  const v = checkHeader(bytes, fail);
  const u16 = (o: number) => v.getUint16(o, true);
  const u32 = (o: number) => v.getUint32(o, true);

  const type = u16(16);
  if (type !== ET_EXEC) fail(TYPES[type] ?? `has unknown ELF type ${type}`);
  const flags = u32(36);
  if (flags & EF_RISCV_FLOAT_ABI) {
    fail(`uses the ${FLOAT_ABIS[(flags & EF_RISCV_FLOAT_ABI) >>> 1]} ABI; Translucent emulates RV32IMAC without floating point (use -mabi=ilp32)`);
  }

  const entry = u32(24);
  const phoff = u32(28);
  const phentsize = u16(42);
  const phnum = u16(44);
  if (phnum === 0) fail('has no program headers (nothing to load)');
  if (phentsize !== PHDR_SIZE) fail(`bad program header size ${phentsize} (expected ${PHDR_SIZE})`);
  const headersEnd = phoff + phnum * PHDR_SIZE;
  if (headersEnd > bytes.length) fail(`truncated: program headers end at ${hex(headersEnd)} but the file has ${bytes.length} bytes`);

  const segments: ElfSegment[] = [];
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * PHDR_SIZE;
    if (u32(o) !== PT_LOAD) continue;
    const seg: ElfSegment = {
      offset: u32(o + 4), vaddr: u32(o + 8), paddr: u32(o + 12),
      filesz: u32(o + 16), memsz: u32(o + 20), flags: u32(o + 24),
    };
    if (seg.filesz > seg.memsz) fail(`segment ${i} is malformed: file size ${hex(seg.filesz)} exceeds memory size ${hex(seg.memsz)}`);
    if (seg.offset + seg.filesz > bytes.length) {
      fail(`truncated: segment ${i} needs bytes up to ${hex(seg.offset + seg.filesz)} but the file has ${bytes.length}`);
    }
    if (seg.paddr + seg.memsz > 0x1_0000_0000) fail(`segment ${i} at ${hex(seg.paddr)} (${hex(seg.memsz)} bytes) wraps past 4 GiB`);
    if (seg.memsz > 0) segments.push(seg);
  }
  if (segments.length === 0) fail('has no loadable (PT_LOAD) segments');

  return { entry, flags, segments, symbols: readSymbols(bytes, v, fail), headersEnd };
}

/**
 * Only the symbols of an ELF32 RISC-V file (any type: a vmlinux, a firmware ELF, an object), for
 * naming addresses of code that was loaded from elsewhere (a raw Image).
 */
export function parseElfSymbols(bytes: Uint8Array, file: string): GuestSymbol[] {
  const fail = (problem: string): never => { throw badInput(file, problem); };
  return readSymbols(bytes, checkHeader(bytes, fail), fail);
}

/** Checks identification and machine: a 32-bit little-endian RISC-V ELF. */
function checkHeader(bytes: Uint8Array, fail: (p: string) => never): DataView {
  if (!isElf(bytes)) fail('not an ELF file (no \\x7fELF magic)');
  if (bytes.length < 16) fail(`truncated ELF header (${bytes.length} bytes)`);
  if (bytes[4] === 2) fail('is a 64-bit ELF; Translucent emulates RV32 (build with -march=rv32imac -mabi=ilp32)');
  if (bytes[4] !== 1) fail(`bad ELF class ${bytes[4]} (expected 1, 32-bit)`);
  if (bytes[5] === 2) fail('is a big-endian ELF; RISC-V is little-endian');
  if (bytes[5] !== 1) fail(`bad ELF data encoding ${bytes[5]} (expected 1, little-endian)`);
  if (bytes.length < EHDR_SIZE) fail(`truncated ELF header (${bytes.length} of ${EHDR_SIZE} bytes)`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const machine = v.getUint16(18, true);
  if (machine !== EM_RISCV) fail(`is for ${MACHINES[machine] ?? `machine ${machine}`}, not RISC-V (e_machine ${EM_RISCV})`);
  return v;
}

/** The .symtab symbols that name addresses (no sections, files, undefined or absolute symbols). */
function readSymbols(bytes: Uint8Array, v: DataView, fail: (p: string) => never): GuestSymbol[] {
  const u16 = (o: number) => v.getUint16(o, true);
  const u32 = (o: number) => v.getUint32(o, true);
  const shoff = u32(32);
  const shnum = u16(48);
  if (shoff === 0 || shnum === 0) return [];
  const shentsize = u16(46);
  if (shentsize !== SHDR_SIZE) fail(`bad section header size ${shentsize} (expected ${SHDR_SIZE})`);
  if (shoff + shnum * SHDR_SIZE > bytes.length) {
    fail(`truncated: section headers end at ${hex(shoff + shnum * SHDR_SIZE)} but the file has ${bytes.length} bytes`);
  }
  const section = (i: number) => {
    const o = shoff + i * SHDR_SIZE;
    return { type: u32(o + 4), offset: u32(o + 16), size: u32(o + 20), link: u32(o + 24) };
  };
  const out: GuestSymbol[] = [];
  for (let i = 0; i < shnum; i++) {
    const sym = section(i);
    if (sym.type !== SHT_SYMTAB) continue;
    if (sym.offset + sym.size > bytes.length) fail(`truncated: the symbol table ends past the end of the file`);
    if (sym.link >= shnum) fail(`malformed symbol table: string table index ${sym.link} out of range`);
    const str = section(sym.link);
    if (str.offset + str.size > bytes.length) fail(`truncated: the string table ends past the end of the file`);
    const decoder = new TextDecoder();
    const name = (off: number): string => {
      if (off >= str.size) fail(`malformed symbol table: name offset ${hex(off)} outside the string table`);
      let end = str.offset + off;
      const limit = str.offset + str.size;
      while (end < limit && bytes[end] !== 0) end++;
      return decoder.decode(bytes.subarray(str.offset + off, end));
    };
    for (let o = sym.offset; o + SYM_SIZE <= sym.offset + sym.size; o += SYM_SIZE) {
      const info = bytes[o + 12];
      const kind = SYMBOL_KINDS[info & 0xf];
      const shndx = u16(o + 14);
      if (kind === undefined || shndx === SHN_UNDEF || shndx === SHN_ABS) continue;
      const n = name(u32(o));
      // Mapping symbols ($x, $d) and assembler-local labels say nothing to a reader.
      if (n === '' || n.startsWith('$') || n.startsWith('.L')) continue;
      out.push({ name: n, addr: u32(o + 4), size: u32(o + 8), kind, global: info >>> 4 !== 0 });
    }
  }
  return out;
}
