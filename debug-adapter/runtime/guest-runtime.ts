/**
 * The debugger's runtime: one guest system under debugger control, with no DAP types. It runs plans in
 * time slices on setImmediate (so the adapter keeps answering requests while the guest runs, and a
 * pause lands within a slice), and reports what happens as events:
 *
 *   'stopped' (StopInfo)            the guest stopped (breakpoint, step, pause, exception, ...)
 *   'output'  (text, category)      guest console output ('stdout'), log points and logs ('console')
 *   'exited'  (code)                the guest powered off or exited with this status
 *   'stats'   (StatsEventBody)      live statistics, throttled, while running and at each stop
 */
import { EventEmitter } from 'node:events';
import type { TraceKind } from '../../emulator/trace';
import { formatTrace } from '../../emulator/trace';
import type { DebugTarget } from '../../emulator/debug/debug-target';
import type { MonitorHost } from '../../emulator/debug/monitor';
import { unwindStack, UnwoundFrame } from '../../emulator/debug/unwind';
import type { StatsEventBody } from '../protocol';
import type { LaunchPlan } from '../launch-config';
import { boot } from './boot';
import type { GuestInput } from '../../emulator/machine/boot-plan';
import { Executor } from './executor';
import { InstructionStepPlan, LineStepPlan, Plan, RunPlan } from './plans';
import type { StopInfo } from './stop-info';

/** How long one slice of guest execution may take before the event loop gets a turn. */
const SLICE_MS = 15;
const STATS_INTERVAL_MS = 250;

export type RuntimeState = 'stopped' | 'running' | 'exited';
export type Granularity = 'instruction' | 'line';

export interface RuntimeEvents {
  stopped: [StopInfo];
  output: [string, 'stdout' | 'console' | 'stderr'];
  exited: [number];
  stats: [StatsEventBody];
}

/** A request the runtime cannot carry out now; the message says why. */
export class RuntimeError extends Error {}

export class GuestRuntime extends EventEmitter<RuntimeEvents> implements MonitorHost {
  readonly target: DebugTarget;
  readonly exec: Executor;
  readonly warnings: readonly string[];
  state: RuntimeState = 'stopped';
  /** The last stop (for exceptionInfo). */
  lastStop: StopInfo | null = null;
  exitCode: number | null = null;
  logKinds: ReadonlySet<TraceKind> = new Set();

  private plan: Plan | null = null;
  private timer: NodeJS.Immediate | null = null;
  private waitingForInput = false;
  private pauseRequested = false;
  private readonly decoder = new TextDecoder('utf-8');
  private pendingOutput = '';
  private lastStats = { at: 0, icount: 0 };
  private disposed = false;

  /** `guest`: the plan's image file, or the program assembled from its sources (assemble-launch.ts). */
  constructor(readonly plan0: LaunchPlan, guest: GuestInput) {
    super();
    const booted = boot(plan0, guest, {
      write: (bytes) => { this.pendingOutput += this.decoder.decode(bytes, { stream: true }); },
      onTranslate: (tb) => {
        if (this.logKinds.size > 0) this.emit('output', formatTrace(tb, this.logKinds, (a) => this.target.symbolize(a)), 'console');
      },
    });
    this.target = booted.target;
    this.warnings = booted.warnings;
    this.exec = new Executor(this.target, (text) => this.emit('output', text + '\n', 'console'));
  }

  // ---- execution control ----

  /** Starts (after launch or reset): to the program's entry point and stop there, or just run. */
  start(stopOnEntry: boolean): void {
    const entry = this.target.system.image.entry >>> 0;
    if (stopOnEntry && this.exec.pc === entry) {
      this.reportStop({ reason: 'entry' });
      return;
    }
    this.resume(stopOnEntry ? new RunPlan([{ pc: entry }], 'entry') : new RunPlan());
  }

  continue(): void {
    this.resume(new RunPlan());
  }

  stepIn(granularity: Granularity): void {
    this.resume(this.stepPlan('in', granularity));
  }

  next(granularity: Granularity): void {
    this.resume(this.stepPlan('over', granularity));
  }

  /** Runs to the return address of the current function (caller's frame, by sp). */
  stepOut(): void {
    const frames = this.stack(2);
    if (frames.length < 2) throw new RuntimeError('cannot step out: the caller of this frame is unknown (outermost frame)');
    this.resume(new RunPlan([{ pc: frames[1].pc, minSp: frames[1].sp }], 'step'));
  }

  /** Stops a running guest at the next slice boundary (within SLICE_MS); false if it was not running. */
  pause(): boolean {
    if (this.state !== 'running') return false;
    if (this.waitingForInput) {
      this.waitingForInput = false;
      this.plan = null;
      this.reportStop({ reason: 'pause', description: 'paused while waiting for input' });
      return true;
    }
    this.pauseRequested = true;
    return true;
  }

  /** System reset (restart request): the machine starts again from its reset vector, as after launch. */
  restart(stopOnEntry: boolean): void {
    this.resetMachine();
    this.start(stopOnEntry);
  }

