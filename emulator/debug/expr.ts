/**
 * C-like expressions for the debug console, watch expressions, breakpoint conditions and log points:
 * registers (`a0`, `x10`, `$pc`, `$mstatus`), symbols (their addresses), numbers, casts, `*` and `&`,
 * `[]`, the C operators with C precedence, and assignment to registers and memory (`a0 = 5`,
 * `*(uint8_t *)buf = 0x41`). Values are 32-bit, as on RV32.
 *
 * Parsing and evaluation are one recursive descent over tokens (precedence climbing for binaries);
 * everything the expression touches goes through ExprEnv, so this module knows nothing of the emulator.
 */
import { ADDRESS, BASE_TYPES, CType, INT, UINT, normalise, pointerTo, stride } from './c-types';

export interface ExprEnv {
  /** A register or CSR value by name (`a0`, `x10`, `pc`, `mstatus`), or undefined if no such name. */
  register(name: string): number | undefined;
  /** Writes a register or CSR; false when the name cannot be written. */
  setRegister(name: string, value: number): boolean;
  symbol(name: string): number | undefined;
  /** Guest memory (virtual addresses, as the program sees them); undefined when unreadable. */
  read(addr: number, size: 1 | 2 | 4): number | undefined;
  write(addr: number, size: 1 | 2 | 4, value: number): boolean;
}

/** What an expression named, so callers can watch it or write it (data breakpoints, setExpression). */
export type Place =
  | { readonly kind: 'register'; readonly name: string }
  | { readonly kind: 'memory'; readonly addr: number; readonly size: 1 | 2 | 4 };

export interface ExprValue {
  readonly value: number;
  readonly type: CType;
  readonly place?: Place;
}

export class ExprError extends Error {}

type Tok = { readonly kind: 'num' | 'id' | 'op' | 'end'; readonly text: string; readonly pos: number; readonly value?: number };

const OPERATORS = ['<<=', '>>=', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+', '-', '*', '/', '%', '&', '|', '^',
  '~', '!', '<', '>', '(', ')', '[', ']', '?', ':', '='];

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    const num = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|\d+)[uUlL]*/.exec(text.slice(i));
    if (num && /[0-9]/.test(c)) {
      toks.push({ kind: 'num', text: num[0], pos: i, value: parseNumber(num[1]) });
      i += num[0].length;
      continue;
    }
    const chr = /^'(\\?.)'/.exec(text.slice(i));
    if (chr) {
      const body = chr[1];
      const esc: Record<string, number> = { '\\n': 10, '\\t': 9, '\\r': 13, '\\0': 0, '\\\\': 92, "\\'": 39 };
      toks.push({ kind: 'num', text: chr[0], pos: i, value: esc[body] ?? body.charCodeAt(body.length - 1) });
      i += chr[0].length;
      continue;
    }
    const id = /^[A-Za-z_.$][A-Za-z0-9_.$]*/.exec(text.slice(i));
    if (id) {
      toks.push({ kind: 'id', text: id[0], pos: i });
      i += id[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op === undefined) throw new ExprError(`unexpected '${c}' at column ${i + 1}`);
    toks.push({ kind: 'op', text: op, pos: i });
    i += op.length;
  }
  toks.push({ kind: 'end', text: '', pos: text.length });
  return toks;
}

function parseNumber(s: string): number {
  const v = /^0[xX]/.test(s) ? parseInt(s.slice(2), 16)
    : /^0[bB]/.test(s) ? parseInt(s.slice(2), 2)
      : /^0[oO]/.test(s) ? parseInt(s.slice(2), 8)
        : /^0[0-7]+$/.test(s) ? parseInt(s, 8) : parseInt(s, 10);
  if (v > 0xffff_ffff) throw new ExprError(`${s} does not fit in 32 bits`);
  return v;
}

/** Binary operators by precedence level (higher binds tighter), with their evaluation. */
const BINARY: readonly { readonly ops: Readonly<Record<string, (a: number, b: number, signed: boolean) => number>> }[] = [
  { ops: { '||': (a, b) => (a || b ? 1 : 0) } },
  { ops: { '&&': (a, b) => (a && b ? 1 : 0) } },
  { ops: { '|': (a, b) => a | b } },
  { ops: { '^': (a, b) => a ^ b } },
  { ops: { '&': (a, b) => a & b } },
  { ops: { '==': (a, b) => (a >>> 0 === b >>> 0 ? 1 : 0), '!=': (a, b) => (a >>> 0 !== b >>> 0 ? 1 : 0) } },
  {
    ops: {
      '<': (a, b, s) => (s ? (a | 0) < (b | 0) : a >>> 0 < b >>> 0) ? 1 : 0,
      '<=': (a, b, s) => (s ? (a | 0) <= (b | 0) : a >>> 0 <= b >>> 0) ? 1 : 0,
      '>': (a, b, s) => (s ? (a | 0) > (b | 0) : a >>> 0 > b >>> 0) ? 1 : 0,
      '>=': (a, b, s) => (s ? (a | 0) >= (b | 0) : a >>> 0 >= b >>> 0) ? 1 : 0,
    },
  },
  { ops: { '<<': (a, b) => a << (b & 31), '>>': (a, b, s) => (s ? a >> (b & 31) : a >>> (b & 31)) } },
  { ops: { '+': (a, b) => a + b, '-': (a, b) => a - b } },
  {
    ops: {
      '*': (a, b, s) => (s ? Math.imul(a, b) : Math.imul(a, b) >>> 0),
      '/': (a, b, s) => div(a, b, s, (x, y) => Math.trunc(x / y)),
      '%': (a, b, s) => div(a, b, s, (x, y) => x % y),
    },
  },
];

