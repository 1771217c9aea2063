/**
 * The user's breakpoints at code addresses, in groups that each DAP request replaces whole (one group
 * per source file, one for functions, one for instructions), and the decision, when execution reaches
 * one, whether to stop, log, or go on.
 */
import { HitTest } from '../../emulator/debug/breakpoint-rules';

export type BreakpointKind = 'source' | 'function' | 'instruction';

export interface CodeBreakpoint {
  readonly id: number;
  readonly pc: number;
  readonly kind: BreakpointKind;
  readonly condition?: string;
  readonly hit?: HitTest;
  readonly logMessage?: string;
}

/** What reaching a pc with breakpoints amounts to. */
export interface BreakpointVerdict {
  /** The breakpoints that stop here (conditions true, hit counts reached), by id. */
  readonly stopIds: number[];
  /** The kind reported for the stop (the first stopping breakpoint's). */
  readonly kind?: BreakpointKind;
  /** Log point output, one line each. */
  readonly logs: string[];
  /** A condition that could not be evaluated: the stop reports it (as GDB does, it stops). */
  readonly errors: string[];
}

export class CodeBreakpoints {
  private readonly groups = new Map<string, CodeBreakpoint[]>();
  private byPc = new Map<number, CodeBreakpoint[]>();
  /** Hits by breakpoint id: a source line can have several addresses, all counting as one breakpoint. */
  private readonly hits = new Map<number, number>();

  /** Replaces a group (`source:<path>`, `function`, `instruction`). */
  replace(group: string, list: CodeBreakpoint[]): void {
    if (list.length === 0) this.groups.delete(group);
    else this.groups.set(group, list);
    this.byPc = new Map();
    const live = new Set([...this.groups.values()].flat().map((b) => b.id));
    for (const id of this.hits.keys()) if (!live.has(id)) this.hits.delete(id);
    for (const bps of this.groups.values()) {
      for (const bp of bps) {
        const at = this.byPc.get(bp.pc);
        if (at) at.push(bp);
        else this.byPc.set(bp.pc, [bp]);
      }
    }
  }

  /** Gives breakpoints other ids (a reloaded program's keep the ids the client knows). */
  renumber(ids: ReadonlyMap<number, number>): void {
    for (const [group, list] of [...this.groups]) this.replace(group, list.map((b) => ({ ...b, id: ids.get(b.id) ?? b.id })));
  }

  pcs(): number[] {
    return [...this.byPc.keys()];
  }

  has(pc: number): boolean {
    return this.byPc.has(pc >>> 0);
  }

  /**
   * Counts a hit of every breakpoint at pc whose condition holds and decides. `evaluate` returns an
   * expression's value (throws with a message when it cannot); `log` formats a log point's message.
   */
  reach(pc: number, evaluate: (expr: string) => number, log: (template: string) => string): BreakpointVerdict {
    const stopIds: number[] = [];
    const logs: string[] = [];
    const errors: string[] = [];
    let kind: BreakpointKind | undefined;
    for (const bp of this.byPc.get(pc >>> 0) ?? []) {
      if (bp.condition !== undefined && bp.condition.trim() !== '') {
        let ok: boolean;
        try {
          ok = evaluate(bp.condition) !== 0;
        } catch (e) {
          errors.push(`breakpoint condition "${bp.condition}": ${(e as Error).message}`);
          stopIds.push(bp.id);
          kind ??= bp.kind;
          continue;
        }
        if (!ok) continue;
      }
      const hits = (this.hits.get(bp.id) ?? 0) + 1;
      this.hits.set(bp.id, hits);
      if (bp.hit !== undefined && !bp.hit(hits)) continue;
      if (bp.logMessage !== undefined) {
        logs.push(log(bp.logMessage));
        continue;
      }
      stopIds.push(bp.id);
      kind ??= bp.kind;
    }
    return { stopIds, kind, logs, errors };
  }

  /** Hit counts start again (system reset). */
  resetHits(): void {
    this.hits.clear();
  }
}
