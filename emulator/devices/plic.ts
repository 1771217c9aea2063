/**
 * The PLIC of QEMU 7.2's virt board, for one hart: context 0 is the hart's M-mode (MEIP), context 1
 * its S-mode (SEIP).
 *
 * Shapes checked on qemu-system-riscv32 7.2: priorities are 3 bits and writable for sources 1..96;
 * enable, pending and claim words cover sources 0..95 (three words; bit 0 of an enable word is
 * stored, though source 0 never pends); the pending words ignore writes; only word accesses answer.
 *
 * The gateway is QEMU's: a device raising its line sets the source pending; lowering the line does not
 * clear it; only a claim does, and completion does not re-pend it. A device that keeps its line up
 * re-pends the source on its next update, which is why devices here call `setLevel` on every update,
 * not only on changes.
 */
import type { DeviceState } from '../machine/bus-api';
import type { SizedDevice } from '../machine/bus';
import { Irq, type HartControl } from '../cpu/hart-api';
import { VIRT } from '../machine/memory-map';
import { setBits } from './bits';

/** Source numbers with a priority register (0 is hardwired to 0). */
const PRIORITY_SOURCES = 97;
const WORDS = 3;
const PRIORITY_MASK = 7;

const PENDING_BASE = 0x1000;
const ENABLE_BASE = 0x2000;
const ENABLE_STRIDE = 0x80;
const CONTEXT_BASE = 0x200000;
const CONTEXT_STRIDE = 0x1000;

/** Which hart interrupt each context drives. */
const CONTEXT_IRQ: readonly Irq[] = [Irq.MEIP, Irq.SEIP];
const CONTEXT_NAMES = ['M', 'S'];

export class Plic implements SizedDevice {
  readonly name = 'plic';
  readonly size = VIRT.plic.size;
  readonly minAccess = 4;
  private readonly priority = new Uint32Array(PRIORITY_SOURCES);
  private readonly pending = new Uint32Array(WORDS);
  private readonly claimed = new Uint32Array(WORDS);
  private readonly enable = CONTEXT_IRQ.map(() => new Uint32Array(WORDS));
  private readonly threshold = new Uint32Array(CONTEXT_IRQ.length);
  private readonly lines = CONTEXT_IRQ.map(() => false);

  constructor(readonly base: number, private readonly hart: HartControl) {}

  /** A device's interrupt line (source 1..95). */
  setLevel(source: number, level: boolean): void {
    if (!level || source <= 0 || source >= WORDS * 32) return;
    this.pending[source >>> 5] |= 1 << (source & 31);
    this.update();
  }

  /**
   * The source a claim by `context` would return (0 if none): pending, enabled, not claimed, priority
   * above the context's threshold (QEMU 7.2 applies the threshold to claims too); highest priority,
   * then lowest number.
   */
  best(context: number): number {
    let best = 0;
    let bestPrio = this.threshold[context];
    const en = this.enable[context];
    for (let w = 0; w < WORDS; w++) {
      let bits = this.pending[w] & ~this.claimed[w] & en[w];
      while (bits !== 0) {
        const b = 31 - Math.clz32(bits & -bits);
        bits &= bits - 1;
        const src = w * 32 + b;
        if (this.priority[src] > bestPrio) {
          best = src;
          bestPrio = this.priority[src];
        }
      }
    }
    return best;
  }

  read(offset: number): number {
    if (offset < PENDING_BASE) {
      const src = offset >>> 2;
      return src < PRIORITY_SOURCES ? this.priority[src] : 0;
    }
    if (offset < ENABLE_BASE) {
      const w = (offset - PENDING_BASE) >>> 2;
      return w < WORDS ? this.pending[w] : 0;
    }
    if (offset < CONTEXT_BASE) {
      const ctx = Math.floor((offset - ENABLE_BASE) / ENABLE_STRIDE);
      const w = ((offset - ENABLE_BASE) % ENABLE_STRIDE) >>> 2;
      return ctx < this.enable.length && w < WORDS ? this.enable[ctx][w] : 0;
    }
    const ctx = Math.floor((offset - CONTEXT_BASE) / CONTEXT_STRIDE);
    if (ctx >= this.enable.length) return 0;
    switch ((offset - CONTEXT_BASE) % CONTEXT_STRIDE) {
      case 0: return this.threshold[ctx];
      case 4: return this.claim(ctx);
      default: return 0;
    }
  }

