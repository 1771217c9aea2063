/**
 * The physical address space: one RAM block, read-only ROM regions and memory-mapped devices.
 *
 * Devices are few (half a dozen), so lookup is a scan of a short array sorted by base with the last
 * hit remembered. Devices may also overlay RAM (HTIF's tohost/fromhost words live inside a loaded ELF):
 * `ioPages` marks those RAM pages so fast paths that index RAM directly know to come here instead.
 */
import type { Bus, Device } from './bus-api';

const PAGE_SHIFT = 12;

/** A device that rejects some access sizes with an access fault, as QEMU's `valid.min_access_size`. */
export interface SizedDevice extends Device {
  /** Smallest access size the device answers; smaller ones fault (default 1). */
  readonly minAccess?: 1 | 2 | 4;
}

export interface RomRegion {
  readonly name: string;
  readonly base: number;
  readonly bytes: Uint8Array;
}

export interface BusOptions {
  readonly ramBase: number;
  readonly ramSize: number;
}

export class SystemBus implements Bus {
  readonly ramBase: number;
  readonly ramSize: number;
  readonly ram: Uint8Array;
  readonly ram16: Uint16Array;
  readonly ram32: Int32Array;
  readonly ramView: DataView;
  readonly codePages: Uint8Array;
  /** One byte per 4 KiB RAM page: nonzero when a device overlays part of that page. */
  readonly ioPages: Uint8Array;
  fault = false;
  onCodeWrite: (pa: number) => void = () => {};

  private readonly roms: RomRegion[] = [];
  private sorted: SizedDevice[] = [];
  private overlays: SizedDevice[] = [];
  private last: SizedDevice | null = null;

  constructor(opts: BusOptions) {
    if (opts.ramSize <= 0 || opts.ramSize % 4096 !== 0) {
      throw new Error(`RAM size ${opts.ramSize} is not a positive multiple of 4 KiB`);
    }
    if (opts.ramBase + opts.ramSize > 0x1_0000_0000) {
      throw new Error(`RAM of ${opts.ramSize / 1048576} MiB at 0x${opts.ramBase.toString(16)} does not fit below 4 GiB`);
    }
    this.ramBase = opts.ramBase;
    this.ramSize = opts.ramSize;
    const buf = new ArrayBuffer(opts.ramSize);
    this.ram = new Uint8Array(buf);
    this.ram16 = new Uint16Array(buf);
    this.ram32 = new Int32Array(buf);
    this.ramView = new DataView(buf);
    this.codePages = new Uint8Array(opts.ramSize >>> PAGE_SHIFT);
    this.ioPages = new Uint8Array(opts.ramSize >>> PAGE_SHIFT);
  }

  get devices(): readonly Device[] {
    return [...this.sorted, ...this.overlays];
  }

  addRom(rom: RomRegion): void {
    this.roms.push(rom);
  }

  /** Maps a device; one inside RAM becomes an overlay that takes precedence over RAM there. */
  addDevice(dev: SizedDevice): void {
    if (this.inRam(dev.base, dev.size)) {
      this.overlays.push(dev);
      const first = (dev.base - this.ramBase) >>> PAGE_SHIFT;
      const last = (dev.base + dev.size - 1 - this.ramBase) >>> PAGE_SHIFT;
      for (let p = first; p <= last; p++) this.ioPages[p] = 1;
      return;
    }
    this.sorted.push(dev);
    this.sorted.sort((a, b) => a.base - b.base);
  }

  removeDevice(dev: Device): void {
    this.sorted = this.sorted.filter((d) => d !== dev);
    this.overlays = this.overlays.filter((d) => d !== dev);
    this.ioPages.fill(0);
    for (const o of this.overlays) {
      const first = (o.base - this.ramBase) >>> PAGE_SHIFT;
      const last = (o.base + o.size - 1 - this.ramBase) >>> PAGE_SHIFT;
      for (let p = first; p <= last; p++) this.ioPages[p] = 1;
    }
    if (this.last === dev) this.last = null;
  }

  read(pa: number, size: 1 | 2 | 4): number {
    pa >>>= 0;
    const off = pa - this.ramBase;
    if (off >= 0 && off + size <= this.ramSize && this.ioPages[off >>> PAGE_SHIFT] === 0) {
      return this.ramRead(off, size);
    }
    const dev = this.deviceAt(pa, size);
    if (dev !== null) return dev.read(pa - dev.base, size) >>> 0;
    if (off >= 0 && off + size <= this.ramSize) return this.ramRead(off, size);
    const rom = this.romAt(pa, size);
    if (rom !== null) return romRead(rom.bytes, pa - rom.base, size);
    this.fault = true;
    return 0;
  }

