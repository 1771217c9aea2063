/**
 * Call frame information from .debug_frame and .eh_frame, for unwinding: find the FDE covering a
 * pc, evaluate its rows (once per FDE, cached), and apply the row's rules to a frame's registers.
 * Where both sections describe a pc, .debug_frame wins (it is what -g adds; .eh_frame may be
 * trimmed to what exception handling needs).
 */
import type { CallFrameInfo, UnwindOptions } from './debug-info-api';
import type { CfaRule, RegRule } from './dwarf-cfi-ops';
import type { Fde } from './dwarf-cfi-parse';
import { buildRows, CfiRow, initialState } from './dwarf-cfi-rows';
import { evaluate, ExprContext } from './dwarf-expr';

const PC = 32;
const SP = 2;
const GPRS = 32;

export class DwarfFrames implements CallFrameInfo {
  /** One list per section, by priority, each sorted by start address. */
  private readonly tables: readonly Fde[][];
  private readonly rows = new Map<Fde, CfiRow[]>();

  /**
   * `sections`: each section's FDEs, highest priority first. FDEs that cover nothing or start
   * outside loaded code (discarded by the linker, left at address 0) are dropped. Problems found
   * while evaluating an FDE's rows (on first use) go to `warn`.
   */
  constructor(sections: readonly (readonly Fde[])[], isLoaded: (addr: number) => boolean, private readonly warn: (w: string) => void) {
    this.tables = sections.map((fdes) => fdes.filter((f) => f.end > f.start && isLoaded(f.start)).sort((a, b) => a.start - b.start));
  }

  /** All FDEs kept, by section priority then address. */
  fdes(): Fde[] {
    return this.tables.flat();
  }

  /** The FDE covering `pc`, if any. */
  fdeAt(pc: number): Fde | undefined {
    pc >>>= 0;
    for (const t of this.tables) {
      let lo = 0;
      let hi = t.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (t[mid].start <= pc) lo = mid + 1;
        else hi = mid;
      }
      const f = t[lo - 1];
      if (f !== undefined && pc < f.end) return f;
    }
    return undefined;
  }

  /**
   * Whether the frame at `pc` is a signal trampoline (CIE augmentation 'S'): the pc unwinding it
   * gives is where the signal interrupted, exact, not a return address.
   */
  isSignalFrame(pc: number, options?: UnwindOptions): boolean {
    return this.fdeAt(options?.returnAddress ? pc - 1 : pc)?.cie.signalFrame ?? false;
  }

  /** The CFI row that applies at `pc`, with the FDE it belongs to. */
  rowAt(pc: number): { fde: Fde; row: CfiRow } | undefined {
    const fde = this.fdeAt(pc);
    return fde === undefined ? undefined : { fde, row: this.rowIn(fde, pc) };
  }

  /** The row of `fde` that applies at `pc` (its first row for a pc before the FDE). */
  rowIn(fde: Fde, pc: number): CfiRow {
    const rows = this.rowsOf(fde);
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rows[mid].loc <= pc >>> 0) lo = mid + 1;
      else hi = mid;
    }
    return rows[Math.max(lo - 1, 0)];
  }

  /** The rows of `fde`, evaluated on first use. */
  rowsOf(fde: Fde): CfiRow[] {
    let rows = this.rows.get(fde);
    if (rows === undefined) {
      const problem = (p: string) => this.warn(`${fde.section} FDE at 0x${fde.offset.toString(16)}: ${p}`);
      rows = buildRows(initialState(fde.cie.initial, problem), fde.ops, fde.start, problem);
      this.rows.set(fde, rows);
    }
    return rows;
  }

  unwind(pc: number, regs: Int32Array, read32: (addr: number) => number | undefined, options?: UnwindOptions): Int32Array | undefined {
    // A return address may be just past the function (a call to a noreturn function ends it): look
    // up the call instruction instead.
    const found = this.rowAt(options?.returnAddress ? pc - 1 : pc);
    if (found === undefined) return undefined;
    const { fde, row } = found;
    const ctx: ExprContext = { regs, read32 };
    const cfa = cfaValue(row.cfa, ctx);
    if (cfa === undefined) return undefined;

    const out = new Int32Array(PC + 1);
    out.set(regs.subarray(0, PC + 1));
    out[SP] = cfa;
    for (const [reg, rule] of row.regs) {
      if (reg >= GPRS || reg === 0) continue;
      const v = ruleValue(rule, reg, cfa, ctx);
      if (v !== undefined) out[reg] = v;
    }
    const raReg = fde.cie.raReg;
    const raRule = row.regs.get(raReg);
    // No rule for the return address column: the function keeps it in place (a leaf keeps ra).
    const ra = raRule === undefined ? (raReg < GPRS ? regs[raReg] : undefined) : ruleValue(raRule, raReg, cfa, ctx);
    if (ra === undefined) return undefined;
    out[PC] = ra;
    return out;
  }
}

function cfaValue(rule: CfaRule | undefined, ctx: ExprContext): number | undefined {
  if (rule === undefined) return undefined;
  if (rule.kind === 'expression') return evaluate(rule.expr, ctx);
  if (rule.reg >= GPRS) return undefined;
  return (ctx.regs[rule.reg] + rule.offset) | 0;
}

type RuleValue<K extends RegRule['kind']> = (rule: Extract<RegRule, { kind: K }>, reg: number, cfa: number, ctx: ExprContext) => number | undefined;

/** The caller's value of a register under each kind of rule (as an int32); undefined: cannot be known. */
const RULE_VALUE: { [K in RegRule['kind']]: RuleValue<K> } = {
  undefined: () => undefined,
  same: (_r, reg, _cfa, ctx) => (reg < GPRS ? ctx.regs[reg] : undefined),
  offset: (r, _reg, cfa, ctx) => signed(ctx.read32((cfa + r.offset) >>> 0)),
  valOffset: (r, _reg, cfa) => (cfa + r.offset) | 0,
  register: (r, _reg, _cfa, ctx) => (r.reg < GPRS ? ctx.regs[r.reg] : undefined),
  expression: (r, _reg, cfa, ctx) => {
    const addr = evaluate(r.expr, ctx, [cfa >>> 0]);
    return addr === undefined ? undefined : signed(ctx.read32(addr));
  },
  valExpression: (r, _reg, cfa, ctx) => signed(evaluate(r.expr, ctx, [cfa >>> 0])),
};

function ruleValue(rule: RegRule, reg: number, cfa: number, ctx: ExprContext): number | undefined {
  return (RULE_VALUE[rule.kind] as RuleValue<RegRule['kind']>)(rule, reg, cfa, ctx);
}

function signed(v: number | undefined): number | undefined {
  return v === undefined ? undefined : v | 0;
}
