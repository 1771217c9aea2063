/**
 * Conditional assembly, as GNU as has it: `.if expr` (and `.ifeq/.ifne/.ifgt/.ifge/.iflt/.ifle`),
 * `.ifdef/.ifndef/.ifnotdef sym`, `.ifb/.ifnb text`, `.ifc/.ifnc a, b`, `.ifeqs/.ifnes "a", "b"`,
 * `.elseif expr`, `.else`, `.endif`; and `.error`/`.warning "message"`. A condition is decided where
 * it stands, with the symbols defined above it (as GNU's single pass does): an expression may use
 * numbers and `.equ`/`.set` constants; `.ifdef` asks whether a label or constant exists yet.
 */
import { Diagnostics, Span } from './diagnostics';
import { BranchStack } from './branch-stack';
import { Expr, ExprParser } from './expr';
import { LexError, tokenize } from './tokens';
import { CONSTANT_OPS, UNARY_OPS, wrap64 } from './value';

/** What a condition can ask of the assembler about the symbols defined so far. */
export interface ConditionScope {
  /** The value of a constant symbol (`.equ`/`.set` of a number), else undefined. */
  constantValue(name: string): bigint | undefined;
  /** Whether a label or constant of this name has been defined. */
  isDefined(name: string): boolean;
}

type Test = (scope: ConditionScope | undefined, rest: string) => boolean;

const num = (cmp: (v: bigint) => boolean): Test => (scope, rest) => cmp(evaluateConstant(rest, scope));
const symbolName = (rest: string): string => {
  const name = rest.trim();
  if (!/^[A-Za-z_.$][\w.$]*$/.test(name)) throw new Error(`expected a symbol name, not \`${name}\``);
  return name;
};
const defined: Test = (scope, rest) => scope?.isDefined(symbolName(rest)) ?? false;
const blank: Test = (_scope, rest) => rest.trim() === '';
const sameText: Test = (_scope, rest) => {
  const [a, b] = twoParts(rest, false);
  return a === b;
};
const sameString: Test = (_scope, rest) => {
  const [a, b] = twoParts(rest, true);
  return a === b;
};

/** Every opening directive and what makes it true. */
const OPENERS: Readonly<Record<string, Test>> = {
  '.if': num((v) => v !== 0n),
  '.ifne': num((v) => v !== 0n),
  '.ifeq': num((v) => v === 0n),
  '.ifgt': num((v) => v > 0n),
  '.ifge': num((v) => v >= 0n),
  '.iflt': num((v) => v < 0n),
  '.ifle': num((v) => v <= 0n),
  '.ifdef': defined,
  '.ifndef': (s, r) => !defined(s, r),
  '.ifnotdef': (s, r) => !defined(s, r),
  '.ifb': blank,
  '.ifnb': (s, r) => !blank(s, r),
  '.ifc': sameText,
  '.ifnc': (s, r) => !sameText(s, r),
  '.ifeqs': sameString,
  '.ifnes': (s, r) => !sameString(s, r),
};

/** Every directive this module handles (the language server lists them too). */
export const CONDITIONAL_DIRECTIVES: readonly string[] = [...Object.keys(OPENERS), '.elseif', '.else', '.endif', '.error', '.warning', '.err'];

/** Whether the preprocessor hands this directive here. */
export function isConditional(directive: string): boolean {
  return CONDITIONAL_DIRECTIVES.includes(directive);
}

/** `a, b` compared as GNU's .ifc does (blanks around each trimmed; 'quoted' text taken as is), or two "strings". */
function twoParts(rest: string, quoted: boolean): [string, string] {
  const m = quoted ? /^\s*"((?:[^"\\]|\\.)*)"\s*,\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(rest) : /^([^,]*),(.*)$/.exec(rest);
  if (m === null) throw new Error(quoted ? 'expected two strings: "a", "b"' : 'expected two pieces of text separated by a comma');
  const unquote = (s: string) => (quoted ? s : s.trim().replace(/^'(.*)'$/, '$1'));
  return [unquote(m[1]), unquote(m[2])];
}

/** A constant expression: numbers, operators, and symbols defined above as constants. */
export function evaluateConstant(text: string, scope: ConditionScope | undefined, what = 'a condition'): bigint {
  if (text.trim() === '') throw new Error('expected an expression');
  const fold = (e: Expr): bigint => {
    switch (e.kind) {
      case 'num': return e.value;
      case 'sym': {
        const v = scope?.constantValue(e.name);
        if (v === undefined) {
          const why = scope?.isDefined(e.name) ? 'is a label, not a constant' : 'is not defined above this line';
          throw new LexError(e.start, e.end, `\`${e.name}\` ${why}: ${what} needs a value known here`);
        }
        return v;
      }
      case 'unary': {
        const a = fold(e.arg);
        return e.op === '+' ? a : wrap64(UNARY_OPS[e.op](a));
      }
      case 'binary': {
        const r = CONSTANT_OPS[e.op](fold(e.left), fold(e.right));
        if (r === undefined) throw new LexError(e.right.start, e.right.end, 'division by zero');
        return wrap64(r);
      }
      default:
        throw new LexError(e.start, e.end, `${what} needs a value known here (numbers and constants)`);
    }
  };
  return fold(ExprParser.parse(tokenize(text), 'condition'));
}

/** One file's or one expansion's conditionals. */
export class Conditions {
  private readonly branches: BranchStack;

  constructor(private readonly diags: Diagnostics, private readonly scope: () => ConditionScope | undefined) {
    this.branches = new BranchStack(diags, '.');
  }

  /** Whether lines here are assembled. */
  get active(): boolean {
    return this.branches.active;
  }

  /**
   * Handles a conditional directive (true), or says it is none (false). `.error`/`.warning` only
   * count where lines are assembled.
   */
  handle(directive: string, rest: string, at: Span): boolean {
    const open = OPENERS[directive];
    if (open !== undefined) {
      this.branches.open(directive, at, () => this.decide(open, rest, at, directive));
      return true;
    }
    if (directive === '.elseif') {
      this.branches.next(directive, at, () => this.decide(OPENERS['.if'], rest, at, directive));
      return true;
    }
    if (directive === '.else' || directive === '.endif') {
      this.branches.next(directive, at);
      return true;
    }
    if (directive === '.error' || directive === '.warning' || directive === '.err') {
      if (!this.active) return true;
      const m = /^\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(rest);
      const message = directive === '.err' ? '`.err` encountered' : m !== null ? m[1] : rest.trim() === '' ? `\`${directive}\` encountered` : rest.trim();
      if (directive === '.warning') this.diags.warning(at, message);
      else this.diags.error(at, message);
      return true;
    }
    return false;
  }

  /** At the end of the file or expansion: every conditional still open is an error. */
  finish(): void {
    this.branches.finish();
  }

  private decide(test: Test, rest: string, at: Span, directive: string): boolean {
    try {
      return test(this.scope(), rest);
    } catch (e) {
      this.diags.error(at, `\`${directive}\`: ${(e as Error).message}`);
      return false;
    }
  }
}
