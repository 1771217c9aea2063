/**
 * The engine under the debugger's rules: runs and single steps that honour user breakpoints (with
 * conditions, hit counts and log points), temporary breakpoints of step plans, data watchpoints and
 * exception filters, and report what happened as Progress. Step plans (plans.ts) are built from these
 * two primitives; the runtime (guest-runtime.ts) schedules them in time slices.
 */
import { StopReason as EngineStop } from '../../emulator/tb/engine';
import { PC_INDEX } from '../../emulator/ir/ir';
import type { DebugTarget } from '../../emulator/debug/debug-target';
import { WatchSet } from '../../emulator/debug/watchpoints';
import { formatLogMessage, HitTest } from '../../emulator/debug/breakpoint-rules';
import { causeName, trapKindOf, tvalMeaning } from '../../emulator/debug/trap-kinds';
import { privName } from '../../emulator/debug/csr-view';
import { formatValue } from '../../emulator/debug/expr';
import { decode } from '../../emulator/isa/decoder';
import type { Decoded } from '../../emulator/isa/types';
import { Hart } from '../../emulator/cpu/hart';
import { CodeBreakpoint, CodeBreakpoints, BreakpointKind } from './code-breakpoints';
import type { StopInfo, TrapReport } from './stop-info';

export type Progress =
  | { readonly kind: 'running' }
  | { readonly kind: 'temp' }
  | { readonly kind: 'stop'; readonly stop: StopInfo }
  | { readonly kind: 'exit'; readonly code: number }
  | { readonly kind: 'idle' };

export const RUNNING: Progress = { kind: 'running' };

/** A step plan's breakpoint: pc reached with sp at least `minSp` (deeper recursion has a lower sp). */
export interface TempBreakpoint {
  readonly pc: number;
  readonly minSp?: number;
}

export interface DataBreakpoint {
  readonly id: number;
  readonly addr: number;
  readonly size: number;
  readonly access: 'read' | 'write' | 'readWrite';
  readonly condition?: string;
  readonly hit?: HitTest;
  hits: number;
}

const STOP_REASON_OF: Readonly<Record<BreakpointKind, StopInfo['reason']>> = {
  source: 'breakpoint', function: 'function breakpoint', instruction: 'instruction breakpoint',
};

const SP = 2;
/** Engine.run budgets aim at this many milliseconds, so the adapter answers requests in between. */
const RUN_TARGET_MS = 4;

export class Executor {
  readonly breakpoints = new CodeBreakpoints();
  readonly watch = new WatchSet();
  private dataBps: DataBreakpoint[] = [];
  /** Exception filter ids enabled. */
  private filters = new Set<string>();
  /** The trap the engine stopped in front of (set by the hook). */
  private lastTrap: TrapReport | null = null;
  /** A pc where a stop was reported: resuming runs the instruction there before breakpoints count. */
  passPc: number | null = null;
  private budget = 50_000;
  private engineBps = '';

  constructor(readonly target: DebugTarget, private readonly emitLog: (text: string) => void) {}

  get pc(): number {
    return this.target.hart.x[PC_INDEX] >>> 0;
  }

  get sp(): number {
    return this.target.hart.x[SP] >>> 0;
  }

  /** The instruction at a virtual address, or null when it cannot be read. */
  decodeAt(pc: number): Decoded | null {
    const mem = this.target.memory;
    const lo = mem.readValue(pc, 2, 'virtual');
    if (lo === undefined) return null;
    if ((lo & 3) !== 3) return decode(lo);
    const hi = mem.readValue(pc + 2, 2, 'virtual');
    return hi === undefined ? null : decode((lo | (hi << 16)) | 0);
  }

  // ---- configuration ----

  setExceptionFilters(ids: Iterable<string>): void {
    this.filters = new Set(ids);
    this.target.system.engine.onTrap = this.filters.size === 0 ? null : (cause, tval, interrupt) => this.onTrap(cause, tval, interrupt);
  }

  setDataBreakpoints(list: DataBreakpoint[]): void {
    this.dataBps = list;
    this.watch.set(list.map((d) => ({ id: d.id, addr: d.addr, size: d.size, access: d.access })));
    const hart = this.target.hart;
    if (hart instanceof Hart) hart.mem.setWatch(list.length > 0 ? this.watch : null);
  }

