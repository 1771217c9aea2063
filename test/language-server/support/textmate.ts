/**
 * Just enough of a TextMate tokenizer to test our grammar with JavaScript regular expressions (the
 * grammar keeps to syntax both engines share): match rules with captures, begin/end rules (end tried
 * first, as vscode-textmate does), includes of repository rules and `$self`, and the earliest match
 * winning, ties going to the rule listed first.
 */
import { Grammar, Rule } from '../../../language-server/grammar/build-grammar';

export interface ScopedToken {
  readonly text: string;
  readonly scopes: readonly string[];
}

interface Candidate {
  readonly rule: Rule;
  readonly re: RegExp;
  readonly isEnd: boolean;
}

interface Frame {
  readonly rule: Rule;
  readonly end: RegExp;
  readonly scopes: readonly string[];
}

const compiled = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let re = compiled.get(source);
  if (re === undefined) {
    re = new RegExp(source, 'gd');
    compiled.set(source, re);
  }
  return re;
}

export class MiniTokenizer {
  constructor(private readonly grammar: Grammar) {}

  private flatten(rules: readonly Rule[], out: Rule[] = [], seen = new Set<Rule>()): Rule[] {
    for (const r of rules) {
      if (r.include !== undefined) {
        const target = r.include === '$self' ? { patterns: this.grammar.patterns } : this.grammar.repository[r.include.slice(1)];
        if (target === undefined) throw new Error(`no repository rule ${r.include}`);
        if (!seen.has(target)) {
          seen.add(target);
          this.flatten([target], out, seen);
        }
      } else if (r.match === undefined && r.begin === undefined) {
        this.flatten(r.patterns ?? [], out, seen);
      } else {
        out.push(r);
      }
    }
    return out;
  }

  /** Tokens of each line, with the scopes that apply to them (the grammar's own scope first). */
  tokenize(text: string): ScopedToken[][] {
    const stack: Frame[] = [];
    return text.split('\n').map((line) => this.line(line, stack));
  }

  private line(line: string, stack: Frame[]): ScopedToken[] {
    const out: ScopedToken[] = [];
    const emit = (from: number, to: number, scopes: readonly string[]) => {
      if (to > from) out.push({ text: line.slice(from, to), scopes });
    };
    const baseScopes = () => [this.grammar.scopeName, ...(stack.length > 0 ? stack[stack.length - 1].scopes.slice(1) : [])];
    let pos = 0;
    for (let guard = 0; pos <= line.length && guard < 10_000; guard++) {
      const frame = stack[stack.length - 1];
      const rules = this.flatten(frame === undefined ? this.grammar.patterns : frame.rule.patterns ?? []);
      const candidates: Candidate[] = [
        ...(frame === undefined ? [] : [{ rule: frame.rule, re: frame.end, isEnd: true }]),
        ...rules.map((rule) => ({ rule, re: regex(rule.match ?? rule.begin!), isEnd: false })),
      ];
      let best: { c: Candidate; m: RegExpExecArray } | undefined;
      for (const c of candidates) {
        c.re.lastIndex = pos;
        const m = c.re.exec(line);
        if (m !== null && (best === undefined || m.index < best.m.index)) best = { c, m };
      }
      const scopes = baseScopes();
      if (best === undefined) {
        emit(pos, line.length, scopes);
        break;
      }
      const { c, m } = best;
      emit(pos, m.index, scopes);
      const end = m.index + m[0].length;
      if (c.isEnd) {
        this.emitCaptures(m, scopes, c.rule.name, undefined, emit);
        stack.pop();
      } else if (c.rule.begin !== undefined) {
        const inner = c.rule.name === undefined ? scopes : [...scopes, c.rule.name];
        this.emitCaptures(m, scopes, c.rule.name, c.rule.beginCaptures ?? c.rule.captures, emit);
        stack.push({ rule: c.rule, end: regex(c.rule.end!), scopes: inner });
      } else {
        this.emitCaptures(m, scopes, c.rule.name, c.rule.captures, emit);
      }
      if (end === pos && !c.rule.begin) {
        // A zero-width match that opens nothing must not stall the scan.
        if (pos === line.length) break;
        emit(pos, pos + 1, scopes);
        pos++;
      } else {
        pos = end;
      }
      if (pos >= line.length && stack.length === 0) break;
    }
    return out;
  }

  private emitCaptures(m: RegExpExecArray, scopes: readonly string[], name: string | undefined,
    captures: Rule['captures'], emit: (from: number, to: number, scopes: readonly string[]) => void): void {
    const outer = name === undefined ? scopes : [...scopes, name];
    const start = m.index;
    const end = m.index + m[0].length;
    const groups = Object.entries(captures ?? {})
      .map(([k, v]) => ({ range: m.indices?.[Number(k)], name: v.name }))
      .filter((g): g is { range: [number, number]; name: string } => g.range !== undefined)
      .sort((a, b) => a.range[0] - b.range[0]);
    let at = start;
    for (const g of groups) {
      emit(at, g.range[0], outer);
      emit(g.range[0], g.range[1], [...outer, g.name]);
      at = Math.max(at, g.range[1]);
    }
    emit(at, end, outer);
  }
}

/** The scopes of the token that is exactly `text` on line `line`, or of the first token containing it. */
export function scopesOf(lines: readonly ScopedToken[][], line: number, text: string): readonly string[] {
  const tokens = lines[line];
  const t = tokens.find((x) => x.text === text) ?? tokens.find((x) => x.text.includes(text));
  if (t === undefined) throw new Error(`no token "${text}" on line ${line}: ${JSON.stringify(tokens.map((x) => x.text))}`);
  return t.scopes;
}
