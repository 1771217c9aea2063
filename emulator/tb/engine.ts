/**
 * The dispatcher: finds or translates the block at pc, runs it, follows direct links, takes traps and
 * interrupts between blocks, and keeps time (the hart's retired-instruction count) exact.
 *
 * Both engines share all of this; they differ only in what a block's function is: generated JavaScript
 * (`jit`) or the micro-op interpreter over the same optimised ops (`interp`).
 */
import type { HartControl } from '../cpu/hart-api';
import type { Bus } from '../machine/bus-api';
import { TRAP_SIGNAL, SMC_SIGNAL } from '../cpu/trap-signal';
import { FETCH_FLAG_MMU } from '../cpu/hart';
import { WATCH_SIGNAL } from '../cpu/mem-access';
import { pickInterrupt } from '../cpu/interrupts';
import { translateBlock, TranslateEnv } from '../translate/translator';
import { HELPERS } from '../translate/helpers';
import { optimize } from '../ir/optimize';
import { compileBlock, JitRuntime } from '../backend/jit';
import { interpretedBlock } from '../backend/interp';
import { TranslationBlock } from './block';
import { TbCache } from './cache';
import { Counters, newCounters } from './counters';
import { PC_INDEX } from '../ir/ir';
import { ExitReason } from '../ir/ops';

export type EngineKind = 'jit' | 'interp';

/** What the dispatcher needs of a board. */
export interface ExecMachine {
  readonly hart: HartControl;
  readonly bus: Bus;
  /** Retired-instruction count at which the next timer event is due (Infinity if none). */
  nextTimerDeadline(): number;
  /** Re-evaluates timer interrupt lines for the current time. */
  updateTimers(): void;
  /** Moves time forward by `insns` instruction-times without retiring instructions (WFI). */
  idle(insns: number): void;
}

export interface EngineOptions {
  readonly engine?: EngineKind;
  /** Longest block, in guest instructions. */
  readonly maxBlockInsns?: number;
  /** Blocks kept before the cache is flushed. */
  readonly maxBlocks?: number;
  readonly semihosting?: boolean;
  /**
   * JIT engine: executions after which a block is compiled to JavaScript; before that the micro-op
   * interpreter runs it. Compiling costs far more than interpreting a block a few times, and most code
   * (boot, initialisation) runs only a few times. 0 compiles every block at once.
   */
  readonly jitThreshold?: number;
  /** Called after each translation (for `--trace`). */
  readonly onTranslate?: (tb: TranslationBlock) => void;
}

export const enum StopReason {
  /** The instruction budget ran out. */
  Budget = 'budget',
  /** A device asked to stop (exit, power-off). */
  Stopped = 'stopped',
  /** The hart waits for an interrupt that no timer will deliver (only external input can wake it). */
  Idle = 'idle',
  /** pc reached a debugger breakpoint (nothing at pc has run yet). */
  Breakpoint = 'breakpoint',
  /** Engine.onTrap asked to stop before a trap or interrupt is taken (the next run or step takes it). */
  Trap = 'trap',
  /** A data watchpoint (MemUnit.watch) matched: pc is at the accessing instruction, which has not run. */
  Watchpoint = 'watchpoint',
}

/**
 * The debugger's look at a trap about to be taken: `cause` without the interrupt bit, `interrupt` for an
 * interrupt (then tval is 0 and pc is the next instruction to run). Returning true stops the engine first.
 */
export type TrapHook = (cause: number, tval: number, interrupt: boolean) => boolean;

/** A trap the debugger stopped in front of: taken by the next run() (or step(), for an exception). */
const enum Held { None, Exception, Interrupt }

const RUNTIME: JitRuntime = { helpers: HELPERS };

/** CSRs the interrupt hook reads (numbers from the privileged spec). */
const CSR_MSTATUS = 0x300;
const CSR_MIDELEG = 0x303;
const CSR_MIE = 0x304;
const CSR_MIP = 0x344;

/** Default for EngineOptions.jitThreshold (measured: Linux boot, see README's figures). */
export const DEFAULT_JIT_THRESHOLD = 50;