  /** System reset from the monitor (`system_reset`): stopped at the reset vector. */
  reset(): void {
    this.resetMachine();
    this.reportStop({ reason: 'entry', description: 'system reset' });
  }

  private resetMachine(): void {
    this.halt();
    this.target.system.reset();
    this.exec.breakpoints.resetHits();
    this.exitCode = null;
    this.state = 'stopped';
    this.exec.passPc = null;
  }

  /** Bytes for the guest's UART (and semihosting input); wakes a guest waiting for them. */
  sendInput(text: string): number {
    const bytes = new TextEncoder().encode(text);
    this.target.system.machine.sendInput(bytes);
    if (this.waitingForInput) {
      this.waitingForInput = false;
      this.schedule();
    }
    return bytes.length;
  }

  /** Stops everything without reporting (terminate, disconnect). */
  dispose(): void {
    this.halt();
    this.disposed = true;
  }

  private stepPlan(mode: 'in' | 'over', granularity: Granularity): Plan {
    if (granularity === 'line') {
      const loc = this.target.debugInfo.locate(this.exec.pc);
      if (loc !== undefined) return new LineStepPlan(this.exec, loc, mode);
    }
    return new InstructionStepPlan(mode === 'over');
  }

  private resume(plan: Plan): void {
    if (this.state === 'exited') throw new RuntimeError(`the guest has exited (status ${this.exitCode}); restart to run it again`);
    if (this.state === 'running') throw new RuntimeError('the guest is already running; pause it first');
    this.plan = plan;
    this.state = 'running';
    this.pauseRequested = false;
    this.lastStats = { at: performance.now(), icount: this.target.hart.icount };
    this.schedule();
  }

  private halt(): void {
    if (this.timer !== null) clearImmediate(this.timer);
    this.timer = null;
    this.plan = null;
    this.waitingForInput = false;
    this.pauseRequested = false;
  }

  private schedule(): void {
    if (this.timer === null && !this.disposed) this.timer = setImmediate(() => this.slice());
  }

  private slice(): void {
    this.timer = null;
    const plan = this.plan;
    if (plan === null || this.state !== 'running') return;
    if (this.pauseRequested) {
      this.plan = null;
      this.reportStop({ reason: 'pause' });
      return;
    }
    let p;
    try {
      p = plan.advance(this.exec, performance.now() + SLICE_MS);
    } catch (e) {
      // An emulator bug must not take the adapter down: stop and say what happened.
      this.plan = null;
      this.emit('output', `translucent: internal error while running the guest: ${(e as Error).stack ?? e}\n`, 'stderr');
      this.reportStop({ reason: 'exception', description: 'emulator error', text: (e as Error).message });
      return;
    }
    switch (p.kind) {
      case 'running':
      case 'temp':
        this.flushOutput();
        this.maybeStats();
        this.schedule();
        return;
      case 'stop':
        this.plan = null;
        this.reportStop(p.stop);
        return;
      case 'exit':
        this.plan = null;
        this.flushOutput();
        this.state = 'exited';
        this.exitCode = p.code;
        this.emitStats(false);
        this.emit('exited', p.code);
        return;
      case 'idle':
        // The hart waits for an interrupt only input can bring: sleep until sendInput or pause.
        this.flushOutput();
        this.waitingForInput = true;
        return;
    }
  }

  private reportStop(stop: StopInfo): void {
    this.flushOutput();
    this.state = 'stopped';
    this.pauseRequested = false;
    this.lastStop = stop;
    // Resuming runs the instruction at a stop first (breakpoints there do not fire again), except in
    // front of an interrupt: that is taken first, before anything at pc.
    this.exec.passPc = stop.trap?.interrupt ? null : this.exec.pc;
    this.emitStats(false);
    this.emit('stopped', stop);
  }

  private flushOutput(): void {
    if (this.pendingOutput === '') return;
    const text = this.pendingOutput;
    this.pendingOutput = '';
    this.emit('output', text, 'stdout');
  }

  private maybeStats(): void {
    if (performance.now() - this.lastStats.at >= STATS_INTERVAL_MS) this.emitStats(true);
  }

  private emitStats(running: boolean): void {
    const now = performance.now();
    const icount = this.target.hart.icount;
    const dt = (now - this.lastStats.at) / 1000;
    const ips = running && dt > 0 ? Math.round((icount - this.lastStats.icount) / dt) : 0;
    this.lastStats = { at: now, icount };
    const e = this.target.system.engine;
    this.emit('stats', { running, instructions: icount, instructionsPerSecond: ips, blocksInCache: e.cache.size, counters: { ...e.stats } });
  }

  // ---- state ----

  /** The call stack of the (only) hart, innermost first. */
  stack(max = 64): UnwoundFrame[] {
    const t = this.target;
    return unwindStack({
      read32: t.read32,
      symbols: t.symbols,
      cfi: t.debugInfo.empty ? undefined : (pc, regs, ra) => t.debugInfo.unwind(pc, regs, t.read32, ra),
    }, t.hart.x, max);
  }
}
