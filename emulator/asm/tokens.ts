/**
 * Tokens of one statement. Identifiers include `.` and `$` (mnemonics like `fence.i`, symbols like
 * `__global_pointer$`); `1b`/`1f` are references to numeric local labels; `%hi` and friends are
 * relocation operators.
 */

export type TokenKind = 'ident' | 'number' | 'localref' | 'string' | 'char' | 'reloc' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** 0-based offsets in the statement text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** char: the value; localref: the label number. */
  readonly value?: number;
  /** number: the value (numbers may exceed 2^53: `.dword 0x1122334455667788`). */
  readonly big?: bigint;
  /** string: the decoded bytes. */
  readonly bytes?: readonly number[];
  /** localref: backward (`1b`) or forward (`1f`). */
  readonly dir?: 'b' | 'f';
}

export class LexError extends Error {
  constructor(readonly start: number, readonly end: number, message: string) {
    super(message);
  }
}

/** Multi-character operators first, so `<<` is never read as two `<`. */
const PUNCT = ['<<', '>>', '==', '!=', '<>', '<=', '>=', '&&', '||',
  '+', '-', '*', '/', '%', '&', '|', '^', '~', '!', '(', ')', ',', ':', '=', '<', '>', '@', '{', '}'];

const IDENT_START = /[A-Za-z_.$]/;
const IDENT_CHAR = /[A-Za-z0-9_.$]/;

const ESCAPES: Readonly<Record<string, number>> = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, e: 27, '\\': 92, '"': 34, "'": 39 };

/** Reads one escape sequence after a backslash at text[i]; returns the byte and the index after it. */
function readEscape(text: string, i: number): { byte: number; next: number } {
  if (i >= text.length) throw new LexError(i - 1, i, 'a `\\` at the end of the line escapes nothing');
  const c = text[i];
  if (c === 'x' || c === 'X') {
    let j = i + 1;
    while (j < text.length && /[0-9a-fA-F]/.test(text[j])) j++;
    if (j === i + 1) throw new LexError(i - 1, j, '`\\x` must be followed by hex digits');
    return { byte: parseInt(text.slice(i + 1, j), 16) & 0xff, next: j };
  }
  if (/[0-7]/.test(c)) {
    let j = i;
    while (j < text.length && j < i + 3 && /[0-7]/.test(text[j])) j++;
    return { byte: parseInt(text.slice(i, j), 8) & 0xff, next: j };
  }
  const known = ESCAPES[c];
  return { byte: known ?? c.charCodeAt(0), next: i + 1 };
}

function readNumber(text: string, i: number): Token {
  const rest = text.slice(i);
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)/.exec(rest)!;
  let lexeme = m[0];
  const after = rest[lexeme.length];
  // `1b` / `1f`: a numeric local label reference (but `0b101` is binary and `0x1f` hex).
  if (/^[0-9]+$/.test(lexeme) && (after === 'b' || after === 'f') && !IDENT_CHAR.test(rest[lexeme.length + 1] ?? '')) {
    return { kind: 'localref', text: lexeme + after, start: i, end: i + lexeme.length + 1, value: Number(lexeme), dir: after };
  }
  if (/^0[bB]$/.test(rest.slice(0, 2)) && !/^0[bB][01]/.test(rest)) {
    lexeme = '0';
    return { kind: 'localref', text: '0b', start: i, end: i + 2, value: 0, dir: 'b' };
  }
  if (after !== undefined && IDENT_CHAR.test(after)) {
    let j = i + lexeme.length;
    while (j < text.length && IDENT_CHAR.test(text[j])) j++;
    throw new LexError(i, j, `\`${text.slice(i, j)}\` is not a number`);
  }
  let big: bigint;
  if (/^0[xXbB]/.test(lexeme)) big = BigInt(lexeme);
  else if (lexeme.length > 1 && lexeme[0] === '0') {
    if (/[89]/.test(lexeme)) throw new LexError(i, i + lexeme.length, `\`${lexeme}\` is not an octal number (a leading 0 means octal)`);
    big = BigInt(`0o${lexeme.slice(1)}`);
  } else big = BigInt(lexeme);
  return { kind: 'number', text: lexeme, start: i, end: i + lexeme.length, big, value: Number(big) };
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++;
    } else if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < text.length && IDENT_CHAR.test(text[j])) j++;
      out.push({ kind: 'ident', text: text.slice(i, j), start: i, end: j });
      i = j;
    } else if (/[0-9]/.test(c)) {
      const t = readNumber(text, i);
      out.push(t);
      i = t.end;
    } else if (c === '"') {
      const bytes: number[] = [];
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\') {
          const e = readEscape(text, j + 1);
          bytes.push(e.byte);
          j = e.next;
        } else {
          for (const b of Buffer.from(text[j], 'utf8')) bytes.push(b);
          j++;
        }
      }
      if (j >= text.length) throw new LexError(i, j, 'missing closing `"` of this string');
      out.push({ kind: 'string', text: text.slice(i, j + 1), start: i, end: j + 1, bytes });
      i = j + 1;
    } else if (c === "'") {
      if (i + 1 >= text.length) throw new LexError(i, i + 1, 'a character constant needs a character after `\'`');
      let value: number;
      let j: number;
      if (text[i + 1] === '\\') {
        const e = readEscape(text, i + 2);
        value = e.byte;
        j = e.next;
      } else {
        value = text.charCodeAt(i + 1);
        j = i + 2;
      }
      if (text[j] === "'") j++;
      out.push({ kind: 'char', text: text.slice(i, j), start: i, end: j, value });
      i = j;
    } else if (c === '%' && IDENT_START.test(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < text.length && IDENT_CHAR.test(text[j])) j++;
      out.push({ kind: 'reloc', text: text.slice(i, j), start: i, end: j });
      i = j;
    } else {
      const p = PUNCT.find((op) => text.startsWith(op, i));
      if (p === undefined) throw new LexError(i, i + 1, `unexpected character \`${c}\``);
      out.push({ kind: 'punct', text: p, start: i, end: i + p.length });
      i += p.length;
    }
  }
  return out;
}

/** Splits tokens at top-level commas (not inside parentheses). An empty list gives no groups. */
export function splitOperands(tokens: readonly Token[]): Token[][] {
  if (tokens.length === 0) return [];
  const groups: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'punct' && t.text === '(') depth++;
    if (t.kind === 'punct' && t.text === ')') depth--;
    if (t.kind === 'punct' && t.text === ',' && depth === 0) groups.push([]);
    else groups[groups.length - 1].push(t);
  }
  return groups;
}
