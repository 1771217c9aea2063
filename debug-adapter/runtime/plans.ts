/**
 * What the guest does until the next stop: run freely, run to a temporary breakpoint, step one
 * instruction, or step by source line. A plan advances in bounded pieces (until a deadline) so the
 * runtime can interleave it with protocol traffic and pause it at any point.
 */
import { isAssemblySource } from '../../emulator/asm/program';
import type { Decoded } from '../../emulator/isa/types';
import type { SourceLocation } from '../../emulator/debug/debug-info-api';
import { Executor, Progress, RUNNING, TempBreakpoint } from './executor';
import type { StopInfo } from './stop-info';

export interface Plan {
  /** Works until `deadline` (performance.now() ms) or until something other than 'running' happens. */
  advance(x: Executor, deadline: number): Progress;
}

/** jal/jalr that link (rd = ra, or t0 for millicode calls): a call whose return lands after it. */
export function isCall(d: Decoded): boolean {
  return (d.mnemonic === 'jal' || d.mnemonic === 'jalr') && (d.rd === 1 || d.rd === 5);
}

const stopped = (stop: StopInfo): Progress => ({ kind: 'stop', stop });

/** Runs until a temporary breakpoint (reported with `reason`) or anything else that stops. */
export class RunPlan implements Plan {
  constructor(private readonly temps: readonly TempBreakpoint[] = [], private readonly reason: StopInfo['reason'] = 'step') {}

  advance(x: Executor, deadline: number): Progress {
    for (;;) {
      const p = x.run(this.temps);
      if (p.kind === 'temp') return stopped({ reason: this.reason });
      if (p.kind !== 'running' || performance.now() >= deadline) return p;
    }
  }
}

/** One instruction; a call is run through at full speed when `over`. */
export class InstructionStepPlan implements Plan {
  private through: RunPlan | null = null;
  constructor(private readonly over: boolean) {}

  advance(x: Executor, deadline: number): Progress {
    if (this.through === null) {
      const d = x.decodeAt(x.pc);
      if (this.over && d !== null && isCall(d)) {
        this.through = new RunPlan([{ pc: (x.pc + d.len) >>> 0, minSp: x.sp }]);
      } else {
        const p = x.step();
        return p.kind === 'running' ? stopped(x.userBreakpointStop() ?? { reason: 'step' }) : p;
      }
    }
    return this.through.advance(x, deadline);
  }
}

/**
 * Source-line stepping (`in` enters calls that have line information, `over` runs calls through): single
 * steps until pc begins a statement of another line, or of the same line in another frame; calls are
 * run at full speed to their return address with the caller's sp. Stepping into a function stops after
 * its prologue, at the start of its second line, as GDB does; into assembly source, where each line is
 * one instruction and there is no prologue to skip, at its first instruction.
 */
export class LineStepPlan implements Plan {
  private through: TempBreakpoint[] | null = null;
  private start: SourceLocation;
  private startSp: number;

  constructor(x: Executor, start: SourceLocation, private readonly mode: 'in' | 'over') {
    this.start = start;
    this.startSp = x.sp;
  }

  advance(x: Executor, deadline: number): Progress {
    const lines = x.target.debugInfo;
    for (;;) {
      if (this.through !== null) {
        const p = x.run(this.through);
        if (p.kind === 'running' && performance.now() < deadline) continue;
        if (p.kind !== 'temp') return p;
        this.through = null;
      } else {
        const pc = x.pc;
        const sp = x.sp;
        const d = x.decodeAt(pc);
        const call = d !== null && isCall(d);
        const back = { pc: (pc + (d?.len ?? 4)) >>> 0, minSp: sp };
        if (call && this.mode === 'over') {
          this.through = [back];
          continue;
        }
        const p = x.step();
        if (p.kind !== 'running') return p;
        if (call) {
          const entry = lines.locate(x.pc);
          // Stepped into a function without line information: run it through.
          if (entry === undefined) {
            this.through = [back];
            continue;
          }
          if (isAssemblySource(entry.file)) return stopped({ reason: 'step' });
          // Into one with lines: step on past its prologue (its first line), to its first statement.
          this.start = entry;
          this.startSp = x.sp;
          continue;
        }
        const bp = x.userBreakpointStop();
        if (bp !== undefined) return stopped(bp);
      }
      if (this.arrived(x)) return stopped({ reason: 'step' });
      if (performance.now() >= deadline) return RUNNING;
    }
  }

  private arrived(x: Executor): boolean {
    const lines = x.target.debugInfo;
    const pc = x.pc;
    const loc = lines.locate(pc);
    // Returned into code without line information: nothing better to step to.
    if (loc === undefined) return x.sp > this.startSp;
    if (!lines.isStatementStart(pc)) return false;
    return loc.line !== this.start.line || loc.file !== this.start.file || x.sp !== this.startSp;
  }
}
