/**
 * Reading one operand for a form: a register, an immediate (possibly with a relocation operator), a
 * branch target, a CSR, a fence set, or a memory reference `offset(base)`.
 */
import { regNumber, ABI_NAMES } from '../isa/registers';
import { csrNumber } from '../isa/csr-names';
import { ExprParser, RelocOp } from './expr';
import { evaluate } from './evaluate';
import { LexError, Token } from './tokens';
import { Value, isConstant } from './value';
import type { UnitAssembler } from './assembler';
import type { OperandKind } from './forms';
import { didYouMean } from './suggest';

export type Imm =
  | { readonly kind: 'const'; readonly value: bigint }
  | { readonly kind: 'expr'; readonly value: Value }
  | { readonly kind: 'reloc'; readonly op: RelocOp; readonly value: Value };

export interface Parsed {
  readonly start: number;
  readonly end: number;
  readonly reg?: number;
  readonly imm?: Imm;
  readonly number?: number;
}

const REGISTER_NAMES = [...ABI_NAMES, ...ABI_NAMES.map((_, i) => `x${i}`), 'fp'];

function span(tokens: readonly Token[]): { start: number; end: number } {
  return { start: tokens[0].start, end: tokens[tokens.length - 1].end };
}

export function parseRegister(tokens: readonly Token[], role = 'a register'): number {
  const { start, end } = span(tokens);
  const t = tokens[0];
  if (tokens.length !== 1 || t.kind !== 'ident') {
    throw new LexError(start, end, `expected ${role}, found \`${tokens.map((x) => x.text).join(' ')}\``);
  }
  const n = regNumber(t.text.toLowerCase());
  if (n === undefined) throw new LexError(start, end, `\`${t.text}\` is not a register${didYouMean(t.text, REGISTER_NAMES)}`);
  return n;
}

export function parseImm(asm: UnitAssembler, tokens: readonly Token[]): Imm {
  const e = ExprParser.parse(tokens, 'value');
  if (e.kind === 'reloc') return { kind: 'reloc', op: e.op, value: evaluate(e.arg, asm) };
  const value = evaluate(e, asm);
  return isConstant(value) ? { kind: 'const', value: value.add } : { kind: 'expr', value };
}

const FENCE_BITS: Readonly<Record<string, number>> = { i: 8, o: 4, r: 2, w: 1 };

function parseFenceSet(tokens: readonly Token[]): number {
  const { start, end } = span(tokens);
  const t = tokens[0];
  if (tokens.length === 1 && t.kind === 'number' && t.value === 0) return 0;
  if (tokens.length !== 1 || t.kind !== 'ident' || !/^[iorw]+$/.test(t.text)) {
    throw new LexError(start, end, 'a fence set is some of the letters i, o, r, w in that order (e.g. `rw`)');
  }
  let bits = 0;
  for (const c of t.text) bits |= FENCE_BITS[c];
  return bits;
}

function parseCsr(asm: UnitAssembler, tokens: readonly Token[]): number {
  const { start, end } = span(tokens);
  if (tokens.length === 1 && tokens[0].kind === 'ident') {
    const n = csrNumber(tokens[0].text.toLowerCase());
    if (n !== undefined) return n;
    const sym = asm.symbols.get(tokens[0].text);
    if (sym?.def?.kind !== 'equ') throw new LexError(start, end, `unknown CSR \`${tokens[0].text}\``);
  }
  const imm = parseImm(asm, tokens);
  if (imm.kind !== 'const' || imm.value < 0n || imm.value > 0xfffn) {
    throw new LexError(start, end, 'a CSR is a name (mstatus) or a number from 0 to 0xfff');
  }
  return Number(imm.value);
}

/** Splits `offset(base)` into offset tokens and the base register; undefined if it has no `(base)`. */
export function splitMemory(tokens: readonly Token[]): { offset: Token[]; base: Token[] } | undefined {
  const n = tokens.length;
  if (n < 3 || tokens[n - 1].text !== ')' || tokens[n - 3].text !== '(' || tokens[n - 2].kind !== 'ident') return undefined;
  // `(sym)` after an offset is a base register (checked by the caller); `sym + (x)` is not.
  const before = tokens[n - 4];
  if (before !== undefined && before.kind === 'punct' && before.text !== ')') return undefined;
  return { offset: tokens.slice(0, n - 3), base: tokens.slice(n - 2, n - 1) };
}

/** Names shaped like registers (x32, a9, t7) are typos, not symbols. */
const REGISTER_LIKE = /^(x\d+|a\d+|s\d+|t\d+)$/;

export function parseOperand(asm: UnitAssembler, kind: OperandKind, tokens: readonly Token[]): Parsed {
  const where = span(tokens);
  switch (kind) {
    case 'reg':
      return { ...where, reg: parseRegister(tokens) };
    case 'imm':
    case 'shamt':
    case 'uimm20':
    case 'target':
      if (tokens.length === 1 && tokens[0].kind === 'ident' && regNumber(tokens[0].text.toLowerCase()) !== undefined) {
        throw new LexError(where.start, where.end, `expected ${kind === 'target' ? 'a label' : 'a number'} here, found the register \`${tokens[0].text}\``);
      }
      if (tokens.length === 1 && tokens[0].kind === 'ident' && REGISTER_LIKE.test(tokens[0].text) && asm.symbols.get(tokens[0].text)?.def === undefined) {
        parseRegister(tokens);
      }
      return { ...where, imm: parseImm(asm, tokens) };
    case 'csr':
      return { ...where, number: parseCsr(asm, tokens) };
    case 'pred':
    case 'succ':
      return { ...where, number: parseFenceSet(tokens) };
    case 'mem': {
      const m = splitMemory(tokens);
      if (m === undefined) throw new LexError(where.start, where.end, 'expected a memory operand like `8(sp)` or `(a0)`');
      const imm: Imm = m.offset.length === 0 ? { kind: 'const', value: 0n } : parseImm(asm, m.offset);
      return { ...where, reg: parseRegister(m.base, 'a base register'), imm };
    }
    case 'amo': {
      const m = splitMemory(tokens);
      if (m === undefined) throw new LexError(where.start, where.end, 'expected an address register in parentheses, like `(a0)`');
      if (m.offset.length > 0) {
        const off = parseImm(asm, m.offset);
        if (off.kind !== 'const' || off.value !== 0n) throw new LexError(where.start, where.end, 'atomic instructions take no offset: write `(a0)`');
      }
      return { ...where, reg: parseRegister(m.base, 'a base register') };
    }
  }
}
