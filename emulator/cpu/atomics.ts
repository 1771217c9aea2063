/**
 * lr.w / sc.w / AMOs, with QEMU 7.2's reservation semantics (all checked on qemu-system-riscv32):
 * lr records the virtual address and the value it read; sc succeeds only at that address and only if
 * memory still holds that value (a compare-and-swap, so a store of the same value does not break the
 * reservation, and one of another value does). Any sc, trap entry and xRET drop the reservation. An sc
 * with no matching reservation fails without touching memory: no alignment check, no fault.
 */
import { AmoOp } from './hart-api';
import type { Hart } from './hart';
import type { MemUnit } from './mem-access';
import { Access, Cause } from './causes';
import { PmpPerm } from './pmp';
import { SMC_SIGNAL } from './trap-signal';

/** new value = f(old, operand), indexed by AmoOp. */
const AMO_FN: readonly ((a: number, b: number) => number)[] = [
  (_a, b) => b,
  (a, b) => (a + b) | 0,
  (a, b) => a ^ b,
  (a, b) => a & b,
  (a, b) => a | b,
  (a, b) => (a < b ? a : b),
  (a, b) => (a > b ? a : b),
  (a, b) => ((a >>> 0) < (b >>> 0) ? a : b),
  (a, b) => ((a >>> 0) > (b >>> 0) ? a : b),
];

export class AtomicUnit {
  private reserved = false;
  private resAddr = 0;
  private resValue = 0;

  constructor(private readonly hart: Hart, private readonly mem: MemUnit) {}

  clearReservation(): void {
    this.reserved = false;
  }

  lr(va: number): number {
    if ((va & 3) !== 0) this.hart.raise(Cause.LoadMisaligned, va);
    const pa = this.mem.translateData(va, Access.Load, 4, PmpPerm.R);
    const v = this.mem.readPhys(pa, 4, va, Access.Load) | 0;
    this.reserved = true;
    this.resAddr = va | 0;
    this.resValue = v;
    return v;
  }

  sc(va: number, v: number, rd: number): number {
    const hit = this.reserved && this.resAddr === (va | 0);
    this.reserved = false;
    if (!hit) return 1;
    const pa = this.mem.translateData(va, Access.Store, 4, PmpPerm.W);
    if ((this.mem.readPhys(pa, 4, va, Access.Store) | 0) !== this.resValue) return 1;
    this.store(pa, v, va, rd, 0);
    return 0;
  }

  /**
   * A misaligned AMO raises store/AMO address misaligned (cause 6), as the spec requires; QEMU 7.2
   * reports cause 4 instead.
   */
  amo(op: AmoOp, va: number, v: number, rd: number): number {
    if ((va & 3) !== 0) this.hart.raise(Cause.StoreMisaligned, va);
    const pa = this.mem.translateData(va, Access.Store, 4, PmpPerm.R | PmpPerm.W);
    const old = this.mem.readPhys(pa, 4, va, Access.Store) | 0;
    this.store(pa, AMO_FN[op](old, v | 0), va, rd, old);
    return old;
  }

  /**
   * The store of an sc or AMO, whose result is `result`. A store into the running block's own code (or
   * one that powers the machine off) leaves the block at once: rd gets the result here, since the
   * block's micro-ops that would write it do not run.
   */
  private store(pa: number, v: number, va: number, rd: number, result: number): void {
    try {
      this.mem.writePhys(pa, 4, v, va, Access.Store);
    } catch (e) {
      if (e === SMC_SIGNAL && rd !== 0) this.hart.x[rd] = result;
      throw e;
    }
  }
}
