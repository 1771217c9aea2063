/**
 * The text-level stage between splitting and assembling: `.include`, `.macro`/`.endm` (with `\arg`
 * substitution, default values, `:req` and `:vararg`), `.rept`/`.endr`, `.irp`/`.endr`, `.end`, and
 * conditional assembly (conditionals.ts). It runs as the assembler pulls statements, so a condition
 * sees the symbols defined above it.
 * Macros work on text, as in GNU as: an argument may be any text, even part of a name.
 */
import { Diagnostics } from './diagnostics';
import { Statement, spanOf, splitExpansion, splitLines, splitStatements } from './statements';
import { CPreprocessor, isCppSource } from './cpp';
import { ConditionScope, Conditions, evaluateConstant, isConditional } from './conditionals';

/** Reads an included file: `name` as written, relative to the including file `from`. */
export type IncludeReader = (name: string, from: string) => { path: string; text: string } | undefined;

interface MacroParam {
  readonly name: string;
  readonly def?: string;
  readonly required: boolean;
  readonly vararg: boolean;
}

interface Macro {
  readonly name: string;
  readonly params: readonly MacroParam[];
  readonly body: readonly string[];
}

const LEADING_LABELS = /^\s*((?:(?:[A-Za-z_.$][\w.$]*|\d+)\s*:(?!=)\s*)+)/;
const WORD = /^\s*([A-Za-z_.$][\w.$]*)/;
const MAX_DEPTH = 64;
const MAX_REPEAT = 1 << 20;

/** The first word of a statement after any labels, and where the labels end. */
function firstWord(text: string): { labels: string; word?: string; rest: string } {
  const l = LEADING_LABELS.exec(text);
  const labels = l === null ? '' : l[0];
  const after = text.slice(labels.length);
  const w = WORD.exec(after);
  return { labels, word: w?.[1], rest: w === null ? after : after.slice(w[0].length) };
}