export class Engine {
  readonly stats: Counters = newCounters();
  readonly cache: TbCache;
  readonly kind: EngineKind;
  /** The block being executed (for self-modifying code detection), or null between blocks. */
  private current: TranslationBlock | null = null;
  private lastEpoch = -1;
  private readonly env: TranslateEnv;
  private readonly maxBlockInsns: number;
  /** Execution count at which a block is compiled; -1 never (interpreter engine). */
  private readonly compileAt: number;
  /** Debugger breakpoints (virtual pcs). */
  private readonly breakpoints = new Set<number>();
  /** Set while single-stepping, so the instruction at a breakpoint can run. */
  private breakpointsOff = false;
  private hitBreakpoint = false;
  /**
   * Debugger hook consulted before each trap and interrupt is taken (null: never, at no cost). Set by the
   * debug adapter for its exception filters.
   */
  onTrap: TrapHook | null = null;
  private held = Held.None;
  /** Set when a stop (trap hook, watchpoint) happened inside runBlocks; run() reports it. */
  private stopAfterBlocks: StopReason | null = null;
  /** Ring of recently executed blocks' virtual pcs, for the live views. */
  readonly recent = new Int32Array(64);
  private recentPos = 0;

  constructor(private readonly machine: ExecMachine, private readonly opts: EngineOptions = {}) {
    this.kind = opts.engine ?? 'jit';
    this.maxBlockInsns = opts.maxBlockInsns ?? 64;
    this.compileAt = this.kind === 'interp' ? -1 : opts.jitThreshold ?? DEFAULT_JIT_THRESHOLD;
    const bus = machine.bus;
    this.cache = new TbCache(bus.codePages, bus.ramBase, opts.maxBlocks ?? 1 << 15, this.stats);
    bus.onCodeWrite = (pa) => this.codeWritten(pa);
    const hart = machine.hart;
    this.env = {
      semihosting: opts.semihosting ?? false,
      isBreakpoint: (pc) => !this.breakpointsOff && this.breakpoints.size > 0 && this.breakpoints.has(pc | 0),
      fetch16: (va) => {
        const pa = hart.translateFetch(va);
        this.fetchedPages.add(pa >>> 12);
        return bus.read(pa, 2);
      },
    };
  }
  private fetchedPages = new Set<number>();

  /**
   * Runs until `maxInsns` more instructions have retired (block granularity), a device stops the
   * machine, or the hart idles with nothing to wake it.
   */
  run(maxInsns: number): StopReason {
    const m = this.machine;
    const h = m.hart;
    const end = h.icount + maxInsns;
    this.takeHeldException();
    while (true) {
      // Reported before anything else can move pc away from the breakpoint.
      if (this.hitBreakpoint) {
        this.hitBreakpoint = false;
        return StopReason.Breakpoint;
      }
      if (this.stopAfterBlocks !== null) {
        const reason = this.stopAfterBlocks;
        this.stopAfterBlocks = null;
        return reason;
      }
      if (h.attention) {
        h.attention = false;
        if (h.stopRequested) return StopReason.Stopped;
        if (this.onTrap !== null && this.holdInterrupt()) {
          h.attention = true;
          return StopReason.Trap;
        }
        if (h.takeInterrupt()) this.stats.interrupts++;
      }
      if (h.waiting) {
        if (h.wakeupPending()) {
          h.waiting = false;
        } else {
          const deadline = m.nextTimerDeadline();
          if (deadline === Infinity) return StopReason.Idle;
          m.idle(Math.max(0, deadline - h.icount));
          m.updateTimers();
          continue;
        }
      }
      if (h.icount >= end) return StopReason.Budget;
      const limit = Math.min(end, m.nextTimerDeadline());
      if (h.icount >= limit) {
        m.updateTimers();
        // A deadline already passed with its interrupt masked: run on in short slices, so a reprogrammed
        // timer is noticed soon.
        this.runBlocks(Math.min(end, h.icount + 10000));
      } else {
        this.runBlocks(limit);
      }
      m.updateTimers();
    }
  }

