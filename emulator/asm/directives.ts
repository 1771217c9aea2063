/**
 * Directives, one handler each, looked up by name. Handlers get the operands split at top-level
 * commas. Directives that only matter to GNU's own tool flow (.file, .loc, .cfi_*, .ident, ...) are
 * accepted and ignored: the line table comes from the source itself.
 */
import { LexError, Token } from './tokens';
import { DataFixup } from './object';
import { parseFlags } from './sections';
import { Value, isConstant } from './value';
import type { UnitAssembler } from './assembler';

export type DirectiveHandler = (asm: UnitAssembler, args: Token[][], name: Token, rest: readonly Token[]) => void;

const span = (g: readonly Token[]) => ({ start: g[0].start, end: g[g.length - 1].end });

function needArgs(asm: UnitAssembler, name: Token, args: Token[][], min: number, max: number, usage: string): void {
  if (args.length < min || args.length > max || args.some((a) => a.length === 0)) {
    asm.fail(name.start, name.end, `usage: ${name.text} ${usage}`);
  }
}

function constantArg(asm: UnitAssembler, g: readonly Token[], what: string): bigint {
  const v = asm.evaluate(g, what);
  if (!isConstant(v)) asm.fail(span(g).start, span(g).end, `${what} must be a constant (it refers to a label)`);
  return v.add;
}

function nonNegative(asm: UnitAssembler, g: readonly Token[], what: string, max = 1 << 28): number {
  const v = constantArg(asm, g, what);
  if (v < 0n || v > BigInt(max)) asm.fail(span(g).start, span(g).end, `${what} must be from 0 to ${max}, got ${v}`);
  return Number(v);
}

/** Little-endian bytes of a constant, truncated to `size` bytes (warning when that changes it). */
function constantBytes(asm: UnitAssembler, v: bigint, size: number, g: readonly Token[]): number[] {
  const bits = BigInt(size * 8);
  const fits = (v >= -(1n << (bits - 1n)) && v < (1n << bits)) || size >= 8;
  if (!fits) {
    const kept = BigInt.asUintN(Number(bits), v);
    asm.warn(span(g).start, span(g).end, `value ${v} does not fit in ${size} byte${size === 1 ? '' : 's'}; truncated to 0x${kept.toString(16)}`);
  }
  const u = BigInt.asUintN(64, v);
  return Array.from({ length: size }, (_, k) => Number((u >> BigInt(8 * k)) & 0xffn));
}

const data = (size: 1 | 2 | 4 | 8): DirectiveHandler => (asm, args, name) => {
  if (args.length === 0) return;
  needArgs(asm, name, args, 1, Infinity, 'value, ...');
  // Each value is emitted before the next is read: `.` in a list means that item's own address.
  for (const g of args) {
    if (g.length === 1 && g[0].kind === 'string') asm.fail(g[0].start, g[0].end, `\`${name.text}\` takes numbers; use .ascii or .string for text`);
    const v: Value = asm.evaluate(g, 'value');
    if (isConstant(v)) {
      asm.emitData(constantBytes(asm, v.add, size, g));
    } else {
      if (size === 8) asm.fail(span(g).start, span(g).end, 'an address needs .word (addresses are 32 bits)');
      const fixup: DataFixup = { kind: 'data', offset: 0, size, value: v, at: asm.span(span(g).start, span(g).end) };
      asm.emitData(new Array<number>(size).fill(0), [fixup]);
    }
  }
};

const strings = (terminate: boolean): DirectiveHandler => (asm, args, name) => {
  needArgs(asm, name, args, 1, Infinity, '"text", ...');
  const bytes: number[] = [];
  for (const g of args) {
    if (g.length !== 1 || g[0].kind !== 'string') asm.fail(span(g).start, span(g).end, `\`${name.text}\` takes strings in double quotes`);
    bytes.push(...g[0].bytes!);
    if (terminate) bytes.push(0);
  }
  asm.emitData(bytes);
};

/** `.space size[, fill]` (and .skip, .zero). */
const space: DirectiveHandler = (asm, args, name) => {
  needArgs(asm, name, args, 1, 2, 'size[, fill]');
  const size = nonNegative(asm, args[0], 'the size');
  const fill = args.length > 1 ? Number(BigInt.asUintN(8, constantArg(asm, args[1], 'the fill byte'))) : 0;
  asm.emitData(new Array<number>(size).fill(fill));
};

