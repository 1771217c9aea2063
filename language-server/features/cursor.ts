/**
 * Where the cursor is, in assembler terms: which statement, which token, and whether that is the
 * statement's head (mnemonic or directive position) or its n-th operand. Hover, completion and
 * signature help all start here.
 */
import { Token } from '../../emulator/asm/tokens';
import { AsmStatement } from '../document/statements';
import { DocumentIndex, Occurrence } from '../document/index';

export type Place =
  /** In a comment or a string: nothing to offer. */
  | { readonly kind: 'none' }
  /** Where a mnemonic or directive goes; `prefix` is what is typed of it so far. */
  | { readonly kind: 'head'; readonly prefix: string; readonly start: number; readonly statement?: AsmStatement }
  | {
    readonly kind: 'operand';
    readonly statement: AsmStatement;
    /** Which operand (0-based): top-level commas before the cursor. */
    readonly index: number;
    /** What is typed of the current word, and the column it starts at. */
    readonly prefix: string;
    readonly start: number;
    /** Right after `%`: a relocation operator goes here. */
    readonly reloc: boolean;
    /** Inside an unclosed `(`: the base register of `offset(base)`. */
    readonly inParens: boolean;
  };

export function statementsOnLine(index: DocumentIndex, line: number): AsmStatement[] {
  return index.statements.filter((s) => s.line === line);
}

/** The statement whose text spans column `ch` of `line` (its end included: the cursor after it). */
export function statementAt(index: DocumentIndex, line: number, ch: number): AsmStatement | undefined {
  return statementsOnLine(index, line).find((s) => ch >= s.col0 && ch <= s.col0 + s.text.length);
}

/** The token under column `ch`. */
export function tokenAt(st: AsmStatement, ch: number): Token | undefined {
  const rel = ch - st.col0;
  return st.tokens.find((t) => t.start <= rel && rel < t.end);
}

/** Inside a string still being typed (the lenient tokenizer drops an unclosed one). */
function inOpenString(text: string): boolean {
  return (text.replace(/\\./g, '').match(/"/g) ?? []).length % 2 === 1;
}

export function occurrenceAt(index: DocumentIndex, line: number, ch: number): Occurrence | undefined {
  return index.occurrences.find((o) => o.line === line && o.start <= ch && ch < o.end)
    ?? index.occurrences.find((o) => o.line === line && o.end === ch);
}

const WORD_CHAR = /[\w.$]/;

/** The word being typed before column `ch` of `lineText`, and where it starts. */
function wordBefore(lineText: string, ch: number): { prefix: string; start: number } {
  let start = ch;
  while (start > 0 && WORD_CHAR.test(lineText[start - 1])) start--;
  return { prefix: lineText.slice(start, ch), start };
}

export function placeAt(index: DocumentIndex, lineText: string, line: number, ch: number): Place {
  const st = statementAt(index, line, ch);
  const { prefix, start } = wordBefore(lineText, ch);
  if (st === undefined) {
    // Between statements only blanks and `;` are code; anything else is a comment.
    const ends = statementsOnLine(index, line).map((s) => s.col0 + s.text.length).filter((e) => e <= ch);
    const from = ends.length > 0 ? Math.max(...ends) : 0;
    return /^[\s;]*$/.test(lineText.slice(from, start)) ? { kind: 'head', prefix, start } : { kind: 'none' };
  }
  const rel = ch - st.col0;
  const inString = st.tokens.some((t) => (t.kind === 'string' || t.kind === 'char') && t.start < rel && rel < t.end);
  if (inString || inOpenString(st.text.slice(0, rel))) return { kind: 'none' };
  const head = st.head;
  const afterLabels = st.labels.length === 0 || rel > st.labels[st.labels.length - 1].end;
  if (head === undefined) {
    return afterLabels && st.operands.length === 0 ? { kind: 'head', prefix, start, statement: st } : { kind: 'none' };
  }
  if (rel <= head.end) return afterLabels ? { kind: 'head', prefix, start, statement: st } : { kind: 'none' };
  let operand = 0;
  let depth = 0;
  for (const t of st.operands) {
    if (t.start >= rel) break;
    if (t.kind !== 'punct') continue;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    else if (t.text === ',' && depth <= 0) {
      operand++;
      depth = 0;
    }
  }
  const reloc = lineText[start - 1] === '%';
  return { kind: 'operand', statement: st, index: operand, prefix, start: reloc ? start - 1 : start, reloc, inParens: depth > 0 };
}
