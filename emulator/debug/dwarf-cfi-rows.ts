/**
 * Executes decoded call frame instructions into the rows of the CFI table (DWARF 5 section 6.4.3):
 * from each row's location to the next, the CFA rule and every register's rule. A register with no
 * rule is one the function leaves alone (unwinders treat it as same-value).
 */
import type { CfaOp, CfaRule, RegRule } from './dwarf-cfi-ops';

export interface CfiRow {
  readonly loc: number;
  /** Undefined until the instructions define one (malformed CFI). */
  readonly cfa: CfaRule | undefined;
  readonly regs: ReadonlyMap<number, RegRule>;
}

interface State {
  cfa: CfaRule | undefined;
  regs: Map<number, RegRule>;
}

type Effect<K extends CfaOp['op']> = (s: State, op: Extract<CfaOp, { op: K }>, ctx: Context) => void;

interface Context {
  /** The rules after the CIE's initial instructions (what DW_CFA_restore goes back to). */
  readonly initial: ReadonlyMap<number, RegRule>;
  readonly stack: State[];
  readonly problem: (p: string) => void;
}

const EFFECTS: { [K in CfaOp['op']]: Effect<K> } = {
  advance: () => {}, // handled by the caller: it ends a row
  cfa: (s, op, ctx) => {
    const cur = s.cfa?.kind === 'regOffset' ? s.cfa : undefined;
    const reg = op.reg ?? cur?.reg;
    if (reg === undefined) return ctx.problem('DW_CFA_def_cfa_offset without a CFA register');
    s.cfa = { kind: 'regOffset', reg, offset: op.offset ?? cur?.offset ?? 0 };
  },
  cfaExpr: (s, op) => { s.cfa = { kind: 'expression', expr: op.expr }; },
  set: (s, op) => { s.regs.set(op.reg, op.rule); },
  restore: (s, op, ctx) => {
    const rule = ctx.initial.get(op.reg);
    if (rule === undefined) s.regs.delete(op.reg);
    else s.regs.set(op.reg, rule);
  },
  // The CFA is saved with the register rules: that is what assemblers' .cfi_remember_state expects.
  remember: (s, _op, ctx) => { ctx.stack.push({ cfa: s.cfa, regs: new Map(s.regs) }); },
  restoreState: (s, _op, ctx) => {
    const saved = ctx.stack.pop();
    if (saved === undefined) return ctx.problem('DW_CFA_restore_state without a remembered state');
    s.cfa = saved.cfa;
    s.regs = saved.regs;
  },
};

function apply(s: State, op: CfaOp, ctx: Context): void {
  (EFFECTS[op.op] as Effect<CfaOp['op']>)(s, op, ctx);
}

/** The state the CIE's initial instructions set up (advances there are ignored). */
export function initialState(cieOps: readonly CfaOp[], problem: (p: string) => void): CfiRow {
  const s: State = { cfa: undefined, regs: new Map() };
  const ctx: Context = { initial: new Map(), stack: [], problem };
  for (const op of cieOps) apply(s, op, ctx);
  return { loc: 0, cfa: s.cfa, regs: s.regs };
}

/**
 * The rows of an FDE starting at `start`, in address order; each applies up to the next one's loc
 * (the last up to the FDE's end). Advances that do not move forward start no row.
 */
export function buildRows(init: CfiRow, fdeOps: readonly CfaOp[], start: number, problem: (p: string) => void): CfiRow[] {
  const s: State = { cfa: init.cfa, regs: new Map(init.regs) };
  const ctx: Context = { initial: init.regs, stack: [], problem };
  const rows: CfiRow[] = [];
  let loc = start;
  for (const op of fdeOps) {
    if (op.op !== 'advance') {
      apply(s, op, ctx);
      continue;
    }
    if (op.to < loc) problem(`location moves back from 0x${loc.toString(16)} to 0x${op.to.toString(16)}`);
    if (op.to <= loc) continue;
    rows.push({ loc, cfa: s.cfa, regs: new Map(s.regs) });
    loc = op.to;
  }
  rows.push({ loc, cfa: s.cfa, regs: s.regs });
  return rows;
}
