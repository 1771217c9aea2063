/**
 * Where QEMU 7.2's boot code puts things in RAM, and what SYS_HEAPINFO derives from that.
 */

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/**
 * The size QEMU places a device tree by (it packs the blob only afterwards): its own tree is built in
 * a 1 MiB buffer; a `-dtb` file is opened into a buffer of 2 * (file size + 10000) bytes.
 */
export function fdtPlacementSize(userDtb: Uint8Array | undefined): number {
  return userDtb === undefined ? MiB : 2 * (userDtb.length + 10000);
}

/**
 * The device tree's address: as high as possible but below 3 GiB, 2 MiB aligned
 * (riscv_load_fdt). Checked on qemu-system-riscv32 with -m 64M/128M/128.5M/256M/1G: a1 at entry.
 */
export function fdtAddress(ramBase: number, ramSize: number, placementSize: number): number {
  const ramEnd = ramBase + ramSize;
  const top = ramBase < 3 * GiB ? Math.min(ramEnd, 3 * GiB) : ramEnd;
  return Math.floor((top - placementSize) / (2 * MiB)) * (2 * MiB);
}

export interface Blob {
  readonly addr: number;
  readonly size: number;
}

/**
 * SYS_HEAPINFO as QEMU 7.2 answers it: the largest gap in RAM between loaded blobs (image segments,
 * device tree) is the heap, growing up, and the stack, growing down from its top.
 * Returns heap base, heap limit, stack base, stack limit.
 */
export function heapInfo(ramBase: number, ramSize: number, blobs: readonly Blob[]): [number, number, number, number] {
  const sorted = [...blobs].filter((b) => b.size > 0).sort((a, b) => a.addr - b.addr);
  let bestStart = ramBase;
  let bestSize = -1;
  let cursor = ramBase;
  const consider = (end: number) => {
    if (end - cursor > bestSize) {
      bestStart = cursor;
      bestSize = end - cursor;
    }
  };
  for (const b of sorted) {
    consider(Math.max(cursor, b.addr));
    cursor = Math.max(cursor, b.addr + b.size);
  }
  consider(Math.max(cursor, ramBase + ramSize));
  const limit = bestStart + bestSize;
  return [bestStart, limit, limit, bestStart];
}