  /** Gives code and data breakpoints other ids (see BreakpointMemory). */
  renumberBreakpoints(ids: ReadonlyMap<number, number>): void {
    this.breakpoints.renumber(ids);
    this.setDataBreakpoints(this.dataBps.map((d) => ({ ...d, id: ids.get(d.id) ?? d.id })));
    this.breakpointsChanged();
  }

  /** Replaces one group of code breakpoints (see CodeBreakpoints.replace); the engine learns it at the next run. */
  setCodeBreakpoints(group: string, list: CodeBreakpoint[]): void {
    this.breakpoints.replace(group, list);
    this.breakpointsChanged();
  }

  /** Code breakpoints changed: the engine learns the new set at the next run. */
  private breakpointsChanged(): void {
    this.engineBps = '';
  }

  private onTrap(cause: number, tval: number, interrupt: boolean): boolean {
    const kind = trapKindOf(cause, interrupt);
    if (kind === undefined || !this.filters.has(kind.id)) return false;
    const h = this.target.hart;
    const epc = h.x[PC_INDEX] >>> 0;
    const name = causeName(cause, interrupt);
    const meaning = tvalMeaning(cause, interrupt);
    const where = this.target.symbolize(epc);
    const message = `${name[0].toUpperCase()}${name.slice(1)} at 0x${epc.toString(16)}${where ? ` <${where}>` : ''} in ${privName(h.priv)}-mode` +
      (interrupt ? '' : `, tval 0x${(tval >>> 0).toString(16)}${meaning ? ` (${meaning})` : ''}`) +
      `; mcause would be 0x${((interrupt ? 0x8000_0000 : 0) + cause).toString(16)}. Continue or step to take the trap.`;
    this.lastTrap = { filterId: kind.id, cause, interrupt, tval: tval >>> 0, epc, privilege: privName(h.priv), name, message };
    return true;
  }

  // ---- execution ----

  /** Runs for about RUN_TARGET_MS: until a stop, exit, idle wait, a temporary breakpoint, or the budget. */
  run(temps: readonly TempBreakpoint[]): Progress {
    this.syncEngineBreakpoints(temps);
    if (this.passPc !== null && this.pc === this.passPc) {
      const p = this.step();
      if (p.kind !== 'running') return p;
      if (this.isBreakpointPc(this.pc, temps)) return this.atBreakpoint(temps);
    }
    this.passPc = null;
    const sys = this.target.system;
    const t0 = performance.now();
    const r = sys.run(this.budget);
    const ms = performance.now() - t0;
    if (r.reason === EngineStop.Budget) {
      this.budget = Math.max(1000, Math.min(50_000_000, Math.round(this.budget * (ms > 0.2 ? RUN_TARGET_MS / ms : 4))));
    }
    switch (r.reason) {
      case EngineStop.Budget: return RUNNING;
      case EngineStop.Stopped: return { kind: 'exit', code: r.exitCode ?? 0 };
      case EngineStop.Idle: return { kind: 'idle' };
      case EngineStop.Breakpoint: return this.atBreakpoint(temps);
      case EngineStop.Trap: return this.trapStop();
      case EngineStop.Watchpoint: return this.atWatchpoint();
    }
  }

  /** Executes one instruction (or takes the trap held in front of; or wakes a waiting hart). */
  step(): Progress {
    const sys = this.target.system;
    const r = sys.engine.step();
    this.passPc = null;
    if (r === EngineStop.Stopped && sys.machine.resetRequested) {
      sys.reset();
      return RUNNING;
    }
    switch (r) {
      case EngineStop.Stopped: return { kind: 'exit', code: sys.machine.exitCode ?? 0 };
      case EngineStop.Idle: return { kind: 'idle' };
      case EngineStop.Trap: return this.trapStop();
      case EngineStop.Watchpoint: return this.atWatchpoint();
      default: return RUNNING;
    }
  }

  /**
   * User breakpoints at the current pc, evaluated as if execution reached them (line stepping lands on
   * them with single steps, which the engine does not report). Undefined when nothing stops here.
   */
  userBreakpointStop(): StopInfo | undefined {
    if (!this.breakpoints.has(this.pc)) return undefined;
    return this.evaluateBreakpoints(this.pc);
  }

  private isBreakpointPc(pc: number, temps: readonly TempBreakpoint[]): boolean {
    return this.breakpoints.has(pc) || temps.some((t) => t.pc === pc);
  }

