/**
 * The C preprocessor for `.S` files, as GCC runs it before the assembler (`-x assembler-with-cpp`):
 * `#include`, `#define` (object- and function-like, with `#`, `##` and `__VA_ARGS__`), `#undef`,
 * `#if/#ifdef/#ifndef/#elif/#else/#endif` with `defined` and integer expressions, `#error` and
 * `#warning`. As in GCC's assembler mode, a `#` line that is no directive (`# a comment`) is passed
 * on for the assembler, which takes it as a comment. Every output line keeps the file and line it
 * came from, so diagnostics and the DWARF line table point at the `.S` source, not at an expansion.
 */
import * as path from 'node:path';
import { Diagnostics, Span } from './diagnostics';
import { BranchStack } from './branch-stack';
import type { IncludeReader } from './preprocess';

/** A line for the assembler, with where it came from. */
export interface SourceLine {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** Whether a file goes through the C preprocessor first: GCC's rule, by name (`.S`, `.sx`). */
export function isCppSource(file: string): boolean {
  return /\.(S|sx)$/.test(file);
}

type TokKind = 'ident' | 'number' | 'string' | 'space' | 'other';
/** A token; `hide` names the macros whose expansion produced it (not expanded again: no recursion). */
interface Tok { readonly kind: TokKind; readonly text: string; readonly hide?: ReadonlySet<string> }

interface Macro {
  readonly params?: readonly string[];
  readonly variadic: boolean;
  readonly body: readonly Tok[];
}

/** What GCC predefines for `-march=rv32imac -mabi=ilp32` that assembly sources test. */
const PREDEFINED: Readonly<Record<string, string>> = {
  __ASSEMBLER__: '1', __riscv: '1', __riscv_xlen: '32', __riscv_compressed: '1', __riscv_mul: '1', __riscv_div: '1',
  __riscv_muldiv: '1', __riscv_atomic: '1', __riscv_zicsr: '1', __riscv_zifencei: '1', __riscv_float_abi_soft: '1',
  __riscv_cmodel_medlow: '1', __ILP32__: '1', __ELF__: '1',
};

const MAX_INCLUDE_DEPTH = 64;
const MAX_EXPANSION_DEPTH = 256;
/** Expansions on one line before it is taken for a runaway (each is finite, as hide sets ensure). */
const MAX_EXPANSIONS = 100_000;

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    let m: RegExpExecArray | null;
    const rest = text.slice(i);
    if ((m = /^\s+/.exec(rest)) !== null) out.push({ kind: 'space', text: m[0] });
    else if ((m = /^[A-Za-z_$][\w$]*/.exec(rest)) !== null) out.push({ kind: 'ident', text: m[0] });
    else if ((m = /^\.?\d(?:[eEpP][+-]|[\w.])*/.exec(rest)) !== null) out.push({ kind: 'number', text: m[0] });
    else if ((m = /^"(?:[^"\\]|\\.)*"?/.exec(rest)) !== null) out.push({ kind: 'string', text: m[0] });
    else if ((m = /^'(?:\\.|[^\\'])'/.exec(rest)) !== null) out.push({ kind: 'string', text: m[0] });
    else if (rest.startsWith('##')) out.push({ kind: 'other', text: '##' });
    else out.push({ kind: 'other', text: c });
    i += out[out.length - 1].text.length;
  }
  return out;
}

const text = (toks: readonly Tok[]): string => toks.map((t) => t.text).join('');
const trimToks = (toks: Tok[]): Tok[] => {
  let a = 0;
  let b = toks.length;
  while (a < b && toks[a].kind === 'space') a++;
  while (b > a && toks[b - 1].kind === 'space') b--;
  return toks.slice(a, b);
};

class CppError extends Error {}

/** Replaces C comments with spaces (newlines kept), leaving strings alone; says where one is left open. */
function stripComments(src: string): { text: string; open?: number } {
  let out = '';
  let i = 0;
  let open: number | undefined;
  while (i < src.length) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) open = i;
      const stop = end < 0 ? src.length : end + 2;
      out += src.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '/' && src[i + 1] === '/') {
      const end = src.indexOf('\n', i);
      const stop = end < 0 ? src.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '"') {
      const m = /^"(?:[^"\\\n]|\\.)*"?/.exec(src.slice(i))!;
      out += m[0];
      i += m[0].length;
    } else {
      out += c;
      i++;
    }
  }
  return { text: out, open };
}

