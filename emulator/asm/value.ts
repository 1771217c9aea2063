/**
 * Values of expressions: a constant plus a linear combination of symbols (`label + 4`,
 * `end - start`). Arithmetic is GNU as's: 64-bit signed, truncating division, comparisons giving -1
 * for true. Anything beyond adding and subtracting symbols needs constants.
 */
import type { Frag, SectionBuilder } from './object';
import type { Span } from './diagnostics';

export type Binding = 'local' | 'global' | 'weak';
export type SymbolType = 'notype' | 'func' | 'object';

export type SymbolDef =
  | { readonly kind: 'label'; readonly section: SectionBuilder; readonly frag: Frag; readonly offset: number; readonly at: Span }
  | { readonly kind: 'equ'; readonly value: Value; readonly at: Span };

export interface SymbolRecord {
  readonly name: string;
  def?: SymbolDef;
  binding: Binding;
  type: SymbolType;
  /** `.size`: evaluated once labels have addresses. */
  size?: { readonly value: Value; readonly at: Span };
  /** Where it was first used, for "undefined label" messages. */
  firstUse?: Span;
  /** `.L…` and numeric local labels: kept out of the symbol table, as GNU as does. */
  readonly hidden: boolean;
  /** Set for symbols made by `.set`, which may be redefined. */
  redefinable?: boolean;
}

export interface Term {
  readonly sym: SymbolRecord;
  readonly coeff: number;
}

export interface Value {
  readonly add: bigint;
  readonly terms: readonly Term[];
}

export const constant = (n: bigint | number): Value => ({ add: BigInt(n), terms: [] });

export function isConstant(v: Value): boolean {
  return v.terms.length === 0;
}

export function wrap64(n: bigint): bigint {
  return BigInt.asIntN(64, n);
}

/** a + k·b, cancelling terms that meet. */
export function combine(a: Value, b: Value, k: 1 | -1): Value {
  const terms = new Map<SymbolRecord, number>();
  for (const t of a.terms) terms.set(t.sym, (terms.get(t.sym) ?? 0) + t.coeff);
  for (const t of b.terms) terms.set(t.sym, (terms.get(t.sym) ?? 0) + k * t.coeff);
  return {
    add: wrap64(a.add + BigInt(k) * b.add),
    terms: [...terms].filter(([, c]) => c !== 0).map(([sym, coeff]) => ({ sym, coeff })),
  };
}

/** The single symbol of `sym + constant`, if the value has that shape. */
export function singleSymbol(v: Value): SymbolRecord | undefined {
  return v.terms.length === 1 && v.terms[0].coeff === 1 ? v.terms[0].sym : undefined;
}

const truth = (b: boolean): bigint => (b ? -1n : 0n);

/** Operators on two constants. Division by zero is reported by the caller (it returns undefined). */
export const CONSTANT_OPS: Readonly<Record<string, (a: bigint, b: bigint) => bigint | undefined>> = {
  '*': (a, b) => a * b,
  '/': (a, b) => (b === 0n ? undefined : a / b),
  '%': (a, b) => (b === 0n ? undefined : a % b),
  '<<': (a, b) => (b >= 64n || b < 0n ? 0n : a << b),
  '>>': (a, b) => (b >= 64n || b < 0n ? (a < 0n ? -1n : 0n) : a >> b),
  '|': (a, b) => a | b,
  '&': (a, b) => a & b,
  '^': (a, b) => a ^ b,
  '!': (a, b) => a | ~b,
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '==': (a, b) => truth(a === b),
  '!=': (a, b) => truth(a !== b),
  '<>': (a, b) => truth(a !== b),
  '<': (a, b) => truth(a < b),
  '>': (a, b) => truth(a > b),
  '<=': (a, b) => truth(a <= b),
  '>=': (a, b) => truth(a >= b),
  '&&': (a, b) => (a !== 0n && b !== 0n ? 1n : 0n),
  '||': (a, b) => (a !== 0n || b !== 0n ? 1n : 0n),
};

export const UNARY_OPS: Readonly<Record<string, (a: bigint) => bigint>> = {
  '-': (a) => -a,
  '+': (a) => a,
  '~': (a) => ~a,
  '!': (a) => (a === 0n ? 1n : 0n),
};
