/**
 * Turning a guest file into what the board loads: segments (address + bytes, BSS zero-filled), the
 * entry point, symbols, and HTIF's tohost/fromhost when the ELF has them.
 *
 * Formats: ELF32 executables (at their physical addresses); RISC-V Linux Images and anything else
 * as a raw binary at `loadAddress`, as QEMU's `-kernel` places both (machine/boot-plan.ts picks the
 * address: the start of RAM with `-bios none`, above the firmware otherwise).
 */
import * as fs from 'fs';
import { badInput, hex } from './errors';
import { isElf, parseElf, type ElfFile } from './elf';
import { linuxImageHeader, type LinuxImageHeader } from './image';
import { SymbolTable } from './symbols';

export interface LoadedSegment {
  readonly addr: number;
  readonly data: Uint8Array;
}

export type ImageFormat = 'elf' | 'linux' | 'raw';

export interface LoadedImage {
  readonly path: string;
  readonly format: ImageFormat;
  readonly entry: number;
  readonly segments: readonly LoadedSegment[];
  readonly symbols: SymbolTable;
  readonly tohost?: number;
  readonly fromhost?: number;
  /** The header of a Linux Image (format 'linux'). */
  readonly linux?: LinuxImageHeader;
}

export interface LoadOptions {
  /** Where RAM is, to check that every segment lands in it (defaults: virt's 128 MiB at 0x80000000). */
  readonly ramBase?: number;
  readonly ramSize?: number;
  /** 'auto' (default) recognises ELF and Linux Images; 'raw' forces a raw binary. */
  readonly format?: 'auto' | 'raw';
  /** Load (and entry) address of a raw binary or Linux Image; default the start of RAM. */
  readonly loadAddress?: number;
}

const DEFAULT_RAM_BASE = 0x80000000;
const DEFAULT_RAM_SIZE = 128 * 1024 * 1024;

export function loadGuest(path: string, opts: LoadOptions = {}): LoadedImage {
  return loadGuestBytes(readGuestFile(path), path, opts);
}

/** A file's bytes; a missing or unreadable file is a one-line error naming it. */
export function readGuestFile(path: string): Uint8Array {
  try {
    return fs.readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw badInput(path, err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : `cannot read (${err.code ?? err.message})`);
  }
}

export function loadGuestBytes(bytes: Uint8Array, path: string, opts: LoadOptions = {}): LoadedImage {
  const ram = { base: opts.ramBase ?? DEFAULT_RAM_BASE, size: opts.ramSize ?? DEFAULT_RAM_SIZE };
  if (opts.format !== 'raw' && isElf(bytes)) return fromElf(parseElf(bytes, path), bytes, path, ram);
  if (bytes.length === 0) throw badInput(path, 'is empty');
  const linux = opts.format !== 'raw' ? linuxImageHeader(bytes) : null;
  const addr = (opts.loadAddress ?? ram.base) >>> 0;
  const span = Math.max(bytes.length, linux?.imageSize ?? 0);
  checkInRam(path, addr, span, ram, linux !== null ? 'Linux image' : 'raw image');
  return {
    path, format: linux !== null ? 'linux' : 'raw', entry: addr,
    segments: [{ addr, data: bytes }], symbols: SymbolTable.EMPTY,
    ...(linux !== null ? { linux } : {}),
  };
}

interface Ram { readonly base: number; readonly size: number }

function fromElf(elf: ElfFile, bytes: Uint8Array, path: string, ram: Ram): LoadedImage {
  const segments: LoadedSegment[] = [];
  for (const seg of elf.segments) {
    let addr = seg.paddr;
    let offset = seg.offset;
    let filesz = seg.filesz;
    let memsz = seg.memsz;
    // `ld -Ttext` puts the ELF and program headers in the first segment, just below the code. Those
    // bytes are metadata: QEMU drops what falls outside RAM, and so do we when it is only headers.
    const below = ram.base - addr;
    if (below > 0 && below < memsz && offset === 0 && below <= filesz) {
      const headersOnly = bytes.subarray(elf.headersEnd, below).every((b) => b === 0);
      if (headersOnly) {
        addr += below;
        offset += below;
        filesz -= below;
        memsz -= below;
      }
    }
    checkInRam(path, addr, memsz, ram, 'segment');
    const data = new Uint8Array(memsz);
    data.set(bytes.subarray(offset, offset + filesz));
    segments.push({ addr, data });
  }
  const symbols = new SymbolTable(elf.symbols);
  const tohost = symbols.get('tohost');
  const fromhost = symbols.get('fromhost');
  return {
    path, format: 'elf', entry: elf.entry, segments, symbols,
    ...(tohost !== undefined ? { tohost: tohost.addr } : {}),
    ...(tohost !== undefined && fromhost !== undefined ? { fromhost: fromhost.addr } : {}),
  };
}

function checkInRam(path: string, addr: number, len: number, ram: Ram, what: string): void {
  const end = addr + len;
  if (addr >= ram.base && end <= ram.base + ram.size) return;
  const mib = ram.size / (1024 * 1024);
  throw badInput(path, `${what} at ${hex(addr)}..${hex(end)} lies outside RAM (${hex(ram.base)}..${hex(ram.base + ram.size)}, ${mib} MiB)`);
}