export class CPreprocessor {
  private readonly macros = new Map<string, Macro>();
  private file = '';
  private line = 0;

  constructor(private readonly diags: Diagnostics, private readonly readInclude: IncludeReader) {
    for (const [name, value] of Object.entries(PREDEFINED)) this.macros.set(name, { variadic: false, body: tokenize(value) });
  }

  /** The lines of `file` for the assembler, with its #includes in place. */
  run(file: string, source: string, depth = 0): SourceLine[] {
    const out: SourceLine[] = [];
    const stripped = stripComments(source);
    if (stripped.open !== undefined) {
      const before = source.slice(0, stripped.open);
      const line = before.split('\n').length;
      this.diags.error({ file, line, column: stripped.open - before.lastIndexOf('\n') }, 'this `/*` comment is never closed with `*/`');
    }
    const physical = stripped.text.split(/\r?\n/);
    const branches = new BranchStack(this.diags, '#');
    for (let i = 0; i < physical.length; i++) {
      const first = i;
      let logical = physical[i];
      // Backslash-newline joins lines; the joined line counts as the first one's.
      while (logical.endsWith('\\') && i + 1 < physical.length) logical = logical.slice(0, -1) + physical[++i];
      this.file = file;
      this.line = first + 1;
      const at: Span = { file, line: first + 1, column: 1 };
      const d = /^\s*#\s*([A-Za-z_]\w*)?(.*)$/.exec(logical);
      try {
        if (d !== null && this.directive(d[1] ?? '', d[2], at, branches, out, depth)) continue;
        if (!branches.active) continue;
        out.push({ file, line: first + 1, text: d !== null ? logical : this.expandLine(logical) });
      } catch (e) {
        if (!(e instanceof CppError)) throw e;
        this.diags.error(at, e.message);
      }
    }
    branches.finish();
    return out;
  }

  /** Handles a directive line (true); false for a `#` line that is not one (kept for the assembler). */
  private directive(name: string, rest: string, at: Span, branches: BranchStack, out: SourceLine[], depth: number): boolean {
    // A condition that cannot be read is reported, and counts as false.
    const decide = (test: () => boolean) => () => {
      try {
        return test();
      } catch (e) {
        if (!(e instanceof CppError)) throw e;
        this.diags.error(at, e.message);
        return false;
      }
    };
    switch (name) {
      case 'if': case 'ifdef': case 'ifndef':
        branches.open(`#${name}`, at, decide(() => (name === 'if' ? this.condition(rest) : this.macros.has(this.identifier(rest, name)) === (name === 'ifdef'))));
        return true;
      case 'elif':
        branches.next('#elif', at, decide(() => this.condition(rest)));
        return true;
      case 'else': case 'endif':
        branches.next(`#${name}`, at);
        return true;
      case '':
        return true;
    }
    if (!branches.active) return true;
    switch (name) {
      case 'define': this.define(rest); return true;
      case 'undef': this.macros.delete(this.identifier(rest, name)); return true;
      case 'include': out.push(...this.include(rest, depth)); return true;
      case 'error': throw new CppError(`#error ${rest.trim()}`);
      case 'warning': this.diags.warning(at, `#warning ${rest.trim()}`); return true;
      case 'line': case 'pragma': case 'ident': return true;
      default: return false;
    }
  }

  private identifier(rest: string, directive: string): string {
    const m = /^\s*([A-Za-z_$][\w$]*)\s*$/.exec(rest);
    if (m === null) throw new CppError(`\`#${directive}\` needs a macro name`);
    return m[1];
  }

