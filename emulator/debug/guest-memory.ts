/**
 * Guest memory as the debugger sees it: physical addresses (RAM and ROM) and virtual addresses through
 * the MMU mode the hart is in now. Nothing here has an effect on the guest: device registers are never
 * read (a read may pop a FIFO or acknowledge an interrupt), page tables are walked without A/D updates,
 * and only RAM is written (translated code covering a written byte is invalidated, as for guest stores).
 */
import type { HartControl } from '../cpu/hart-api';
import type { Bus } from '../machine/bus-api';
import { SATP_MODE_SV32, walkSv32 } from './page-walk';

/** Which addresses a request means: through the MMU (as the current privilege sees them) or physical. */
export type AddressSpace = 'virtual' | 'physical';

export interface ReadResult {
  /** The bytes read from the start of the range, up to the first unreadable one. */
  readonly bytes: Uint8Array;
  /** Bytes after those that cannot be read (up to the next readable page or the end of the range). */
  readonly unreadable: number;
}

const CSR_SATP = 0x180;
const PRIV_M = 3;
const PAGE = 4096;

export class GuestMemory {
  constructor(private readonly hart: HartControl, private readonly bus: Bus) {}

  /** Whether addresses are translated now (satp Sv32 and the hart below M-mode). */
  get translated(): boolean {
    return this.hart.priv !== PRIV_M && ((this.hart.peekCsr(CSR_SATP) ?? 0) & SATP_MODE_SV32) !== 0;
  }

  /** The physical address of `addr` in `space`, or undefined when it is not mapped. */
  toPhysical(addr: number, space: AddressSpace): number | undefined {
    addr >>>= 0;
    if (space === 'physical' || !this.translated) return addr;
    const m = walkSv32(this.hart.peekCsr(CSR_SATP) ?? 0, addr, (pa) => this.physWord(pa));
    return m === undefined ? undefined : m.pa + (addr - m.va);
  }

  /** One aligned physical word of RAM or ROM. */
  physWord(pa: number): number | undefined {
    if (!this.readablePhys(pa, 4)) return undefined;
    return this.bus.read(pa, 4) >>> 0;
  }

  /** Reads up to `len` bytes, stopping at the first unreadable one. */
  read(addr: number, len: number, space: AddressSpace): ReadResult {
    const out = new Uint8Array(len);
    let n = 0;
    while (n < len) {
      const va = (addr + n) >>> 0;
      const chunk = Math.min(len - n, PAGE - (va % PAGE));
      const pa = this.toPhysical(va, space);
      if (pa === undefined || !this.readablePhys(pa, 1)) {
        return { bytes: out.subarray(0, n), unreadable: this.unreadableRun(va, len - n, space) };
      }
      if (this.isRam(pa) && this.isRam(pa + chunk - 1) && this.deviceAt(pa, chunk) === undefined) {
        const off = pa - this.bus.ramBase;
        out.set(this.bus.ram.subarray(off, off + chunk), n);
        n += chunk;
        continue;
      }
      for (let k = 0; k < chunk; k++) {
        if (!this.readablePhys(pa + k, 1)) {
          return { bytes: out.subarray(0, n + k), unreadable: this.unreadableRun(va + k, len - n - k, space) };
        }
        out[n + k] = this.bus.read(pa + k, 1);
      }
      n += chunk;
    }
    return { bytes: out, unreadable: 0 };
  }

  /** A little-endian value of `size` bytes, or undefined if any byte is unreadable. */
  readValue(addr: number, size: 1 | 2 | 4, space: AddressSpace): number | undefined {
    const r = this.read(addr, size, space);
    if (r.bytes.length < size) return undefined;
    let v = 0;
    for (let i = size - 1; i >= 0; i--) v = (v * 256) + r.bytes[i];
    return v >>> 0;
  }

  /**
   * Writes bytes to RAM; returns how many were written before the first address that is not RAM (or
   * not mapped), so callers can say where a write stopped.
   */
  write(addr: number, bytes: Uint8Array, space: AddressSpace): number {
    for (let i = 0; i < bytes.length; i++) {
      const pa = this.toPhysical(addr + i, space);
      if (pa === undefined || !this.isRam(pa)) return i;
      this.bus.write(pa, 1, bytes[i]);
    }
    return bytes.length;
  }

  writeValue(addr: number, size: 1 | 2 | 4, value: number, space: AddressSpace): boolean {
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i++) bytes[i] = (value >>> (8 * i)) & 0xff;
    return this.write(addr, bytes, space) === size;
  }

  /** RAM or ROM: memory the debugger may read without touching a device. */
  readablePhys(pa: number, size: number): boolean {
    if (pa < 0 || pa + size > 0x1_0000_0000) return false;
    if (this.isRam(pa) && this.isRam(pa + size - 1)) return true;
    if (this.deviceAt(pa, size)) return false;
    const bus = this.bus;
    const saved = bus.fault;
    bus.fault = false;
    bus.read(pa, 1);
    const ok = !bus.fault;
    bus.fault = saved;
    return ok;
  }

  /** Plain RAM: inside the RAM block and not under a device overlay (HTIF's mailbox). */
  isRam(pa: number): boolean {
    const off = pa - this.bus.ramBase;
    return off >= 0 && off < this.bus.ramSize && this.deviceAt(pa, 1) === undefined;
  }

  /** The device whose registers cover [pa, pa + size), if any. */
  deviceAt(pa: number, size: number): string | undefined {
    for (const d of this.bus.devices) if (pa < d.base + d.size && d.base < pa + size) return d.name;
    return undefined;
  }

  /** How many bytes from `addr` (at most `max`) are unreadable before readable memory resumes. */
  private unreadableRun(addr: number, max: number, space: AddressSpace): number {
    let n = 0;
    while (n < max) {
      const va = (addr + n) >>> 0;
      const pa = this.toPhysical(va, space);
      if (pa !== undefined && this.readablePhys(pa, 1)) break;
      n += pa === undefined ? PAGE - (va % PAGE) : this.unreadableSpan(pa);
    }
    return Math.min(n, max);
  }

  /**
   * Bytes from physical `pa` (unreadable) to where readability may change: a device's end, else the
   * next page or device start (RAM and ROM are page-aligned).
   */
  private unreadableSpan(pa: number): number {
    let end = pa - (pa % PAGE) + PAGE;
    for (const d of this.bus.devices) {
      if (pa >= d.base && pa < d.base + d.size) return d.base + d.size - pa;
      if (d.base > pa && d.base < end) end = d.base;
    }
    return end - pa;
  }
}
