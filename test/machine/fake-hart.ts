/**
 * A stand-in hart for board and device tests: records interrupt lines, holds registers and CSRs the
 * semihosting code reads, and does physical memory access through the bus (no MMU).
 */
import type { HartControl, MemAccess, Irq } from '../../emulator/cpu/hart-api';
import type { Bus } from '../../emulator/machine/bus-api';
import { TRAP_SIGNAL } from '../../emulator/cpu/trap-signal';

export class FakeHart implements HartControl {
  readonly x = new Int32Array(33);
  readonly hartId = 0;
  priv = 3;
  icount = 0;
  waiting = false;
  attention = false;
  stopRequested = false;
  onSemihosting: ((h: HartControl) => void) | null = null;
  pendingCause = 0;
  pendingTval = 0;
  mmuEpoch = 0;
  timeSource: () => number = () => 0;
  /** mip as the devices drive it. */
  mip = 0;
  satp = 0;
  resets: number[] = [];
  readonly mem: MemAccess;

  constructor(private readonly bus: Bus | null = null) {
    const load = (va: number, size: 1 | 2 | 4) => {
      const b = this.bus!;
      b.fault = false;
      const v = b.read(va, size);
      if (b.fault) this.raise(5, va);
      return v;
    };
    const store = (va: number, size: 1 | 2 | 4, v: number) => {
      const b = this.bus!;
      b.fault = false;
      b.write(va, size, v);
      if (b.fault) this.raise(7, va);
    };
    this.mem = {
      lb: (va) => (load(va, 1) << 24) >> 24,
      lbu: (va) => load(va, 1),
      lh: (va) => (load(va, 2) << 16) >> 16,
      lhu: (va) => load(va, 2),
      lw: (va) => load(va, 4) | 0,
      sb: (va, v) => store(va, 1, v & 0xff),
      sh: (va, v) => store(va, 2, v & 0xffff),
      sw: (va, v) => store(va, 4, v),
    };
  }

  get pc(): number { return this.x[32]; }
  set pc(v: number) { this.x[32] = v; }
  get semihostingEnabled(): boolean { return this.onSemihosting !== null; }

  pending(irq: Irq): boolean {
    return ((this.mip >>> irq) & 1) === 1;
  }

  setPending(irq: Irq, level: boolean): void {
    const was = this.mip;
    if (level) this.mip |= 1 << irq;
    else this.mip &= ~(1 << irq);
    if (this.mip !== was) {
      this.waiting = false;
      this.attention = true;
    }
  }

  raise(cause: number, tval: number): never {
    this.pendingCause = cause;
    this.pendingTval = tval;
    throw TRAP_SIGNAL;
  }

  reset(resetPc: number): void {
    this.x.fill(0);
    this.pc = resetPc;
    this.icount = 0;
    this.mip = 0;
    this.stopRequested = false;
    this.resets.push(resetPc);
  }

  semihosting(): void { this.onSemihosting?.(this); }
  peekCsr(csr: number): number | undefined { return csr === 0x180 ? this.satp : csr === 0x344 ? this.mip : undefined; }
  pokeCsr(): boolean { return false; }

  csrRead(): number { return 0; }
  csrWrite(): void {}
  mret(): void {}
  sret(): void {}
  wfi(): void { this.waiting = true; }
  sfenceVma(): void {}
  fenceI(): void {}
  lr(va: number): number { return this.mem.lw(va); }
  sc(va: number, v: number): number { this.mem.sw(va, v); return 0; }
  amo(): number { return 0; }
  enterTrap(): void {}
  takeInterrupt(): boolean { return false; }
  wakeupPending(): boolean { return false; }
  translateFetch(va: number): number { return va; }
  fetchFlags(): number { return 0; }
}
