/**
 * A document as statements: the assembler's own splitter (comments out, `;` separating) and a
 * tokenizer that survives half-typed text, then each statement's leading labels and its head — the
 * mnemonic, directive, or the name of a `name = value` assignment.
 */
import { Diagnostics } from '../../emulator/asm/diagnostics';
import { splitStatements } from '../../emulator/asm/statements';
import { Token } from '../../emulator/asm/tokens';
import { lenientTokenize } from './lenient-tokens';

export type StatementKind = 'instruction' | 'directive' | 'assignment' | 'labels';

export interface AsmStatement {
  /** 0-based line, and the column its text starts at. Token offsets are relative to the text. */
  readonly line: number;
  readonly col0: number;
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Label definitions at its start (identifiers, or numbers for numeric local labels). */
  readonly labels: readonly Token[];
  readonly kind: StatementKind;
  readonly head?: Token;
  /** The tokens after the head (after the `=` of an assignment). */
  readonly operands: readonly Token[];
}

const isPunct = (t: Token | undefined, text: string): boolean => t?.kind === 'punct' && t.text === text;

function classify(line: number, col0: number, text: string): AsmStatement {
  const tokens = lenientTokenize(text);
  const labels: Token[] = [];
  let i = 0;
  while (i + 1 < tokens.length && (tokens[i].kind === 'ident' || tokens[i].kind === 'number') && isPunct(tokens[i + 1], ':')) {
    labels.push(tokens[i]);
    i += 2;
  }
  const base = { line, col0, text, tokens, labels };
  const head = tokens[i];
  if (head === undefined || head.kind !== 'ident') return { ...base, kind: 'labels', operands: tokens.slice(i) };
  if (isPunct(tokens[i + 1], '=')) return { ...base, kind: 'assignment', head, operands: tokens.slice(i + 2) };
  const kind = head.text.startsWith('.') ? 'directive' : 'instruction';
  return { ...base, kind, head, operands: tokens.slice(i + 1) };
}

export function parseStatements(file: string, text: string): AsmStatement[] {
  // Lexical problems are the assembler's to report; here they only must not stop the parse.
  return splitStatements(file, text, new Diagnostics()).map((st) => classify(st.line - 1, st.col0, st.text));
}

/** The operand tokens of a statement split at top-level commas, each group with its index. */
export function operandGroups(st: AsmStatement): Token[][] {
  const groups: Token[][] = [[]];
  let depth = 0;
  for (const t of st.operands) {
    if (isPunct(t, '(')) depth++;
    if (isPunct(t, ')')) depth--;
    if (isPunct(t, ',') && depth <= 0) groups.push([]);
    else groups[groups.length - 1].push(t);
  }
  return st.operands.length === 0 ? [] : groups;
}
