/**
 * Machine time. In `icount` mode (the default) time is the hart's retired-instruction count plus the
 * instruction-times skipped while idle (WFI), at a nominal 1 GHz: runs are deterministic. In `host`
 * mode time is the host's monotonic clock since reset.
 *
 * Everything that fires "later" (the CLINT timer, the UART's receive timeout) schedules in these
 * nanoseconds and converts to a retired-instruction deadline with `icountAt`.
 */
import type { HartControl } from '../cpu/hart-api';

export type TimeMode = 'icount' | 'host';

/** In host mode deadlines can only be guessed in instructions: poll at least this often. */
const HOST_POLL_INSNS = 100_000;

export class MachineClock {
  private idled = 0;
  private hostStart = performance.now();

  constructor(private readonly hart: HartControl, readonly mode: TimeMode = 'icount') {}

  /** Nanoseconds since reset. */
  now(): number {
    if (this.mode === 'host') return Math.floor((performance.now() - this.hostStart) * 1e6);
    return this.hart.icount + this.idled;
  }

  /** Time passes without instructions retiring (the hart waits). */
  idle(ns: number): void {
    if (this.mode === 'icount' && ns > 0) this.idled += ns;
  }

  /** The retired-instruction count at which `now()` reaches `t` (a guess in host mode). */
  icountAt(t: number): number {
    if (t === Infinity) return Infinity;
    if (this.mode === 'icount') return t - this.idled;
    const icount = this.hart.icount;
    return icount + Math.max(0, Math.min(t - this.now(), HOST_POLL_INSNS));
  }

  reset(): void {
    this.idled = 0;
    this.hostStart = performance.now();
  }
}