  /** Runs blocks until `limit` retired instructions or until the hart needs attention. */
  private runBlocks(limit: number): void {
    const h = this.machine.hart;
    const x = h.x;
    const mem = h.mem;
    const stats = this.stats;
    const compileAt = this.compileAt;
    let prev: TranslationBlock | null = null;
    let slot = 2;
    let tb: TranslationBlock | null = null;
    try {
      while (h.icount < limit && !h.attention) {
        tb = null;
        if (slot === 0 && prev !== null && prev.link0 !== null && prev.link0.valid) {
          tb = prev.link0;
        } else if (slot === 1 && prev !== null && prev.link1 !== null && prev.link1.valid) {
          tb = prev.link1;
        } else if (slot === ExitReason.Jump && prev !== null) {
          const t: TranslationBlock | null = prev.linkJump;
          if (t !== null && t.vpc === x[PC_INDEX] && t.valid && prev.linkJumpEpoch === h.mmuEpoch) tb = t;
        }
        if (tb !== null) {
          stats.chainedJumps++;
          tb.chainedIn++;
        } else {
          if (slot === ExitReason.Breakpoint) {
            this.hitBreakpoint = true;
            break;
          }
          tb = this.lookup(x[PC_INDEX]);
          if (slot === ExitReason.Jump && prev !== null) {
            prev.linkJump = tb;
            prev.linkJumpEpoch = h.mmuEpoch;
          } else if (prev !== null && slot < 2 && this.chainable(prev, tb)) {
            if (slot === 0) prev.link0 = tb;
            else prev.link1 = tb;
            stats.linksMade++;
          }
        }
        if (++tb.execs === compileAt) this.compile(tb);
        stats.blockExecutions++;
        this.current = tb;
        slot = tb.fn(x, mem, h, tb, limit);
        h.icount += tb.guest.length;
        this.recent[this.recentPos = (this.recentPos + 1) & 63] = tb.vpc;
        prev = tb;
      }
    } catch (e) {
      this.current = null;
      this.caught(e, tb);
      return;
    }
    this.current = null;
    // A breakpoint found after a direct link: report it on the next pass of run().
    if (slot === ExitReason.Breakpoint) this.hitBreakpoint = true;
  }

  /** A block left by throwing: take the guest trap, or resume after self-modifying code. */
  private caught(e: unknown, tb: TranslationBlock | null): void {
    const h = this.machine.hart;
    const x = h.x;
    if (e === TRAP_SIGNAL) {
      // pc was synced to the faulting instruction (or is the fetch address when tb is null).
      if (tb !== null) h.icount += tb.indexOf(x[PC_INDEX]);
      this.stats.traps++;
      if (this.onTrap !== null && this.onTrap(h.pendingCause, h.pendingTval, false)) {
        this.held = Held.Exception;
        this.stopAfterBlocks = StopReason.Trap;
        return;
      }
      h.enterTrap();
      return;
    }
    if (e === WATCH_SIGNAL) {
      // Thrown before the access: the instructions before the accessing one have retired, it has not.
      if (tb !== null) h.icount += tb.indexOf(x[PC_INDEX]);
      this.stopAfterBlocks = StopReason.Watchpoint;
      return;
    }
    if (e === SMC_SIGNAL && tb !== null) {
      // The store completed; resume after it in a fresh block.
      const i = tb.indexOf(x[PC_INDEX]);
      h.icount += i + 1;
      x[PC_INDEX] = i + 1 < tb.guest.length ? tb.insnPcs[i + 1] : (tb.vpc + tb.size) | 0;
      return;
    }
    throw e;
  }

