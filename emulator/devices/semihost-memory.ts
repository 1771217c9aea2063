/**
 * Guest memory as a semihosting call sees it: parameter blocks and buffers at guest addresses.
 * With no address translation in force (M-mode, or satp off) addresses are physical and go straight
 * to the bus; otherwise they go through the hart's MMU. A bad address makes the call fail (EFAULT,
 * as QEMU does) rather than raise a guest exception, so every access reports success.
 */
import type { HartControl } from '../cpu/hart-api';
import type { Bus } from '../machine/bus-api';
import { TRAP_SIGNAL } from '../cpu/trap-signal';

const CSR_SATP = 0x180;
const SATP_MODE = 0x80000000;

export class GuestMemory {
  constructor(private readonly hart: HartControl, private readonly bus: Bus) {}

  /** `len` bytes at `addr`, or null if any of them cannot be read. */
  read(addr: number, len: number): Uint8Array | null {
    const out = new Uint8Array(len);
    for (let i = 0; i < len; i++) {
      const b = this.byte(addr + i);
      if (b < 0) return null;
      out[i] = b;
    }
    return out;
  }

  write(addr: number, data: Uint8Array): boolean {
    for (let i = 0; i < data.length; i++) if (!this.storeByte(addr + i, data[i])) return false;
    return true;
  }

  word(addr: number): number | null {
    const b = this.read(addr, 4);
    return b === null ? null : (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
  }

  setWord(addr: number, v: number): boolean {
    return this.write(addr, Uint8Array.of(v, v >>> 8, v >>> 16, v >>> 24));
  }

  /** A NUL-terminated string (bytes as Latin-1), or null when unreadable or longer than `max`. */
  cString(addr: number, max = 4096): string | null {
    let s = '';
    for (let i = 0; i < max; i++) {
      const b = this.byte(addr + i);
      if (b < 0) return null;
      if (b === 0) return s;
      s += String.fromCharCode(b);
    }
    return null;
  }

  private physical(): boolean {
    if (this.hart.priv === 3) return true;
    return ((this.hart.peekCsr(CSR_SATP) ?? 0) & SATP_MODE) === 0;
  }

  /** The byte, or -1 when the access would fault. */
  private byte(addr: number): number {
    addr >>>= 0;
    if (this.physical()) {
      this.bus.fault = false;
      const v = this.bus.read(addr, 1);
      return this.bus.fault ? -1 : v;
    }
    try {
      return this.hart.mem.lbu(addr) & 0xff;
    } catch (e) {
      if (e === TRAP_SIGNAL) return -1;
      throw e;
    }
  }

  private storeByte(addr: number, v: number): boolean {
    addr >>>= 0;
    if (this.physical()) {
      this.bus.fault = false;
      this.bus.write(addr, 1, v & 0xff);
      return !this.bus.fault;
    }
    try {
      this.hart.mem.sb(addr, v);
      return true;
    } catch (e) {
      if (e === TRAP_SIGNAL) return false;
      throw e;
    }
  }
}