const fill: DirectiveHandler = (asm, args, name) => {
  needArgs(asm, name, args, 1, 3, 'repeat[, size[, value]]');
  const repeat = nonNegative(asm, args[0], 'the repeat count');
  let size = args.length > 1 ? nonNegative(asm, args[1], 'the size') : 1;
  // GNU as caps the size at 8 and fills bytes past the value's 4 with zeros.
  if (size > 8) size = 8;
  const value = args.length > 2 ? constantArg(asm, args[2], 'the value') : 0n;
  const u = BigInt.asUintN(32, value);
  const one = Array.from({ length: size }, (_, k) => (k < 4 ? Number((u >> BigInt(8 * k)) & 0xffn) : 0));
  const bytes: number[] = [];
  for (let k = 0; k < repeat; k++) bytes.push(...one);
  asm.emitData(bytes);
};

/** LEB128 bytes of a constant (DWARF's variable-length numbers). */
function leb128(v: bigint, signed: boolean): number[] {
  const out: number[] = [];
  let x = signed ? BigInt.asIntN(64, v) : BigInt.asUintN(64, v);
  for (;;) {
    const byte = Number(x & 0x7fn);
    x >>= 7n;
    const done = signed ? (x === 0n && (byte & 0x40) === 0) || (x === -1n && (byte & 0x40) !== 0) : x === 0n;
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** `.uleb128 value` / `.sleb128 value`: one constant each, as RISC-V GNU as takes them. */
const leb = (signed: boolean): DirectiveHandler => (asm, args, name) => {
  needArgs(asm, name, args, 1, 1, 'value (one per directive)');
  asm.emitData(leb128(constantArg(asm, args[0], 'the value'), signed));
};

/** `.org offset[, fill]`: the offset from the start of the section, a constant here. */
const org: DirectiveHandler = (asm, args, name) => {
  needArgs(asm, name, args, 1, 2, 'offset[, fill]');
  const offset = nonNegative(asm, args[0], 'the offset');
  const fill = args.length > 1 ? Number(BigInt.asUintN(8, constantArg(asm, args[1], 'the fill byte'))) : 0;
  asm.org(offset, fill, asm.span(name.start, span(args[args.length - 1]).end));
};

/**
 * `.comm sym, size[, align]` (global) and `.lcomm sym, size` (local): zeroed room in .bss. Default
 * alignments are GNU as's: for .comm the power of 2 at or above the size (at most 16), for .lcomm the
 * power of 2 at or below it (at most 8).
 */
const common = (global: boolean): DirectiveHandler => (asm, args, name) => {
  needArgs(asm, name, args, 2, global ? 3 : 2, global ? 'symbol, size[, alignment]' : 'symbol, size');
  const sym = args[0];
  if (sym.length !== 1 || sym[0].kind !== 'ident') asm.fail(span(sym).start, span(sym).end, 'expected a symbol name');
  const size = nonNegative(asm, args[1], 'the size');
  let align: number;
  if (args.length > 2) {
    align = nonNegative(asm, args[2], 'the alignment', 1 << 16);
    if (align === 0 || (align & (align - 1)) !== 0) asm.fail(span(args[2]).start, span(args[2]).end, `the alignment ${align} is not a power of 2`);
  } else if (global) {
    align = 1;
    while (align < size && align < 16) align *= 2;
  } else {
    align = 1;
    while (align * 2 <= size && align < 8) align *= 2;
  }
  asm.reserveBss(sym[0], size, align, global);
};

/** `.p2align`-style alignment (`.align` is a power of two on RISC-V) or `.balign` bytes. */
const align = (inBytes: boolean): DirectiveHandler => (asm, args, name) => {
  needArgs(asm, name, args.filter((a, i) => i === 0 || a.length > 0), 1, 3, inBytes ? 'bytes[, fill[, max]]' : 'power[, fill[, max]]');
  const n = nonNegative(asm, args[0], 'the alignment', inBytes ? 1 << 16 : 16);
  if (inBytes && (n & (n - 1)) !== 0) asm.fail(span(args[0]).start, span(args[0]).end, `the alignment ${n} is not a power of 2`);
  const bytes = inBytes ? Math.max(n, 1) : 2 ** n;
  const fillValue = args.length > 1 && args[1].length > 0 ? constantArg(asm, args[1], 'the fill byte') : undefined;
  const max = args.length > 2 && args[2].length > 0 ? nonNegative(asm, args[2], 'the maximum skip') : undefined;
  asm.align(bytes, fillValue, 1, max);
};

const section = (sectionName: string): DirectiveHandler => (asm, args, name) => {
  if (args.length > 0) asm.fail(name.start, name.end, `\`${name.text}\` takes no operands (subsections are not supported)`);
  asm.switchSection(sectionName);
};

function sectionName(asm: UnitAssembler, g: readonly Token[]): string {
  if (g.length === 1 && g[0].kind === 'string') return g[0].text.slice(1, -1);
  const text = g.map((t) => t.text).join('');
  if (!/^[A-Za-z_.$][\w.$-]*$/.test(text)) asm.fail(span(g).start, span(g).end, 'expected a section name like `.data.tables`');
  return text;
}

const sectionDirective: DirectiveHandler = (asm, args, name) => {
  needArgs(asm, name, args.slice(0, 1), 1, 1, 'name[, "flags"[, @type]]');
  const sname = sectionName(asm, args[0]);
  let flagText: string | undefined;
  let typeText: string | undefined;
  if (args.length > 1) {
    const f = args[1];
    if (f.length !== 1 || f[0].kind !== 'string') asm.fail(span(f).start, span(f).end, 'section flags go in double quotes, like "ax"');
    flagText = f[0].text.slice(1, -1);
  }
  if (args.length > 2) {
    const t = args[2];
    if (t.length !== 2 || !['@', '%'].includes(t[0].text) || t[1].kind !== 'ident') asm.fail(span(t).start, span(t).end, 'a section type looks like @progbits or @nobits');
    typeText = t[1].text;
  }
  const flags = parseFlags(sname, flagText, typeText);
  if (typeof flags === 'string') return asm.fail(span(args[1] ?? args[0]).start, span(args[args.length - 1]).end, flags);
  asm.switchSection(sname, flags);
};

/** Applies `f` to each symbol named in the operands. */
const eachSymbol = (f: (asm: UnitAssembler, t: Token) => void): DirectiveHandler => (asm, args, name) => {
  needArgs(asm, name, args, 1, Infinity, 'symbol, ...');
  for (const g of args) {
    if (g.length !== 1 || g[0].kind !== 'ident') asm.fail(span(g).start, span(g).end, 'expected a symbol name');
    f(asm, g[0]);
  }
};

const binding = (b: 'local' | 'global' | 'weak') => eachSymbol((asm, t) => {
  asm.symbol(t.text, t.start, t.end).binding = b;
});

const TYPES: Readonly<Record<string, 'func' | 'object' | 'notype'>> = {
  function: 'func', object: 'object', notype: 'notype', stt_func: 'func', stt_object: 'object', stt_notype: 'notype',
};

const typeDirective: DirectiveHandler = (asm, args, name) => {
  needArgs(asm, name, args, 2, 2, 'symbol, @function|@object');
  const [symTokens, typeTokens] = args;
  if (symTokens.length !== 1 || symTokens[0].kind !== 'ident') asm.fail(span(symTokens).start, span(symTokens).end, 'expected a symbol name');
  const word = typeTokens[typeTokens.length - 1].text.toLowerCase();
  const type = TYPES[word];
  if (type === undefined) asm.fail(span(typeTokens).start, span(typeTokens).end, `unknown symbol type \`${word}\` (expected @function or @object)`);
  asm.symbol(symTokens[0].text, symTokens[0].start, symTokens[0].end).type = type;
};

const sizeDirective: DirectiveHandler = (asm, args, name) => {
  needArgs(asm, name, args, 2, 2, 'symbol, size');
  const [symTokens, sizeTokens] = args;
  if (symTokens.length !== 1 || symTokens[0].kind !== 'ident') asm.fail(span(symTokens).start, span(symTokens).end, 'expected a symbol name');
  const value = asm.evaluate(sizeTokens, 'size');
  asm.symbol(symTokens[0].text, symTokens[0].start, symTokens[0].end).size = { value, at: asm.span(span(sizeTokens).start, span(sizeTokens).end) };
};

const assign = (redefinable: boolean, onlyNew = false): DirectiveHandler => (asm, args, name, rest) => {
  needArgs(asm, name, args.slice(0, 1), 1, 1, 'symbol, value');
  const symTokens = args[0];
  if (symTokens.length !== 1 || symTokens[0].kind !== 'ident') asm.fail(span(symTokens).start, span(symTokens).end, 'expected a symbol name');
  const comma = rest.findIndex((t) => t.kind === 'punct' && t.text === ',');
  if (comma < 0) asm.fail(name.start, symTokens[0].end, `usage: ${name.text} symbol, value`);
  if (onlyNew && asm.symbols.get(symTokens[0].text)?.def !== undefined) {
    asm.fail(symTokens[0].start, symTokens[0].end, `\`${symTokens[0].text}\` is already defined`);
  }
  asm.assign(symTokens[0], rest.slice(comma + 1), redefinable);
};

/** `.option`: rvc/norvc and push/pop change how instructions are encoded; the rest are tolerated. */
const option: DirectiveHandler = (asm, args, name) => {
  needArgs(asm, name, args.slice(0, 1), 1, 1, 'rvc|norvc|push|pop|arch, ...');
  const word = args[0].map((t) => t.text).join('');
  switch (word) {
    case 'rvc': asm.rvc = true; return;
    case 'norvc': asm.rvc = false; return;
    case 'push': asm.optionStack.push(asm.rvc); return;
    case 'pop': {
      const v = asm.optionStack.pop();
      if (v === undefined) return asm.fail(span(args[0]).start, span(args[0]).end, '`.option pop` without a matching `.option push`');
      asm.rvc = v;
      return;
    }
    case 'arch': {
      // `.option arch, +c` / `-c` turn compression on and off; a full ISA string decides by its letters.
      for (const g of args.slice(1)) {
        const text = g.map((t) => t.text).join('').toLowerCase();
        if (text === '+c') asm.rvc = true;
        else if (text === '-c') asm.rvc = false;
        else if (/^rv(32|64)/.test(text)) asm.rvc = /^rv(32|64)[a-z]*c/.test(text.split('_')[0]) || /^rv(32|64)g?[a-z]*c/.test(text);
      }
      return;
    }
    case 'pic': case 'nopic': case 'norelax': case 'csr-check': case 'no-csr-check':
      return;
    case 'relax':
      asm.warn(span(args[0]).start, span(args[0]).end, '`.option relax` is ignored: Translucent never relaxes (as with -mno-relax)');
      return;
    default:
      throw new LexError(span(args[0]).start, span(args[0]).end, `unknown option \`${word}\` (expected rvc, norvc, push, pop or arch)`);
  }
};

const ignored: DirectiveHandler = () => undefined;

/** `.insn 4, 0x00000013`: raw instruction bits (the value form only). */
const insn: DirectiveHandler = (asm, args, name) => {
  needArgs(asm, name, args, 2, 2, 'length, value');
  const len = constantArg(asm, args[0], 'the length');
  if (len !== 2n && len !== 4n) asm.fail(span(args[0]).start, span(args[0]).end, 'the length must be 2 or 4');
  const v = constantArg(asm, args[1], 'the value');
  asm.emitInsn(Number(BigInt.asUintN(32, v)), Number(len) as 2 | 4);
};

const IGNORED = ['.file', '.loc', '.ident', '.attribute', '.gnu_attribute',
  '.hidden', '.protected', '.internal', '.variant_cc', '.cfi_sections', '.cfi_startproc', '.cfi_endproc',
  '.cfi_def_cfa', '.cfi_def_cfa_offset', '.cfi_def_cfa_register', '.cfi_offset', '.cfi_rel_offset', '.cfi_restore',
  '.cfi_remember_state', '.cfi_restore_state', '.cfi_adjust_cfa_offset', '.cfi_register', '.cfi_return_column',
  '.cfi_same_value', '.cfi_undefined', '.cfi_escape', '.cfi_signal_frame', '.cfi_window_save', '.cfi_personality',
  '.cfi_lsda', '.cfi_val_offset'];

export const DIRECTIVES: Readonly<Record<string, DirectiveHandler>> = {
  '.text': section('.text'),
  '.data': section('.data'),
  '.bss': section('.bss'),
  // Not a GNU as directive, but people write it.
  '.rodata': section('.rodata'),
  '.section': sectionDirective,
  '.pushsection': (asm, args, name, rest) => {
    asm.sectionStack.push(asm.section);
    sectionDirective(asm, args, name, rest);
  },
  '.popsection': (asm, _args, name) => {
    const s = asm.sectionStack.pop();
    if (s === undefined) return asm.fail(name.start, name.end, '`.popsection` without a matching `.pushsection`');
    asm.switchSection(s.name);
  },
  '.previous': (asm) => asm.switchToPrevious(),
  '.globl': binding('global'),
  '.global': binding('global'),
  '.local': binding('local'),
  '.weak': binding('weak'),
  '.type': typeDirective,
  '.size': sizeDirective,
  '.align': align(false),
  '.p2align': align(false),
  '.balign': align(true),
  '.byte': data(1),
  '.half': data(2),
  '.hword': data(2),
  '.short': data(2),
  '.2byte': data(2),
  '.word': data(4),
  '.long': data(4),
  '.int': data(4),
  '.4byte': data(4),
  '.dword': data(8),
  '.quad': data(8),
  '.8byte': data(8),
  '.ascii': strings(false),
  '.asciz': strings(true),
  '.string': strings(true),
  '.zero': (asm, args, name, rest) => {
    needArgs(asm, name, args, 1, 1, 'size');
    space(asm, args, name, rest);
  },
  '.space': space,
  '.skip': space,
  '.fill': fill,
  '.org': org,
  '.uleb128': leb(false),
  '.sleb128': leb(true),
  '.comm': common(true),
  '.lcomm': common(false),
  '.equ': assign(true),
  '.set': assign(true),
  '.equiv': assign(false, true),
  '.eqv': assign(true),
  '.option': option,
  '.insn': insn,
  ...Object.fromEntries(IGNORED.map((d) => [d, ignored])),
};