  /**
   * Executes exactly one instruction (or takes the trap it raises), ignoring breakpoints, with the
   * micro-op interpreter on a one-instruction block. Interrupts are not taken while stepping, as in
   * QEMU's gdbstub default; a waiting hart is woken up by advancing time to its next timer event.
   */
  step(): StopReason {
    const m = this.machine;
    const h = m.hart;
    if (h.stopRequested) return StopReason.Stopped;
    // Stepping from a stop before a trap enters its handler: that is the step.
    if (this.takeHeldException() || this.takeHeldInterrupt()) return StopReason.Budget;
    if (h.waiting) {
      if (!h.wakeupPending()) {
        const deadline = m.nextTimerDeadline();
        if (deadline === Infinity) return StopReason.Idle;
        m.idle(Math.max(0, deadline - h.icount));
        m.updateTimers();
      }
      h.waiting = false;
      return StopReason.Budget;
    }
    let tb: TranslationBlock | null = null;
    this.breakpointsOff = true;
    try {
      const vpc = h.x[PC_INDEX];
      tb = this.translate(vpc, h.translateFetch(vpc), h.fetchFlags(), 1, false);
      this.current = tb;
      tb.fn(h.x, h.mem, h, tb, 0);
      h.icount += tb.guest.length;
    } catch (e) {
      this.caught(e, tb);
    } finally {
      this.current = null;
      this.breakpointsOff = false;
    }
    m.updateTimers();
    if (this.stopAfterBlocks !== null) {
      const reason = this.stopAfterBlocks;
      this.stopAfterBlocks = null;
      return reason;
    }
    return h.stopRequested ? StopReason.Stopped : StopReason.Budget;
  }

  /** Enters the handler of an exception the debugger stopped in front of; true if there was one. */
  private takeHeldException(): boolean {
    if (this.held !== Held.Exception) return false;
    this.held = Held.None;
    this.machine.hart.enterTrap();
    return true;
  }

  /** step() does not take interrupts, except the one the debugger stopped in front of. */
  private takeHeldInterrupt(): boolean {
    if (this.held !== Held.Interrupt) return false;
    this.held = Held.None;
    if (!this.machine.hart.takeInterrupt()) return false;
    this.stats.interrupts++;
    return true;
  }

  /**
   * Asks onTrap about the interrupt the hart would take now; true (held) means stop first. An interrupt
   * already reported is taken without asking again.
   */
  private holdInterrupt(): boolean {
    if (this.held === Held.Interrupt) {
      this.held = Held.None;
      return false;
    }
    const h = this.machine.hart;
    const pending = (h.peekCsr(CSR_MIP) ?? 0) & (h.peekCsr(CSR_MIE) ?? 0);
    const irq = pickInterrupt(pending, h.peekCsr(CSR_MIDELEG) ?? 0, h.priv, h.peekCsr(CSR_MSTATUS) ?? 0);
    if (irq < 0 || !this.onTrap!(irq, 0, true)) return false;
    this.held = Held.Interrupt;
    return true;
  }

  /** Forgets a trap the debugger stopped in front of (pc or state was changed by hand, or reset). */
  dropHeldTrap(): void {
    this.held = Held.None;
    this.stopAfterBlocks = null;
  }

  /** Replaces the set of breakpoints; translations are dropped so blocks end at the new ones. */
  setBreakpoints(pcs: Iterable<number>): void {
    const next = new Set<number>();
    for (const pc of pcs) next.add(pc | 0);
    const same = next.size === this.breakpoints.size && [...next].every((pc) => this.breakpoints.has(pc));
    if (same) return;
    // Only blocks that hold a changed address are retranslated: ones containing a new breakpoint, and
    // the empty stop-block at a removed one. Blocks that merely end early at a removed breakpoint stay
    // correct (they chain on), so a temporary breakpoint (step over) does not cost a cache flush.
    const changed: number[] = [];
    for (const pc of next) if (!this.breakpoints.has(pc)) changed.push(pc);
    for (const pc of this.breakpoints) if (!next.has(pc)) changed.push(pc);
    this.breakpoints.clear();
    for (const pc of next) this.breakpoints.add(pc);
    this.cache.invalidateWhere((tb) => changed.some((pc) => tb.vpc === pc || (((pc - tb.vpc) >>> 0) < tb.size)));
  }

  /** Direct links are safe within a page, or anywhere when there is no address translation. */
  private chainable(from: TranslationBlock, to: TranslationBlock): boolean {
    return (from.flags & FETCH_FLAG_MMU) === 0 || ((from.vpc ^ to.vpc) >>> 12) === 0;
  }

