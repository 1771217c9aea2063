/**
 * The debugger's Sv32 page-table walk: what a virtual address maps to, read without side effects (no
 * A/D updates, no permission checks, no faults), and the whole mapping as ranges for `info mem`.
 * The hart's own walker (cpu/mmu.ts) updates PTEs as hardware does; a debugger must not.
 */

/** A PTE reader over physical memory; undefined where nothing readable is. */
export type ReadPhys32 = (pa: number) => number | undefined;

export const SATP_MODE_SV32 = 0x8000_0000;
const PAGE = 4096;
const TWO32 = 0x1_0000_0000;

export const enum PteBit { V = 1, R = 2, W = 4, X = 8, U = 16, G = 32, A = 64, D = 128 }

export interface Mapping {
  readonly va: number;
  readonly pa: number;
  readonly size: number;
  readonly pte: number;
}

/** `rwxugad` with dashes, as QEMU's `info mem` prints permissions. */
export function pteFlags(pte: number): string {
  return 'rwxugad'.split('').map((c, i) => ((pte >>> (i + 1)) & 1 ? c : '-')).join('');
}

function leaf(pte: number): boolean {
  return (pte & (PteBit.R | PteBit.X)) !== 0;
}

function valid(pte: number): boolean {
  return (pte & PteBit.V) !== 0 && (pte & (PteBit.R | PteBit.W)) !== PteBit.W;
}

/** The mapping covering `va` under `satp` (MODE = Sv32), or undefined when the walk would fault. */
export function walkSv32(satp: number, va: number, read: ReadPhys32): Mapping | undefined {
  const root = (satp & 0x3f_ffff) * PAGE;
  const pte1 = read(root + (va >>> 22) * 4);
  if (pte1 === undefined || !valid(pte1)) return undefined;
  if (leaf(pte1)) {
    if (((pte1 >>> 10) & 0x3ff) !== 0) return undefined;
    const base = ((pte1 >>> 20) & 0xfff) * 0x40_0000;
    const mva = (va & ~0x3f_ffff) >>> 0;
    return base >= TWO32 ? undefined : { va: mva, pa: base, size: 0x40_0000, pte: pte1 };
  }
  const pte0 = read((pte1 >>> 10) * PAGE + ((va >>> 12) & 0x3ff) * 4);
  if (pte0 === undefined || !valid(pte0) || !leaf(pte0)) return undefined;
  const pa = (pte0 >>> 10) * PAGE;
  return pa >= TWO32 ? undefined : { va: (va & ~0xfff) >>> 0, pa, size: PAGE, pte: pte0 };
}

/**
 * Every valid leaf mapping, with neighbours that continue each other (contiguous virtual and physical
 * addresses, same permissions) merged into one range.
 */
export function listMappings(satp: number, read: ReadPhys32): Mapping[] {
  const root = (satp & 0x3f_ffff) * PAGE;
  const out: Mapping[] = [];
  const add = (m: Mapping) => {
    const last = out[out.length - 1];
    if (last !== undefined && last.va + last.size === m.va && last.pa + last.size === m.pa && last.pte % 256 === m.pte % 256) {
      out[out.length - 1] = { ...last, size: last.size + m.size };
    } else {
      out.push(m);
    }
  };
  for (let i = 0; i < 1024; i++) {
    const pte1 = read(root + i * 4);
    if (pte1 === undefined || !valid(pte1)) continue;
    if (leaf(pte1)) {
      if (((pte1 >>> 10) & 0x3ff) === 0) add({ va: i * 0x40_0000, pa: ((pte1 >>> 20) & 0xfff) * 0x40_0000, size: 0x40_0000, pte: pte1 });
      continue;
    }
    const table = (pte1 >>> 10) * PAGE;
    for (let j = 0; j < 1024; j++) {
      const pte0 = read(table + j * 4);
      if (pte0 === undefined || !valid(pte0) || !leaf(pte0)) continue;
      add({ va: i * 0x40_0000 + j * PAGE, pa: (pte0 >>> 10) * PAGE, size: PAGE, pte: pte0 });
    }
  }
  return out;
}