  private define(rest: string): void {
    const m = /^\s*([A-Za-z_$][\w$]*)(\([^)]*\))?(.*)$/.exec(rest);
    if (m === null) throw new CppError('`#define` needs a macro name');
    const body = trimToks(tokenize(m[3]));
    if (m[2] === undefined) {
      this.macros.set(m[1], { variadic: false, body });
      return;
    }
    const list = m[2].slice(1, -1).split(',').map((p) => p.trim()).filter((p, i, all) => p !== '' || all.length > 1);
    const variadic = list.length > 0 && list[list.length - 1].endsWith('...');
    const params = list.map((p) => (p === '...' ? '__VA_ARGS__' : p.replace(/\.\.\.$/, '')));
    for (const p of params) if (!/^[A-Za-z_$][\w$]*$/.test(p)) throw new CppError(`\`#define ${m[1]}\`: \`${p}\` is not a parameter name`);
    this.macros.set(m[1], { params, variadic, body });
  }

  private include(rest: string, depth: number): SourceLine[] {
    const expanded = /^\s*["<]/.test(rest) ? rest : this.expandLine(rest);
    const m = /^\s*(?:"([^"]+)"|<([^>]+)>)\s*$/.exec(expanded);
    if (m === null) throw new CppError('`#include` needs a file name: "file.h" or <file.h>');
    const name = m[1] ?? m[2];
    if (depth >= MAX_INCLUDE_DEPTH) throw new CppError(`\`#include "${name}"\` nests too deeply (is a file including itself?)`);
    const found = this.readInclude(name, this.file);
    if (found === undefined) throw new CppError(`cannot find the included file "${name}"`);
    const [file, line] = [this.file, this.line];
    const lines = this.run(found.path, found.text, depth + 1);
    [this.file, this.line] = [file, line];
    return lines;
  }

  // ---- expansion --------------------------------------------------------------------------------

  expandLine(line: string): string {
    return text(this.expand(tokenize(line), 0));
  }

  private dynamic(name: string): Tok[] | undefined {
    if (name === '__LINE__') return [{ kind: 'number', text: String(this.line) }];
    if (name === '__FILE__') return [{ kind: 'string', text: JSON.stringify(path.basename(this.file)) }];
    return undefined;
  }

  /**
   * Expands macros as C does: a macro's replacement goes back into the token stream and is scanned
   * again together with what follows it (so `CAT(F,)(2)` calls F), each token carrying the names of
   * the macros that made it, which it cannot call again.
   */
  private expand(input: readonly Tok[], depth: number): Tok[] {
    if (depth > MAX_EXPANSION_DEPTH) throw new CppError('macro expansion nests too deeply');
    const toks = [...input];
    const out: Tok[] = [];
    let expansions = 0;
    let i = 0;
    while (i < toks.length) {
      const t = toks[i];
      const dyn = t.kind === 'ident' ? this.dynamic(t.text) : undefined;
      const macro = t.kind === 'ident' && t.hide?.has(t.text) !== true ? this.macros.get(t.text) : undefined;
      if (dyn !== undefined || macro === undefined) {
        out.push(...(dyn ?? [t]));
        i++;
        continue;
      }
      if (++expansions > MAX_EXPANSIONS) throw new CppError(`macro \`${t.text}\` expands without end`);
      const hide = new Set(t.hide).add(t.text);
      const mark = (b: Tok): Tok => ({ ...b, hide: b.hide === undefined ? hide : new Set([...b.hide, ...hide]) });
      if (macro.params === undefined) {
        toks.splice(i, 1, ...this.paste(macro.body.map((b) => ({ tok: b }))).map(mark));
        continue;
      }
      let j = i + 1;
      while (j < toks.length && toks[j].kind === 'space') j++;
      if (toks[j]?.text !== '(') {
        out.push(t); // a function-like macro's name without arguments is just a name
        i++;
        continue;
      }
      const { args, end } = this.collectArgs(toks, j, t.text);
      toks.splice(i, end - i + 1, ...this.substitute(t.text, macro, args, depth).map(mark));
    }
    return out;
  }

  /** The arguments of a call whose `(` is at `open`: split at top-level commas; `end` is the `)`. */
  private collectArgs(toks: readonly Tok[], open: number, name: string): { args: Tok[][]; end: number } {
    const args: Tok[][] = [[]];
    let level = 0;
    for (let k = open + 1; k < toks.length; k++) {
      const t = toks[k];
      if (t.text === '(') level++;
      if (t.text === ')') {
        if (level === 0) return { args: args.map(trimToks), end: k };
        level--;
      }
      if (t.text === ',' && level === 0) args.push([]);
      else args[args.length - 1].push(t);
    }
    throw new CppError(`the call of macro \`${name}\` has no closing \`)\` on its line`);
  }

  private substitute(name: string, macro: Macro, rawArgs: Tok[][], depth: number): Tok[] {
    const params = macro.params!;
    let args = rawArgs;
    if (params.length === 0 && args.length === 1 && args[0].length === 0) args = [];
    if (macro.variadic) {
      const fixed = params.length - 1;
      if (args.length < fixed) throw new CppError(`macro \`${name}\` takes at least ${fixed} argument${fixed === 1 ? '' : 's'}, got ${args.length}`);
      const va = args.slice(fixed).flatMap((a, k) => (k === 0 ? a : [{ kind: 'other' as const, text: ',' }, { kind: 'space' as const, text: ' ' }, ...a]));
      args = [...args.slice(0, fixed), va];
    } else if (args.length !== params.length) {
      throw new CppError(`macro \`${name}\` takes ${params.length} argument${params.length === 1 ? '' : 's'}, got ${args.length}`);
    }
    const index = (t: Tok | undefined) => (t?.kind === 'ident' ? params.indexOf(t.text) : -1);
    const pieces: { tok: Tok; raw?: boolean }[] = [];
    const body = macro.body;
    for (let k = 0; k < body.length; k++) {
      const t = body[k];
      if (t.text === '#') {
        let n = k + 1;
        while (body[n]?.kind === 'space') n++;
        const p = index(body[n]);
        if (p >= 0) {
          pieces.push({ tok: { kind: 'string', text: JSON.stringify(text(args[p]).replace(/\s+/g, ' ')) } });
          k = n;
          continue;
        }
      }
      const p = index(t);
      if (p < 0) {
        pieces.push({ tok: t });
        continue;
      }
      // Next to ##, an argument is pasted as written; elsewhere it is expanded first.
      const prev = [...pieces].reverse().find((x) => x.tok.kind !== 'space');
      let n = k + 1;
      while (body[n]?.kind === 'space') n++;
      const pasted = prev?.tok.text === '##' || body[n]?.text === '##';
      const value = pasted ? args[p] : this.expand(args[p], depth + 1);
      if (value.length === 0) pieces.push({ tok: { kind: 'space', text: '' }, raw: true });
      for (const v of value) pieces.push({ tok: v, raw: true });
    }
    return this.paste(pieces);
  }

  /** Applies `##`: the tokens on either side become one (`, ## __VA_ARGS__` drops the comma when empty). */
  private paste(pieces: readonly { tok: Tok; raw?: boolean }[]): Tok[] {
    const out: Tok[] = [];
    for (let k = 0; k < pieces.length; k++) {
      const t = pieces[k].tok;
      if (t.text !== '##' || pieces[k].raw) {
        out.push(t);
        continue;
      }
      while (out.length > 0 && out[out.length - 1].kind === 'space') out.pop();
      let n = k + 1;
      while (n < pieces.length && pieces[n].tok.kind === 'space' && pieces[n].tok.text !== '') n++;
      const right = pieces[n]?.tok;
      const left = out.pop();
      if (right === undefined || (right.text === '' && left?.text === ',')) {
        k = n; // `, ## __VA_ARGS__` with no variadic arguments: the comma goes
        continue;
      }
      out.push(...tokenize((left?.text ?? '') + right.text));
      k = n;
    }
    return out;
  }

  // ---- #if expressions --------------------------------------------------------------------------

  private condition(rest: string): boolean {
    // `defined X` is decided before expansion; names left after it count as 0.
    const withDefined = rest.replace(/\bdefined\s*(?:\(\s*([A-Za-z_$][\w$]*)\s*\)|([A-Za-z_$][\w$]*))/g,
      (_m, a: string | undefined, b: string | undefined) => (this.macros.has(a ?? b ?? '') ? ' 1 ' : ' 0 '));
    const toks = this.expand(tokenize(withDefined), 0).filter((t) => t.kind !== 'space');
    if (toks.length === 0) throw new CppError('`#if` needs an expression');
    return new IfExpr(toks).value() !== 0n;
  }
}

