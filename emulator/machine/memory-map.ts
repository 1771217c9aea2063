/**
 * The `virt` board's physical memory map and interrupt wiring, as QEMU 7.2 lays it out for one hart.
 * Each size is the span QEMU maps (`info mtree`), which is what decides where an access faults: the
 * device tree may advertise more (the UART's `reg` says 0x100, but only 8 bytes answer).
 */
export const VIRT = {
  mrom: { base: 0x1000, size: 0xf000 },
  test: { base: 0x100000, size: 0x1000 },
  // The ACLINT's two halves: MSWI at +0 (0x4000 bytes), MTIMER at +0x4000 (0x8000 bytes); the rest of
  // the 0x10000 window the device tree advertises is unmapped.
  clint: { base: 0x2000000, size: 0xc000, dtSize: 0x10000 },
  plic: { base: 0xc000000, size: 0x600000 },
  uart0: { base: 0x10000000, size: 0x8, dtSize: 0x100 },
  dram: { base: 0x80000000 },
} as const;

/** PLIC source numbers. */
export const VIRT_IRQ = { uart0: 10 } as const;

export const DEFAULT_RAM_SIZE = 128 * 1024 * 1024;

/** The ACLINT timebase (Hz): also the device tree's `timebase-frequency`. */
export const TIMEBASE_HZ = 10_000_000;

/** Nominal instructions per second: time advances one instruction-time (1 ns) per retired instruction. */
export const NOMINAL_HZ = 1_000_000_000;

/** The UART's input clock as the device tree states it (3.6864 MHz). */
export const UART_CLOCK_HZ = 3_686_400;