  write(offset: number, _size: number, value: number): void {
    if (offset < PENDING_BASE) {
      const src = offset >>> 2;
      if (src > 0 && src < PRIORITY_SOURCES) this.priority[src] = value & PRIORITY_MASK;
    } else if (offset < ENABLE_BASE) {
      return;
    } else if (offset < CONTEXT_BASE) {
      const ctx = Math.floor((offset - ENABLE_BASE) / ENABLE_STRIDE);
      const w = ((offset - ENABLE_BASE) % ENABLE_STRIDE) >>> 2;
      if (ctx < this.enable.length && w < WORDS) this.enable[ctx][w] = value;
    } else {
      const ctx = Math.floor((offset - CONTEXT_BASE) / CONTEXT_STRIDE);
      if (ctx >= this.enable.length) return;
      switch ((offset - CONTEXT_BASE) % CONTEXT_STRIDE) {
        case 0: this.threshold[ctx] = value & PRIORITY_MASK; break;
        case 4: this.complete(value >>> 0); break;
        default: return;
      }
    }
    this.update();
  }

  private claim(ctx: number): number {
    const src = this.best(ctx);
    if (src !== 0) {
      this.pending[src >>> 5] &= ~(1 << (src & 31));
      this.claimed[src >>> 5] |= 1 << (src & 31);
    }
    this.update();
    return src;
  }

  private complete(src: number): void {
    if (src < WORDS * 32) this.claimed[src >>> 5] &= ~(1 << (src & 31));
  }

  /** Drives MEIP/SEIP: some source pending, enabled, unclaimed and above the context's threshold. */
  private update(): void {
    for (let ctx = 0; ctx < CONTEXT_IRQ.length; ctx++) {
      const level = this.best(ctx) !== 0;
      if (level !== this.lines[ctx]) {
        this.lines[ctx] = level;
        this.hart.setPending(CONTEXT_IRQ[ctx], level);
      }
    }
  }

  reset(): void {
    this.priority.fill(0);
    this.pending.fill(0);
    this.claimed.fill(0);
    for (const e of this.enable) e.fill(0);
    this.threshold.fill(0);
    for (let ctx = 0; ctx < CONTEXT_IRQ.length; ctx++) {
      this.lines[ctx] = false;
      this.hart.setPending(CONTEXT_IRQ[ctx], false);
    }
  }

  describe(): DeviceState {
    const registers = [];
    for (let src = 1; src < PRIORITY_SOURCES; src++) {
      if (this.priority[src] !== 0) registers.push({ name: `priority[${src}]`, offset: src * 4, value: this.priority[src] });
    }
    for (let w = 0; w < WORDS; w++) {
      registers.push({ name: `pending[${w}]`, offset: PENDING_BASE + w * 4, value: this.pending[w], decoded: list(setBits(this.pending.subarray(w, w + 1)), w) });
    }
    for (let ctx = 0; ctx < this.enable.length; ctx++) {
      const c = CONTEXT_NAMES[ctx];
      for (let w = 0; w < WORDS; w++) {
        const off = ENABLE_BASE + ctx * ENABLE_STRIDE + w * 4;
        registers.push({ name: `enable${c}[${w}]`, offset: off, value: this.enable[ctx][w], decoded: list(setBits(this.enable[ctx].subarray(w, w + 1)), w) });
      }
      registers.push({ name: `threshold${c}`, offset: CONTEXT_BASE + ctx * CONTEXT_STRIDE, value: this.threshold[ctx] });
    }
    const details: Record<string, string | number | readonly number[]> = {
      pending: setBits(this.pending, 1),
      claimed: setBits(this.claimed, 1),
    };
    CONTEXT_NAMES.forEach((c, ctx) => {
      details[`${c}-mode line`] = this.lines[ctx] ? `raised (next claim: ${this.best(ctx)})` : 'low';
    });
    return { name: this.name, base: this.base, size: this.size, registers, details };
  }
}

function list(bits: number[], word: number): string {
  return bits.length ? 'sources ' + bits.map((b) => b + word * 32).join(' ') : '-';
}
