/**
 * Evaluating expressions to values while a file is being assembled. Symbols defined by `.equ` with a
 * constant are substituted at once; labels stay symbolic until the linker gives them addresses.
 */
import { Expr } from './expr';
import { LexError } from './tokens';
import { CONSTANT_OPS, SymbolRecord, UNARY_OPS, Value, combine, constant, isConstant, wrap64 } from './value';

/** What an expression can refer to while assembling. */
export interface EvalScope {
  /** The symbol named `name` (created, undefined, on first mention). */
  symbol(name: string, start: number, end: number): SymbolRecord;
  /** The numeric local label `label` before (`b`) or after (`f`) this point. */
  localLabel(label: number, dir: 'b' | 'f', start: number, end: number): SymbolRecord;
  /** A label at the current location (`.`). */
  dot(): SymbolRecord;
}

function symbolValue(sym: SymbolRecord): Value {
  if (sym.def?.kind === 'equ') return sym.def.value;
  return { add: 0n, terms: [{ sym, coeff: 1 }] };
}

export function evaluate(e: Expr, scope: EvalScope): Value {
  switch (e.kind) {
    case 'num': return constant(e.value);
    case 'sym': return symbolValue(scope.symbol(e.name, e.start, e.end));
    case 'local': return symbolValue(scope.localLabel(e.label, e.dir, e.start, e.end));
    case 'dot': return symbolValue(scope.dot());
    case 'reloc':
      throw new LexError(e.start, e.end, `\`${e.op}(...)\` can only be a whole operand of an instruction, not part of an expression`);
    case 'unary': {
      const v = evaluate(e.arg, scope);
      if (e.op === '+') return v;
      if (e.op === '-' && !isConstant(v)) return combine(constant(0), v, -1);
      if (!isConstant(v)) throw new LexError(e.start, e.end, `\`${e.op}\` needs a constant, but this refers to a label`);
      return constant(wrap64(UNARY_OPS[e.op](v.add)));
    }
    case 'binary': {
      const a = evaluate(e.left, scope);
      const b = evaluate(e.right, scope);
      if (e.op === '+') return combine(a, b, 1);
      if (e.op === '-') return combine(a, b, -1);
      if (!isConstant(a) || !isConstant(b)) {
        throw new LexError(e.start, e.end, `\`${e.op}\` needs constants on both sides, but this refers to a label whose address is not known yet`);
      }
      const r = CONSTANT_OPS[e.op](a.add, b.add);
      if (r === undefined) throw new LexError(e.right.start, e.right.end, 'division by zero');
      return constant(wrap64(r));
    }
  }
}