function div(a: number, b: number, signed: boolean, f: (x: number, y: number) => number): number {
  if ((b | 0) === 0) throw new ExprError('division by zero');
  return signed ? f(a | 0, b | 0) : f(a >>> 0, b >>> 0);
}

/** Words that may start a type name in a cast. */
const TYPE_WORDS = new Set([...BASE_TYPES.keys()].flatMap((n) => n.split(' ')));

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[], private readonly env: ExprEnv, private readonly source: string) {}

  parse(): ExprValue {
    const v = this.assignment();
    const t = this.peek();
    if (t.kind !== 'end') throw this.error(`unexpected '${t.text}'`, t);
    return v;
  }

  private peek(k = 0): Tok { return this.toks[Math.min(this.i + k, this.toks.length - 1)]; }
  private next(): Tok { return this.toks[this.i++]; }
  private isOp(text: string, k = 0): boolean { const t = this.peek(k); return t.kind === 'op' && t.text === text; }
  private expect(text: string): void {
    if (!this.isOp(text)) throw this.error(`expected '${text}'`, this.peek());
    this.i++;
  }
  private error(msg: string, t: Tok): ExprError {
    return new ExprError(t.kind === 'end' ? `${msg} at the end of "${this.source}"` : `${msg} at column ${t.pos + 1}`);
  }

  private assignment(): ExprValue {
    const start = this.peek();
    const left = this.ternary();
    if (!this.isOp('=')) return left;
    this.i++;
    const right = this.assignment();
    if (left.place === undefined) throw this.error('cannot assign to this expression', start);
    return this.store(left, right.value);
  }

  private store(target: ExprValue, value: number): ExprValue {
    const place = target.place!;
    const v = normalise(value, target.type);
    if (place.kind === 'register') {
      if (!this.env.setRegister(place.name, v)) throw new ExprError(`${place.name} cannot be written`);
    } else if (!this.env.write(place.addr, place.size, v)) {
      throw new ExprError(`cannot write ${place.size} bytes at 0x${(place.addr >>> 0).toString(16)}`);
    }
    return { value: v, type: target.type, place };
  }

  private ternary(): ExprValue {
    const cond = this.binary(0);
    if (!this.isOp('?')) return cond;
    this.i++;
    const a = this.assignment();
    this.expect(':');
    const b = this.ternary();
    return cond.value !== 0 ? a : b;
  }

  private binary(level: number): ExprValue {
    if (level >= BINARY.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.peek();
      const f = t.kind === 'op' ? BINARY[level].ops[t.text] : undefined;
      if (f === undefined) return left;
      this.i++;
      const right = this.binary(level + 1);
      left = this.arith(t.text, f, left, right);
    }
  }

  /** C's usual conversions, cut down: pointer arithmetic scales, otherwise unsigned wins over int. */
  private arith(op: string, f: (a: number, b: number, s: boolean) => number, l: ExprValue, r: ExprValue): ExprValue {
    const lp = l.type.target !== undefined;
    const rp = r.type.target !== undefined;
    if ((op === '+' || op === '-') && lp && !rp) return { value: normalise(f(l.value, r.value * stride(l.type), false), UINT), type: l.type };
    if (op === '+' && rp && !lp) return { value: normalise(f(r.value, l.value * stride(r.type), false), UINT), type: r.type };
    if (op === '-' && lp && rp) return { value: normalise(((l.value - r.value) | 0) / stride(l.type), INT), type: INT };
    const signed = l.type.signed && r.type.signed;
    const type = signed ? INT : UINT;
    const v = f(l.value, r.value, signed);
    return { value: normalise(v, ['==', '!=', '<', '<=', '>', '>=', '&&', '||'].includes(op) ? INT : type), type: ['==', '!=', '<', '<=', '>', '>=', '&&', '||'].includes(op) ? INT : type };
  }

  private unary(): ExprValue {
    const t = this.peek();
    if (t.kind === 'op') {
      switch (t.text) {
        case '-': this.i++; { const v = this.unary(); return { value: normalise(-v.value, v.type.signed ? INT : UINT), type: v.type.signed ? INT : UINT }; }
        case '+': this.i++; return this.rvalue(this.unary());
        case '~': this.i++; { const v = this.unary(); return { value: normalise(~v.value, v.type.signed ? INT : UINT), type: v.type.signed ? INT : UINT }; }
        case '!': this.i++; return { value: this.unary().value === 0 ? 1 : 0, type: INT };
        case '*': this.i++; return this.deref(this.unary(), t);
        case '&': {
          this.i++;
          const v = this.unary();
          // A symbol is already its address (no DWARF types here): `&counter` is that address as a pointer.
          if (v.place === undefined && v.type === ADDRESS) return { value: v.value, type: pointerTo(UINT) };
          if (v.place?.kind !== 'memory') throw this.error('& needs something in memory', t);
          return { value: v.place.addr >>> 0, type: pointerTo(v.type) };
        }
        case '(': {
          const type = this.tryCast();
          if (type !== undefined) {
            const v = this.unary();
            return { value: normalise(v.value, type), type };
          }
        }
      }
    }
    return this.postfix();
  }

  /** `(type)` at the cursor: consumes it and returns the type, or leaves the cursor and returns undefined. */
  private tryCast(): CType | undefined {
    let k = 1;
    const words: string[] = [];
    while (this.peek(k).kind === 'id' && TYPE_WORDS.has(this.peek(k).text)) words.push(this.peek(k++).text);
    if (words.length === 0) return undefined;
    let type = BASE_TYPES.get(words.join(' '));
    if (type === undefined) return undefined;
    while (this.isOp('*', k)) { type = pointerTo(type); k++; }
    if (!this.isOp(')', k)) return undefined;
    this.i += k + 1;
    return type;
  }

  private deref(p: ExprValue, at: Tok): ExprValue {
    const target = p.type.target;
    if (target === undefined && p.type !== UINT && p.type !== INT) throw this.error(`cannot dereference a ${p.type.name}`, at);
    // A plain number or address reads a word, as GDB's `x` does by default.
    const type = target === undefined || target.name === 'void' ? UINT : target;
    const addr = p.value >>> 0;
    const v = this.env.read(addr, type.size);
    if (v === undefined) throw new ExprError(`cannot read ${type.size} bytes at 0x${addr.toString(16)}`);
    return { value: normalise(v, type), type, place: { kind: 'memory', addr, size: type.size } };
  }

  private postfix(): ExprValue {
    let v = this.primary();
    while (this.isOp('[')) {
      const t = this.next();
      const index = this.assignment();
      this.expect(']');
      // A plain address or integer indexes words, as `*sym` reads one.
      const p = v.type.target !== undefined && v.type !== ADDRESS ? v : { value: v.value, type: pointerTo(UINT) };
      v = this.deref({ value: normalise(p.value + index.value * stride(p.type), UINT), type: p.type }, t);
    }
    return v;
  }

  private rvalue(v: ExprValue): ExprValue {
    return { value: v.value, type: v.type };
  }

  private primary(): ExprValue {
    const t = this.next();
    if (t.kind === 'num') return { value: t.value!, type: t.value! > 0x7fff_ffff ? UINT : INT };
    if (t.kind === 'op' && t.text === '(') {
      const v = this.assignment();
      this.expect(')');
      return v;
    }
    if (t.kind === 'id') return this.identifier(t);
    throw this.error(t.kind === 'end' ? 'expected a value' : `unexpected '${t.text}'`, t);
  }

  /** Registers first (`$` forces it), then symbols, then CSR names. */
  private identifier(t: Tok): ExprValue {
    const forced = t.text.startsWith('$');
    const name = forced ? t.text.slice(1) : t.text;
    const reg = this.env.register(name);
    // pc, sp and ra hold addresses (arithmetic in bytes, `*sp` reads a word); the rest are ints, as in C.
    const regValue = (v: number): ExprValue => {
      const type = name === 'pc' || name === 'sp' || name === 'ra' ? ADDRESS : INT;
      return { value: normalise(v, type), type, place: { kind: 'register', name } };
    };
    if (reg !== undefined && (forced || /^(x\d+|zero|ra|sp|gp|tp|fp|pc|[ast]\d+)$/.test(name))) return regValue(reg);
    if (!forced) {
      const sym = this.env.symbol(t.text);
      if (sym !== undefined) return { value: sym >>> 0, type: ADDRESS };
    }
    if (reg !== undefined) return regValue(reg);
    throw new ExprError(`no register or symbol named "${t.text}"`);
  }
}

/** Evaluates `text`; throws ExprError naming what is wrong. */
export function evaluateExpression(text: string, env: ExprEnv): ExprValue {
  if (text.trim() === '') throw new ExprError('empty expression');
  return new Parser(tokenize(text), env, text.trim()).parse();
}

/** A value as the debug console shows it: decimal and hex for integers, hex for addresses. */
export function formatValue(v: ExprValue, symbolize?: (addr: number) => string | undefined): string {
  if (v.type.target !== undefined) {
    const sym = symbolize?.(v.value >>> 0);
    return `0x${(v.value >>> 0).toString(16).padStart(8, '0')}${sym !== undefined ? ` <${sym}>` : ''}`;
  }
  const hex = `0x${(normalise(v.value, { ...v.type, signed: false }) >>> 0).toString(16)}`;
  return `${v.value} (${hex})`;
}
