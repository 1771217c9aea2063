/**
 * The physical address space as the hart sees it: RAM (fast, typed-array backed) and devices
 * (memory-mapped registers). Implemented by machine/bus.ts; used by the MMU/memory access code in cpu/.
 */

/** A memory-mapped device. Offsets are relative to `base`; sizes are 1, 2 or 4 bytes. */
export interface Device {
  readonly name: string;
  readonly base: number;
  readonly size: number;
  read(offset: number, size: 1 | 2 | 4): number;
  write(offset: number, size: 1 | 2 | 4, value: number): void;
  /** Registers with raw values and decoded meaning, for the Devices panel and `info` commands. */
  describe(): DeviceState;
  /** Back to the power-on state (system reset). */
  reset(): void;
}

export interface DeviceRegister {
  readonly name: string;
  /** Offset from the device base. */
  readonly offset: number;
  readonly value: number;
  /** Human-readable decoding, e.g. "THRE TEMT" for an LSR value. */
  readonly decoded?: string;
}
export interface DeviceState {
  readonly name: string;
  readonly base: number;
  readonly size: number;
  readonly registers: readonly DeviceRegister[];
  /** Free-form extra facts (FIFO levels, pending IRQ lists, ...). */
  readonly details?: Readonly<Record<string, string | number | readonly (string | number)[]>>;
}

export interface Bus {
  readonly ramBase: number;
  readonly ramSize: number;
  /** RAM, and aligned views of the same bytes (little-endian host assumed, as on every Node target). */
  readonly ram: Uint8Array;
  readonly ram16: Uint16Array;
  readonly ram32: Int32Array;
  readonly ramView: DataView;

  /**
   * Physical read/write of RAM, ROM or a device. Returns/stores the value zero-extended to `size`.
   * An address that nothing answers sets `fault` to true (the caller raises the access fault) and
   * returns 0; a successful access leaves `fault` as it was, so callers clear it first.
   */
  read(pa: number, size: 1 | 2 | 4): number;
  write(pa: number, size: 1 | 2 | 4, value: number): void;
  fault: boolean;

  /** True when instructions may be fetched from [pa, pa+2): RAM or ROM. */
  isExecutable(pa: number): boolean;

  /**
   * Called after every store that lands in a RAM page marked in `codePages` (one byte per 4 KiB page
   * of RAM, nonzero when translated code was made from it). Set by the translation cache.
   */
  readonly codePages: Uint8Array;
  onCodeWrite: (pa: number) => void;

  readonly devices: readonly Device[];
}