/** Integer expressions of `#if`, in C's precedence, on 64-bit values. */
class IfExpr {
  private i = 0;
  constructor(private readonly toks: readonly Tok[]) {}

  value(): bigint {
    const v = this.ternary();
    if (this.i < this.toks.length) throw new CppError(`\`#if\`: unexpected \`${this.toks[this.i].text}\``);
    return v;
  }

  private peek(): string | undefined {
    const t = this.toks[this.i];
    if (t === undefined) return undefined;
    const two = t.text + (this.toks[this.i + 1]?.text ?? '');
    return ['<<', '>>', '<=', '>=', '==', '!=', '&&', '||'].includes(two) && t.kind === 'other' ? two : t.text;
  }

  private take(op: string): boolean {
    if (this.peek() !== op) return false;
    this.i += op.length === 2 && op !== '##' ? 2 : 1;
    return true;
  }

  private ternary(): bigint {
    const c = this.binary(0);
    if (!this.take('?')) return c;
    const a = this.ternary();
    if (!this.take(':')) throw new CppError('`#if`: `?` without `:`');
    const b = this.ternary();
    return c !== 0n ? a : b;
  }

  private static readonly LEVELS: readonly (readonly string[])[] = [
    ['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '>', '<=', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%'],
  ];

  private binary(level: number): bigint {
    if (level >= IfExpr.LEVELS.length) return this.unary();
    let a = this.binary(level + 1);
    for (;;) {
      const op = IfExpr.LEVELS[level].find((o) => this.peek() === o);
      if (op === undefined) return a;
      this.take(op);
      const b = this.binary(level + 1);
      a = BigInt.asIntN(64, IfExpr.apply(op, a, b));
    }
  }