  write(pa: number, size: 1 | 2 | 4, value: number): void {
    pa >>>= 0;
    const off = pa - this.ramBase;
    if (off >= 0 && off + size <= this.ramSize && this.ioPages[off >>> PAGE_SHIFT] === 0) {
      this.ramWrite(off, size, value);
      return;
    }
    const dev = this.deviceAt(pa, size);
    if (dev !== null) {
      dev.write(pa - dev.base, size, size === 4 ? value >>> 0 : value & ((1 << (size * 8)) - 1));
      return;
    }
    if (off >= 0 && off + size <= this.ramSize) {
      this.ramWrite(off, size, value);
      return;
    }
    // QEMU ignores stores to ROM without a fault.
    if (this.romAt(pa, size) !== null) return;
    this.fault = true;
  }

  isExecutable(pa: number): boolean {
    pa >>>= 0;
    const off = pa - this.ramBase;
    if (off >= 0 && off + 2 <= this.ramSize) return true;
    return this.romAt(pa, 2) !== null;
  }

  /**
   * Copies bytes into RAM (image loading, reset), telling the translation cache about code it covers.
   * The caller checks the range; this throws on a range outside RAM as a programming error.
   */
  loadBytes(pa: number, data: Uint8Array): void {
    const off = (pa >>> 0) - this.ramBase;
    if (off < 0 || off + data.length > this.ramSize) {
      throw new Error(`internal: loadBytes 0x${(pa >>> 0).toString(16)}+${data.length} is outside RAM`);
    }
    this.ram.set(data, off);
    if (data.length === 0) return;
    for (let p = off >>> PAGE_SHIFT; p <= (off + data.length - 1) >>> PAGE_SHIFT; p++) {
      if (this.codePages[p] !== 0) this.onCodeWrite(this.ramBase + (p << PAGE_SHIFT));
    }
  }

  /** True when [pa, pa+len) lies inside RAM. */
  inRam(pa: number, len: number): boolean {
    const off = (pa >>> 0) - this.ramBase;
    return off >= 0 && len >= 0 && off + len <= this.ramSize;
  }

  private ramRead(off: number, size: 1 | 2 | 4): number {
    if (size === 1) return this.ram[off];
    if ((off & (size - 1)) === 0) return size === 2 ? this.ram16[off >>> 1] : this.ram32[off >>> 2] >>> 0;
    return size === 2 ? this.ramView.getUint16(off, true) : this.ramView.getUint32(off, true);
  }

  private ramWrite(off: number, size: 1 | 2 | 4, value: number): void {
    if (size === 1) this.ram[off] = value;
    else if ((off & (size - 1)) === 0) {
      if (size === 2) this.ram16[off >>> 1] = value;
      else this.ram32[off >>> 2] = value;
    } else if (size === 2) this.ramView.setUint16(off, value, true);
    else this.ramView.setInt32(off, value, true);
    const page = off >>> PAGE_SHIFT;
    if (this.codePages[page] !== 0) this.onCodeWrite(this.ramBase + off);
    // A misaligned store may spill into the next page.
    const endPage = (off + size - 1) >>> PAGE_SHIFT;
    if (endPage !== page && this.codePages[endPage] !== 0) this.onCodeWrite(this.ramBase + (endPage << PAGE_SHIFT));
  }

  /** The device answering [pa, pa+size), or null; an access a device refuses (size) counts as none. */
  private deviceAt(pa: number, size: number): SizedDevice | null {
    let dev = this.last;
    if (dev === null || pa < dev.base || pa - dev.base >= dev.size) {
      dev = find(this.overlays, pa) ?? find(this.sorted, pa);
      if (dev === null) return null;
      this.last = dev;
    }
    if (pa - dev.base + size > dev.size || size < (dev.minAccess ?? 1)) return null;
    return dev;
  }

  private romAt(pa: number, size: number): RomRegion | null {
    for (const rom of this.roms) {
      const off = pa - rom.base;
      // A ROM region answers over its whole mapped span; bytes past its data read as zero.
      if (off >= 0 && off + size <= rom.bytes.length) return rom;
    }
    return null;
  }
}

function find(list: readonly SizedDevice[], pa: number): SizedDevice | null {
  for (const d of list) if (pa >= d.base && pa - d.base < d.size) return d;
  return null;
}

function romRead(bytes: Uint8Array, off: number, size: number): number {
  let v = 0;
  for (let i = size - 1; i >= 0; i--) v = (v << 8) | bytes[off + i];
  return v >>> 0;
}
