/**
 * The 64-bit machine counters (mcycle, minstret, mhpmcounter3..18) as views of the hart's retired-
 * instruction count. Cycles equal instructions at the nominal 1 GHz, so every counting counter is
 * "retired instructions + an offset"; writes change the offset, and a counter that is not counting
 * (inhibited, or an hpm counter without a countable event) holds a frozen value.
 *
 * Values are kept as two 32-bit halves in plain numbers so 64-bit wraparound stays exact.
 */
const TWO32 = 0x1_0000_0000;

/** mhpmcounter3..(3 + HPM_COUNTERS - 1) exist: QEMU 7.2's default pmu-num is 16. */
export const HPM_COUNTERS = 16;
/** mhpmevent values that make an hpm counter count (QEMU 7.2: 1 = cycles, 2 = instructions). */
export const enum HpmEvent { Cycles = 1, Instructions = 2 }

export class Counter {
  private offLo = 0;
  private offHi = 0;
  private frozenLo = 0;
  private frozenHi = 0;
  private counting = true;

  /** Low half (unsigned) when `raw` instructions have retired. */
  lo(raw: number): number {
    if (!this.counting) return this.frozenLo;
    const sum = (raw % TWO32) + this.offLo;
    return sum >= TWO32 ? sum - TWO32 : sum;
  }

  hi(raw: number): number {
    if (!this.counting) return this.frozenHi;
    const carry = (raw % TWO32) + this.offLo >= TWO32 ? 1 : 0;
    return (Math.floor(raw / TWO32) + this.offHi + carry) % TWO32;
  }

  /** Makes the counter read (hi, lo) when `raw` instructions have retired. */
  set(raw: number, lo: number, hi: number): void {
    lo >>>= 0;
    hi >>>= 0;
    if (!this.counting) {
      this.frozenLo = lo;
      this.frozenHi = hi;
      return;
    }
    const d = lo - (raw % TWO32);
    const borrow = d < 0 ? 1 : 0;
    this.offLo = d + borrow * TWO32;
    this.offHi = (((hi - Math.floor(raw / TWO32) - borrow) % TWO32) + TWO32) % TWO32;
  }

  /** Starts or stops counting at `raw` without changing the value. */
  setCounting(raw: number, on: boolean): void {
    if (on === this.counting) return;
    const lo = this.lo(raw);
    const hi = this.hi(raw);
    this.counting = on;
    this.set(raw, lo, hi);
  }

  reset(): void {
    this.offLo = this.offHi = this.frozenLo = this.frozenHi = 0;
    this.counting = true;
  }
}