  private static apply(op: string, a: bigint, b: bigint): bigint {
    const bool = (x: boolean) => (x ? 1n : 0n);
    switch (op) {
      case '||': return bool(a !== 0n || b !== 0n);
      case '&&': return bool(a !== 0n && b !== 0n);
      case '|': return a | b;
      case '^': return a ^ b;
      case '&': return a & b;
      case '==': return bool(a === b);
      case '!=': return bool(a !== b);
      case '<': return bool(a < b);
      case '>': return bool(a > b);
      case '<=': return bool(a <= b);
      case '>=': return bool(a >= b);
      case '<<': return a << (b & 63n);
      case '>>': return a >> (b & 63n);
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      default:
        if (b === 0n) throw new CppError('`#if`: division by zero');
        return op === '/' ? a / b : a % b;
    }
  }

  private unary(): bigint {
    if (this.take('!')) return this.unary() === 0n ? 1n : 0n;
    if (this.take('-')) return BigInt.asIntN(64, -this.unary());
    if (this.take('+')) return this.unary();
    if (this.take('~')) return ~this.unary();
    if (this.take('(')) {
      const v = this.ternary();
      if (!this.take(')')) throw new CppError('`#if`: missing `)`');
      return v;
    }
    const t = this.toks[this.i++];
    if (t === undefined) throw new CppError('`#if`: the expression ends too early');
    if (t.kind === 'ident') return 0n; // an undefined name counts as 0, as in C
    if (t.kind === 'number') {
      const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9]\d*)[uUlL]*$/.exec(t.text);
      if (m === null) throw new CppError(`\`#if\`: \`${t.text}\` is not an integer`);
      const digits = m[1];
      return BigInt.asIntN(64, /^0[0-7]+$/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits));
    }
    if (t.kind === 'string' && t.text.startsWith("'")) return BigInt(t.text.length === 3 ? t.text.charCodeAt(1) : 0);
    throw new CppError(`\`#if\`: unexpected \`${t.text}\``);
  }
}
