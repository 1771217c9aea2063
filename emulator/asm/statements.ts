/**
 * Splitting source text into statements: comments (`#`, `//`, `/* ... *\/`) removed, `;` and newlines
 * separating statements, strings and character constants kept whole. Columns are preserved (comments
 * become spaces), so every later stage can point at the exact character it complains about.
 */
import { Diagnostics, Span } from './diagnostics';
import type { SourceLine } from './cpp';

/** Where a macro expansion came from: diagnostics inside it are reported at the invocation. */
export interface Expansion {
  readonly macro: string;
  readonly at: Span;
}

export interface Statement {
  readonly file: string;
  /** 1-based line of the statement in `file`. */
  readonly line: number;
  /** 0-based offset of text[0] within its line. */
  readonly col0: number;
  readonly text: string;
  readonly expansion?: Expansion;
}

/** The span of text[from, to) of a statement (or of its macro invocation, inside an expansion). */
export function spanOf(st: Statement, from = 0, to?: number): Span {
  if (st.expansion !== undefined) return st.expansion.at;
  const end = to ?? st.text.length;
  return { file: st.file, line: st.line, column: st.col0 + from + 1, endColumn: st.col0 + Math.max(end, from + 1) + 1 };
}

interface ScanState {
  inBlockComment: boolean;
}

/** Splits one physical line (after block-comment state) into statement pieces. */
function scanLine(line: string, state: ScanState, emit: (col0: number, text: string) => void,
  complain: (col: number, message: string) => void): void {
  const chars = line.split('');
  let start = 0;
  let i = 0;
  const flush = (end: number) => {
    const text = chars.slice(start, end).join('');
    if (text.trim() !== '') emit(start, text);
  };
  while (i < chars.length) {
    if (state.inBlockComment) {
      if (chars[i] === '*' && chars[i + 1] === '/') {
        chars[i] = ' ';
        chars[i + 1] = ' ';
        i += 2;
        state.inBlockComment = false;
      } else {
        chars[i++] = ' ';
      }
      continue;
    }
    const c = chars[i];
    if (c === '/' && chars[i + 1] === '*') {
      state.inBlockComment = true;
      chars[i] = ' ';
      chars[i + 1] = ' ';
      i += 2;
    } else if (c === '#' || (c === '/' && chars[i + 1] === '/')) {
      chars.length = i;
      break;
    } else if (c === '"') {
      const open = i++;
      while (i < chars.length && chars[i] !== '"') i += chars[i] === '\\' ? 2 : 1;
      if (i >= chars.length) complain(open, 'missing closing `"` of this string');
      i++;
    } else if (c === "'") {
      // A character constant: 'a', '\n' (the closing quote is optional in GNU as).
      i += chars[i + 1] === '\\' ? 3 : 2;
      if (chars[i] === "'") i++;
    } else if (c === ';') {
      flush(i);
      start = i + 1;
      i++;
    } else {
      i++;
    }
  }
  flush(Math.min(i, chars.length));
}

/** All statements of a file, in order. */
export function splitStatements(file: string, text: string, diags: Diagnostics): Statement[] {
  return splitLines(text.split(/\r?\n/).map((t, index) => ({ file, line: index + 1, text: t })), diags);
}

/** All statements of lines that each say where they come from (the C preprocessor's output). */
export function splitLines(lines: readonly SourceLine[], diags: Diagnostics): Statement[] {
  const out: Statement[] = [];
  const state: ScanState = { inBlockComment: false };
  let commentStart: Span | undefined;
  for (const { file, line, text } of lines) {
    const wasIn = state.inBlockComment;
    scanLine(text, state,
      (col0, t) => out.push({ file, line, col0, text: t }),
      (col, message) => diags.error({ file, line, column: col + 1 }, message));
    if (!wasIn && state.inBlockComment) commentStart = { file, line, column: text.lastIndexOf('/*') + 1 };
  }
  if (state.inBlockComment && commentStart !== undefined) diags.error(commentStart, 'this `/*` comment is never closed with `*/`');
  return out;
}

/** Splits text made by a macro expansion into statements attributed to the invocation. */
export function splitExpansion(text: string, like: Statement, expansion: Expansion): Statement[] {
  const out: Statement[] = [];
  const state: ScanState = { inBlockComment: false };
  for (const line of text.split('\n')) {
    scanLine(line, state, (col0, t) => out.push({ file: like.file, line: like.line, col0, text: t, expansion }), () => undefined);
  }
  return out;
}
