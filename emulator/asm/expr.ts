/**
 * Expressions, parsed with GNU as's operator precedence (which is not C's: `<<` binds tighter than
 * `+`, and `&` `|` `^` sit between them), all binary operators left-associative.
 */
import { LexError, Token } from './tokens';

export type RelocOp = '%hi' | '%lo' | '%pcrel_hi' | '%pcrel_lo';
export const RELOC_OPS: readonly RelocOp[] = ['%hi', '%lo', '%pcrel_hi', '%pcrel_lo'];

interface Node {
  /** Token offsets in the statement text. */
  readonly start: number;
  readonly end: number;
}

export type Expr =
  | Node & { readonly kind: 'num'; readonly value: bigint }
  | Node & { readonly kind: 'sym'; readonly name: string }
  | Node & { readonly kind: 'local'; readonly label: number; readonly dir: 'b' | 'f' }
  | Node & { readonly kind: 'dot' }
  | Node & { readonly kind: 'unary'; readonly op: string; readonly arg: Expr }
  | Node & { readonly kind: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr }
  | Node & { readonly kind: 'reloc'; readonly op: RelocOp; readonly arg: Expr };

/** Binary operators by precedence level, lowest first (the GNU as manual's table). */
const LEVELS: readonly (readonly string[])[] = [
  ['&&', '||'],
  ['+', '-', '==', '!=', '<>', '<', '>', '<=', '>='],
  ['|', '&', '^', '!'],
  ['*', '/', '%', '<<', '>>'],
];

const UNARY = new Set(['-', '~', '!', '+']);

export class ExprParser {
  private i = 0;

  constructor(private readonly tokens: readonly Token[], private readonly what = 'expression') {}

  /** Parses the whole token list as one expression. */
  static parse(tokens: readonly Token[], what?: string): Expr {
    const p = new ExprParser(tokens, what);
    const e = p.expression();
    p.expectEnd();
    return e;
  }

  get atEnd(): boolean {
    return this.i >= this.tokens.length;
  }

  peek(): Token | undefined {
    return this.tokens[this.i];
  }

  next(): Token | undefined {
    return this.tokens[this.i++];
  }

  expectEnd(): void {
    const t = this.peek();
    if (t !== undefined) throw new LexError(t.start, t.end, `unexpected \`${t.text}\` after the ${this.what}`);
  }

  expression(level = 0): Expr {
    if (level === LEVELS.length) return this.unary();
    let left = this.expression(level + 1);
    for (;;) {
      const t = this.peek();
      if (t === undefined || t.kind !== 'punct' || !LEVELS[level].includes(t.text)) return left;
      this.i++;
      const right = this.expression(level + 1);
      left = { kind: 'binary', op: t.text, left, right, start: left.start, end: right.end };
    }
  }

  private unary(): Expr {
    const t = this.peek();
    if (t !== undefined && t.kind === 'punct' && UNARY.has(t.text)) {
      this.i++;
      const arg = this.unary();
      return { kind: 'unary', op: t.text, arg, start: t.start, end: arg.end };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.next();
    if (t === undefined) {
      const last = this.tokens[this.tokens.length - 1];
      const at = last?.end ?? 0;
      throw new LexError(at, at + 1, `missing ${this.what}`);
    }
    switch (t.kind) {
      case 'number':
        return { kind: 'num', value: t.big!, start: t.start, end: t.end };
      case 'char':
        return { kind: 'num', value: BigInt(t.value!), start: t.start, end: t.end };
      case 'localref':
        return { kind: 'local', label: t.value!, dir: t.dir!, start: t.start, end: t.end };
      case 'ident':
        return t.text === '.' ? { kind: 'dot', start: t.start, end: t.end } : { kind: 'sym', name: t.text, start: t.start, end: t.end };
      case 'reloc': {
        const op = t.text as RelocOp;
        if (!RELOC_OPS.includes(op)) {
          throw new LexError(t.start, t.end, `unknown relocation operator \`${t.text}\` (expected ${RELOC_OPS.join(', ')})`);
        }
        const open = this.next();
        if (open === undefined || open.text !== '(') throw new LexError(t.start, t.end, `\`${t.text}\` must be followed by \`(\``);
        const arg = this.expression();
        const close = this.next();
        if (close === undefined || close.text !== ')') throw new LexError(open.start, arg.end, `missing \`)\` after \`${t.text}(\``);
        return { kind: 'reloc', op, arg, start: t.start, end: close.end };
      }
      case 'punct':
        if (t.text === '(') {
          const inner = this.expression();
          const close = this.next();
          if (close === undefined || close.text !== ')') throw new LexError(t.start, inner.end, 'missing `)`');
          return { ...inner, start: t.start, end: close.end };
        }
        throw new LexError(t.start, t.end, `expected a ${this.what}, found \`${t.text}\``);
      case 'string':
        throw new LexError(t.start, t.end, `expected a ${this.what}, found a string`);
    }
  }
}

/** Whether an expression uses a relocation operator anywhere. */
export function hasReloc(e: Expr): boolean {
  switch (e.kind) {
    case 'reloc': return true;
    case 'unary': return hasReloc(e.arg);
    case 'binary': return hasReloc(e.left) || hasReloc(e.right);
    default: return false;
  }
}