  private syncEngineBreakpoints(temps: readonly TempBreakpoint[]): void {
    const pcs = [...this.breakpoints.pcs(), ...temps.map((t) => t.pc)];
    const key = pcs.sort((a, b) => a - b).join(',');
    if (key === this.engineBps) return;
    this.engineBps = key;
    this.target.system.engine.setBreakpoints(pcs);
  }

  private atBreakpoint(temps: readonly TempBreakpoint[]): Progress {
    const pc = this.pc;
    const sp = this.sp;
    if (temps.some((t) => t.pc === pc && (t.minSp === undefined || sp >= t.minSp))) return { kind: 'temp' };
    const stop = this.breakpoints.has(pc) ? this.evaluateBreakpoints(pc) : undefined;
    // Not stopping: the next run executes this instruction first.
    this.passPc = pc;
    return stop === undefined ? RUNNING : { kind: 'stop', stop };
  }

  private evaluateBreakpoints(pc: number): StopInfo | undefined {
    const t = this.target;
    const v = this.breakpoints.reach(pc, (e) => t.evaluate(e).value,
      (m) => formatLogMessage(m, (e) => formatValue(t.evaluate(e), (a) => t.symbolize(a))));
    for (const line of v.logs) this.emitLog(line);
    if (v.stopIds.length === 0) return undefined;
    return {
      reason: STOP_REASON_OF[v.kind ?? 'source'], breakpointIds: v.stopIds,
      ...(v.errors.length > 0 ? { text: v.errors.join('\n'), description: 'breakpoint condition error' } : {}),
    };
  }

  private trapStop(): Progress {
    const trap = this.lastTrap;
    this.lastTrap = null;
    if (trap === null) return { kind: 'stop', stop: { reason: 'exception', description: 'trap' } };
    return { kind: 'stop', stop: { reason: 'exception', description: trap.name, text: trap.message, trap } };
  }

  /**
   * A watched access is about to happen: run the instruction (watchpoints quiet), then report the access
   * with the values before and after, if a matching data breakpoint's condition and hit count agree.
   */
  private atWatchpoint(): Progress {
    const hit = this.watch.lastHit;
    const mem = this.target.memory;
    const size = hit !== null && (hit.size === 1 || hit.size === 2 || hit.size === 4) ? hit.size : 4;
    const before = hit === null ? undefined : mem.readValue(hit.addr, size, 'virtual');
    const pc = this.pc;
    this.watch.suppressed = true;
    let p: Progress;
    try {
      p = this.step();
    } finally {
      this.watch.suppressed = false;
    }
    if (p.kind !== 'running' || hit === null) return p;
    const after = mem.readValue(hit.addr, size, 'virtual');
    const ids: number[] = [];
    const errors: string[] = [];
    for (const w of hit.watchpoints) {
      const d = this.dataBps.find((b) => b.id === w.id);
      if (d === undefined) continue;
      if (d.condition !== undefined && d.condition.trim() !== '') {
        try {
          if (this.target.evaluate(d.condition).value === 0) continue;
        } catch (e) {
          errors.push(`data breakpoint condition "${d.condition}": ${(e as Error).message}`);
        }
      }
      d.hits++;
      if (d.hit !== undefined && !d.hit(d.hits)) continue;
      ids.push(d.id);
    }
    if (ids.length === 0) return RUNNING;
    const hex = (v: number | undefined) => (v === undefined ? '??' : `0x${v.toString(16)}`);
    const at = this.target.symbolize(hit.addr);
    const where = this.target.symbolize(pc);
    const what = hit.write ? `write ${hex(before)} -> ${hex(after)}` : `read ${hex(after)}`;
    const text = `${hit.write ? 'Write' : 'Read'} of ${hit.size} byte${hit.size > 1 ? 's' : ''} at 0x${hit.addr.toString(16)}${at ? ` <${at}>` : ''} by the instruction at 0x${pc.toString(16)}${where ? ` <${where}>` : ''}: ${what}`;
    return {
      kind: 'stop',
      stop: { reason: 'data breakpoint', breakpointIds: ids, description: `${what} at 0x${hit.addr.toString(16)}`, text: errors.length ? `${text}\n${errors.join('\n')}` : text },
    };
  }
}
