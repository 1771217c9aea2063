/**
 * A small physical address space for hart tests: RAM at 0x8000_0000, a ROM page at 0x1000, and one
 * word-register device at 0x1000_0000 that logs accesses. Anything else faults. Code-page
 * notifications are recorded (and can be made to throw SMC_SIGNAL).
 */
import type { Bus, Device, DeviceState } from '../../emulator/machine/bus-api';
import { Hart } from '../../emulator/cpu/hart';
import { TRAP_SIGNAL } from '../../emulator/cpu/trap-signal';

export const RAM_BASE = 0x8000_0000;
export const RAM_SIZE = 0x40_0000 * 2;
export const ROM_BASE = 0x1000;
export const DEV_BASE = 0x1000_0000;

export class LogDevice implements Device {
  readonly name = 'log';
  readonly base = DEV_BASE;
  readonly size = 16;
  readonly regs = new Uint32Array(4);
  readonly log: string[] = [];
  read(offset: number, size: 1 | 2 | 4): number {
    this.log.push(`r${size}@${offset}`);
    const word = this.regs[offset >>> 2];
    return (word >>> (8 * (offset & 3))) & (size === 4 ? 0xffffffff : (1 << (8 * size)) - 1);
  }
  write(offset: number, size: 1 | 2 | 4, value: number): void {
    this.log.push(`w${size}@${offset}=${value >>> 0}`);
    if (size === 4) this.regs[offset >>> 2] = value;
    else {
      const shift = 8 * (offset & 3);
      const mask = ((1 << (8 * size)) - 1) << shift;
      this.regs[offset >>> 2] = (this.regs[offset >>> 2] & ~mask) | ((value << shift) & mask);
    }
  }
  describe(): DeviceState {
    return { name: this.name, base: this.base, size: this.size, registers: [] };
  }
  reset(): void {
    this.regs.fill(0);
  }
}

export class FakeBus implements Bus {
  readonly ramBase = RAM_BASE;
  readonly ramSize = RAM_SIZE;
  readonly ram = new Uint8Array(RAM_SIZE);
  readonly ram16 = new Uint16Array(this.ram.buffer);
  readonly ram32 = new Int32Array(this.ram.buffer);
  readonly ramView = new DataView(this.ram.buffer);
  readonly rom = new Uint8Array(4096);
  readonly codePages = new Uint8Array(RAM_SIZE >>> 12);
  readonly dev = new LogDevice();
  readonly devices: readonly Device[] = [this.dev];
  readonly codeWrites: number[] = [];
  fault = false;
  onCodeWrite: (pa: number) => void = (pa) => { this.codeWrites.push(pa >>> 0); };

  read(pa: number, size: 1 | 2 | 4): number {
    pa >>>= 0;
    const off = pa - RAM_BASE;
    if (off >= 0 && off + size <= RAM_SIZE) {
      return size === 1 ? this.ram[off] : size === 2 ? this.ramView.getUint16(off, true) : this.ramView.getUint32(off, true);
    }
    if (pa >= ROM_BASE && pa + size <= ROM_BASE + 4096) {
      let v = 0;
      for (let k = 0; k < size; k++) v |= this.rom[pa - ROM_BASE + k] << (8 * k);
      return v >>> 0;
    }
    if (pa >= DEV_BASE && pa + size <= DEV_BASE + this.dev.size) return this.dev.read(pa - DEV_BASE, size);
    this.fault = true;
    return 0;
  }

  write(pa: number, size: 1 | 2 | 4, value: number): void {
    pa >>>= 0;
    const off = pa - RAM_BASE;
    if (off >= 0 && off + size <= RAM_SIZE) {
      if (size === 1) this.ram[off] = value;
      else if (size === 2) this.ramView.setUint16(off, value, true);
      else this.ramView.setInt32(off, value, true);
      return;
    }
    if (pa >= ROM_BASE && pa + size <= ROM_BASE + 4096) return;
    if (pa >= DEV_BASE && pa + size <= DEV_BASE + this.dev.size) return this.dev.write(pa - DEV_BASE, size, value);
    this.fault = true;
  }

  isExecutable(pa: number): boolean {
    pa >>>= 0;
    return (pa >= RAM_BASE && pa - RAM_BASE + 2 <= RAM_SIZE) || (pa >= ROM_BASE && pa + 2 <= ROM_BASE + 4096);
  }

  word(pa: number): number {
    return this.ramView.getUint32(pa - RAM_BASE, true);
  }

  setWord(pa: number, v: number): void {
    this.ramView.setUint32(pa - RAM_BASE, v >>> 0, true);
  }
}

export function newHart(): { hart: Hart; bus: FakeBus } {
  const bus = new FakeBus();
  const hart = new Hart({ bus, hartId: 0 });
  hart.reset(RAM_BASE);
  return { hart, bus };
}

export interface Trapped {
  readonly cause: number;
  readonly tval: number;
}

/** Runs `fn`, which must raise; returns what it recorded (tval unsigned). */
export function trapOf(hart: Hart, fn: () => unknown): Trapped {
  try {
    fn();
  } catch (e) {
    if (e !== TRAP_SIGNAL) throw e;
    return { cause: hart.pendingCause, tval: hart.pendingTval >>> 0 };
  }
  throw new Error('expected a trap');
}

/** Lets S/U-mode code reach everything: one NAPOT entry over the whole space with RWX (what OpenSBI sets up). */
export function openPmp(hart: Hart): void {
  hart.pokeCsr(0x3b0, 0xffffffff);
  hart.pokeCsr(0x3a0, 0x1f);
}

/** Switches privilege through mret (as M-mode software would), keeping pc. */
export function enterMode(hart: Hart, priv: 0 | 1 | 3): void {
  const pc = hart.pc;
  const s = hart.peekCsr(0x300)!;
  hart.pokeCsr(0x300, (s & ~0x1800) | (priv << 11));
  hart.pokeCsr(0x341, pc);
  hart.priv = 3;
  hart.mret(0x30200073);
}
