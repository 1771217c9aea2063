/**
 * textDocument/documentSymbol: the Outline view. Sections (each switch to one starts a node) hold
 * the labels, constants and macros defined in them; a label's range runs to the line before the
 * next label. Numeric local labels are left out: they are branch targets, not landmarks.
 */
import { DocumentSymbol, Range, SymbolKind as LspSymbolKind } from 'vscode-languageserver';
import { DocumentIndex, Occurrence, SymbolKind } from '../document/index';

const KINDS: Readonly<Record<Exclude<SymbolKind, 'local'>, LspSymbolKind>> = {
  label: LspSymbolKind.Function,
  constant: LspSymbolKind.Constant,
  macro: LspSymbolKind.Method,
  cpp: LspSymbolKind.Constant,
};

export function documentSymbols(index: DocumentIndex, lines: readonly string[]): DocumentSymbol[] {
  const last = Math.max(0, lines.length - 1);
  /** Whole lines from..to (to never before from). */
  const span = (from: number, to: number): Range => {
    const end = Math.max(from, to);
    return { start: { line: from, character: 0 }, end: { line: end, character: lines[end]?.length ?? 0 } };
  };
  const word = (o: { line: number; start: number; end: number }): Range => ({ start: { line: o.line, character: o.start }, end: { line: o.line, character: o.end } });

  const sections = index.sections;
  const sectionEnd = (i: number) => (i + 1 < sections.length ? sections[i + 1].line - 1 : last);
  const nodes = sections.map((s, i): DocumentSymbol => ({
    name: s.name, kind: LspSymbolKind.Namespace, range: span(s.line, sectionEnd(i)), selectionRange: span(s.line, s.line), children: [],
  }));
  const top: DocumentSymbol[] = [];
  const defs = index.occurrences.filter((o): o is Occurrence & { kind: Exclude<SymbolKind, 'local'> } => o.def && o.kind !== 'local');
  defs.forEach((o, i) => {
    const owner = sections.reduce((found, s, k) => (s.line <= o.line ? k : found), -1);
    const boundary = owner >= 0 ? sectionEnd(owner) : (sections[0]?.line ?? last + 1) - 1;
    const next = defs.slice(i + 1).find((n) => n.kind === 'label' && n.line > o.line);
    const end = o.kind === 'label' ? Math.min(boundary, next !== undefined ? next.line - 1 : boundary) : o.line;
    const symbol: DocumentSymbol = { name: o.name, kind: KINDS[o.kind], range: span(o.line, end), selectionRange: word(o) };
    (owner >= 0 ? nodes[owner].children! : top).push(symbol);
  });
  return [...top, ...nodes];
}