/** Splits macro arguments at top-level commas (or blanks, when there are no commas). */
function splitArgs(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote = false;
  let cur = '';
  let sawComma = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' && text[i - 1] !== '\\') quote = !quote;
    if (!quote && c === '(') depth++;
    if (!quote && c === ')') depth--;
    if (!quote && depth === 0 && c === ',') {
      args.push(cur.trim());
      cur = '';
      sawComma = true;
      continue;
    }
    cur += c;
  }
  if (cur.trim() !== '' || sawComma) args.push(cur.trim());
  if (!sawComma && args.length === 1 && /\s/.test(args[0]) && !/["(]/.test(args[0])) return args[0].split(/\s+/);
  return args;
}

function parseParams(text: string): MacroParam[] {
  return splitArgs(text).filter((p) => p !== '').map((p) => {
    const m = /^([A-Za-z_.$][\w.$]*)\s*(?::\s*(req|vararg))?\s*(?:=\s*(.*))?$/.exec(p);
    if (m === null) throw new Error(`bad macro parameter \`${p}\``);
    return { name: m[1], required: m[2] === 'req', vararg: m[2] === 'vararg', def: m[3] };
  });
}

export class Preprocessor {
  private readonly macros = new Map<string, Macro>();
  private expansions = 0;
  /** Files read, in order of first use (for the line table). */
  readonly files: string[] = [];

  /** The assembler's symbols so far, for conditions (set once the assembler exists). */
  scope?: ConditionScope;

  constructor(private readonly diags: Diagnostics, private readonly readInclude: IncludeReader) {}

  *file(path: string, text: string, depth = 0): Generator<Statement> {
    if (!this.files.includes(path)) this.files.push(path);
    if (!isCppSource(path)) {
      yield* this.run(splitStatements(path, text, this.diags), depth);
      return;
    }
    // A `.S` file goes through the C preprocessor first, as GCC sends it; its #includes are sources too.
    const lines = new CPreprocessor(this.diags, this.readInclude).run(path, text);
    for (const l of lines) if (!this.files.includes(l.file)) this.files.push(l.file);
    yield* this.run(splitLines(lines, this.diags), depth);
  }

  /** Processes statements, yielding what the assembler sees. Returns true when `.end` was seen. */
  private *run(input: readonly Statement[], depth: number): Generator<Statement, boolean> {
    const conditions = new Conditions(this.diags, () => this.scope);
    try {
      return yield* this.runWith(input, depth, conditions);
    } finally {
      conditions.finish();
    }
  }

  private *runWith(input: readonly Statement[], depth: number, conditions: Conditions): Generator<Statement, boolean> {
    for (let i = 0; i < input.length; i++) {
      const st = input[i];
      const { labels, word, rest } = firstWord(st.text);
      const directive = word?.toLowerCase();
      if (directive !== undefined && isConditional(directive)) {
        if (labels !== '' && conditions.active) yield { ...st, text: labels };
        conditions.handle(directive, rest, spanOf(st));
        continue;
      }
      if (!conditions.active) continue;
      if (directive === '.macro' || directive === '.rept' || directive === '.irp' || directive === '.irpc') {
        const end = this.findEnd(input, i, directive === '.macro' ? '.endm' : '.endr');
        if (end < 0) {
          this.diags.error(spanOf(st), `\`${word}\` has no matching \`${directive === '.macro' ? '.endm' : '.endr'}\``);
          return false;
        }
        const body = input.slice(i + 1, end);
        i = end;
        if (directive === '.macro') this.define(st, rest, body);
        else if (yield* this.repeat(st, directive, rest, body, depth)) return true;
        continue;
      }
      if (directive === '.endm' || directive === '.endr') {
        this.diags.error(spanOf(st), `\`${word}\` without a matching \`${directive === '.endm' ? '.macro' : '.rept'}\``);
        continue;
      }
      if (directive === '.purgem') {
        this.macros.delete(rest.trim());
        continue;
      }
      if (directive === '.end') return true;
      if (directive === '.include') {
        if (labels !== '') yield { ...st, text: labels };
        if (yield* this.include(st, rest, depth)) return true;
        continue;
      }
      const macro = word === undefined ? undefined : this.macros.get(word);
      if (macro !== undefined) {
        if (labels !== '') yield { ...st, text: labels };
        if (yield* this.expand(st, macro, rest, depth)) return true;
        continue;
      }
      yield st;
    }
    return false;
  }

  private findEnd(input: readonly Statement[], from: number, end: string): number {
    let nesting = 0;
    for (let j = from + 1; j < input.length; j++) {
      const w = firstWord(input[j].text).word?.toLowerCase();
      if (w === '.macro' || w === '.rept' || w === '.irp' || w === '.irpc') nesting++;
      if (w === '.endm' || w === '.endr') {
        if (nesting === 0) {
          if (w === end) return j;
        } else {
          nesting--;
        }
      }
    }
    return -1;
  }

  private define(st: Statement, rest: string, body: readonly Statement[]): void {
    const m = /^\s*([A-Za-z_.$][\w.$]*)\s*,?\s*(.*)$/.exec(rest);
    if (m === null) {
      this.diags.error(spanOf(st), '`.macro` needs a name');
      return;
    }
    let params: MacroParam[];
    try {
      params = parseParams(m[2]);
    } catch (e) {
      this.diags.error(spanOf(st), (e as Error).message);
      return;
    }
    this.macros.set(m[1], { name: m[1], params, body: body.map((b) => b.text) });
  }

  private *expand(st: Statement, macro: Macro, rest: string, depth: number): Generator<Statement, boolean> {
    const at = spanOf(st);
    if (depth >= MAX_DEPTH) {
      this.diags.error(at, `macro \`${macro.name}\` expands itself too deeply (more than ${MAX_DEPTH} levels)`);
      return false;
    }
    const values = new Map<string, string>();
    const args = splitArgs(rest);
    let positional = 0;
    for (let k = 0; k < args.length; k++) {
      const kw = /^([A-Za-z_.$][\w.$]*)\s*=(?!=)\s*(.*)$/.exec(args[k]);
      if (kw !== null && macro.params.some((p) => p.name === kw[1])) {
        values.set(kw[1], kw[2]);
        continue;
      }
      const param = macro.params[positional++];
      if (param === undefined) {
        this.diags.error(at, `macro \`${macro.name}\` takes ${macro.params.length} argument${macro.params.length === 1 ? '' : 's'}, got ${args.length}`);
        return false;
      }
      values.set(param.name, param.vararg ? args.slice(k).join(', ') : args[k]);
      if (param.vararg) break;
    }
    for (const p of macro.params) {
      if (values.has(p.name)) continue;
      if (p.required) {
        this.diags.error(at, `macro \`${macro.name}\` needs a value for its argument \`${p.name}\``);
        return false;
      }
      values.set(p.name, p.def ?? '');
    }
    const counter = String(this.expansions++);
    const text = macro.body.map((line) => line.replace(/\\(\(\)|@|[A-Za-z_.$][\w.$]*)/g, (whole, name: string) => {
      if (name === '()') return '';
      if (name === '@') return counter;
      return values.get(name) ?? whole;
    })).join('\n');
    const expansion = st.expansion ?? { macro: macro.name, at };
    const body = splitExpansion(text, st, expansion);
    // `.exitm` ends the expansion early.
    const exit = body.findIndex((b) => firstWord(b.text).word?.toLowerCase() === '.exitm');
    return yield* this.run(exit < 0 ? body : body.slice(0, exit), depth + 1);
  }

  private *repeat(st: Statement, directive: string, rest: string, body: readonly Statement[], depth: number): Generator<Statement, boolean> {
    const at = spanOf(st);
    const text = body.map((b) => b.text).join('\n');
    const expansion = st.expansion ?? { macro: directive, at };
    const emit = (t: string) => this.run(splitExpansion(t, st, expansion), depth + 1);
    if (directive === '.rept') {
      let count: number;
      try {
        count = Number(evaluateConstant(rest, this.scope, 'the count'));
      } catch (e) {
        this.diags.error(at, `\`.rept\`: ${(e as Error).message}`);
        return false;
      }
      if (count < 0 || count > MAX_REPEAT) {
        this.diags.error(at, `\`.rept\`: the count must be from 0 to ${MAX_REPEAT}, got ${count}`);
        return false;
      }
      for (let k = 0; k < count; k++) if (yield* emit(text)) return true;
      return false;
    }
    const m = /^\s*([A-Za-z_.$][\w.$]*)\s*,?\s*(.*)$/.exec(rest);
    if (m === null) {
      this.diags.error(at, `\`${directive}\` needs a parameter name`);
      return false;
    }
    const items = directive === '.irp' ? splitArgs(m[2]) : m[2].trim().split('');
    for (const item of items) {
      const t = text.replace(new RegExp(`\\\\(${m[1].replace(/[.$]/g, '\\$&')}\\b|\\(\\))`, 'g'), (_w, n: string) => (n === '()' ? '' : item));
      if (yield* emit(t)) return true;
    }
    return false;
  }

  private *include(st: Statement, rest: string, depth: number): Generator<Statement, boolean> {
    const m = /^\s*"([^"]*)"\s*$/.exec(rest);
    if (m === null) {
      this.diags.error(spanOf(st), '`.include` needs a file name in double quotes');
      return false;
    }
    if (depth >= MAX_DEPTH) {
      this.diags.error(spanOf(st), `\`.include "${m[1]}"\` nests too deeply (is a file including itself?)`);
      return false;
    }
    const found = this.readInclude(m[1], st.file);
    if (found === undefined) {
      this.diags.error(spanOf(st), `cannot find the included file "${m[1]}"`);
      return false;
    }
    if (!this.files.includes(found.path)) this.files.push(found.path);
    return yield* this.run(splitStatements(found.path, found.text, this.diags), depth + 1);
  }
}