  /** The block for `vpc` under the current state, translating it if needed. */
  lookup(vpc: number): TranslationBlock {
    const h = this.machine.hart;
    if (h.mmuEpoch !== this.lastEpoch) {
      this.lastEpoch = h.mmuEpoch;
      this.cache.clearJumpCache();
    }
    const flags = h.fetchFlags();
    const stats = this.stats;
    stats.lookups++;
    let tb = this.cache.fast(vpc, flags);
    if (tb !== null) {
      stats.jumpCacheHits++;
      return tb;
    }
    // Blocks keep addresses as int32, as the register array does; translateFetch answers unsigned.
    const ppc = h.translateFetch(vpc) | 0;
    tb = this.cache.find(vpc, ppc, flags);
    if (tb !== null) {
      stats.cacheHits++;
      return tb;
    }
    stats.cacheMisses++;
    return this.translate(vpc, ppc, flags, this.maxBlockInsns, true);
  }

  /**
   * Translates, optimises and compiles one block; `cache` false makes a one-off (single step, debugger
   * listings) that ignores breakpoints.
   */
  translate(vpc: number, ppc: number, flags: number, maxInsns: number, cache: boolean): TranslationBlock {
    const t0 = performance.now();
    this.fetchedPages.clear();
    // A one-off block (a single step, a listing for the debugger) shows the code itself: breakpoints,
    // which only shape cached blocks, do not cut it short.
    const bpsWere = this.breakpointsOff;
    if (!cache) this.breakpointsOff = true;
    let tblock;
    try {
      tblock = translateBlock(this.env, vpc, maxInsns);
    } finally {
      this.breakpointsOff = bpsWere;
    }
    const opt = optimize(tblock.ir);
    const fn = interpretedBlock(tblock.ir, opt.ops, RUNTIME);
    const ms = performance.now() - t0;
    if (cache) this.cache.makeRoom();
    const tb = new TranslationBlock(
      vpc | 0, ppc | 0, flags, [...this.fetchedPages], tblock.insns, tblock.size, tblock.ir, tblock.ir.ops,
      opt.ops, fn, '', ms, cache ? this.cache.nextGeneration(vpc | 0) : 0,
    );
    const s = this.stats;
    s.translations++;
    s.translateMs += ms;
    s.guestBytes += tblock.size;
    s.opsBefore += tblock.ir.ops.length;
    s.opsAfter += opt.ops.length;
    if (this.compileAt === 0 && cache) this.compile(tb);
    if (cache) this.cache.insert(tb);
    this.opts.onTranslate?.(tb);
    return tb;
  }

  /** Replaces a block's interpreter with generated JavaScript. */
  private compile(tb: TranslationBlock): void {
    const t0 = performance.now();
    const compiled = compileBlock(tb.ir, tb.optimizedOps, RUNTIME, blockName(tb.vpc));
    tb.fn = compiled.fn;
    tb.hostCode = compiled.source;
    tb.compileMs = performance.now() - t0;
    this.stats.compilations++;
    this.stats.compileMs += tb.compileMs;
    this.stats.hostBytes += compiled.source.length;
    this.stats.compiledGuestBytes += tb.size;
  }

  /** A store hit a page holding translated code. */
  private codeWritten(pa: number): void {
    const hit = this.cache.invalidate(pa & ~3, 4);
    if (this.current !== null && hit.includes(this.current)) throw SMC_SIGNAL;
  }

  /** Forgets all translations and any trap held for the debugger (system reset). */
  flush(): void {
    this.cache.flush();
    this.dropHeldTrap();
  }

  /** Virtual pcs of the most recently executed blocks, newest first. */
  recentBlocks(n = 16): number[] {
    const out: number[] = [];
    for (let i = 0; i < Math.min(n, 64); i++) out.push(this.recent[(this.recentPos - i) & 63] >>> 0);
    return out;
  }
}

/** The name of a block's generated function: our identifier, from its address. */
export function blockName(vpc: number): string {
  return `tb_${(vpc >>> 0).toString(16)}`;
}

