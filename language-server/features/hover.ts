/**
 * textDocument/hover: decides what the token under the cursor is — mnemonic, directive, register,
 * CSR, relocation operator or symbol — and hands it to that hover's renderer (hover/).
 */
import { Hover, MarkupKind, Position } from 'vscode-languageserver';
import { Token } from '../../emulator/asm/tokens';
import { regNumber } from '../../emulator/isa/registers';
import { csrNumber } from '../../emulator/isa/csr-names';
import { AsmStatement, operandGroups } from '../document/statements';
import { SourceFile, Workspace } from '../document/workspace';
import { mnemonicInfo, takesOperand } from '../knowledge/mnemonics';
import { RELOCATION_DOCS } from '../knowledge/relocations';
import { mnemonicHover } from '../hover/mnemonic';
import { registerHover } from '../hover/register';
import { csrHover } from '../hover/csr';
import { directiveHover } from '../hover/directive';
import { AssemblyRecord, symbolHover } from '../hover/symbol';
import { occurrenceAt, statementAt, tokenAt } from './cursor';
import { definitionsOf } from './definitions';

function markdown(value: string, st: AsmStatement, t: Token): Hover {
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: { line: st.line, character: st.col0 + t.start }, end: { line: st.line, character: st.col0 + t.end } },
  };
}

/** The operand index of token `t` (top-level commas before it). */
function operandIndex(st: AsmStatement, t: Token): number {
  return operandGroups(st).findIndex((g) => g.includes(t));
}

/** A CSR operand: a CSR name, or a number in a CSR slot of the instruction. */
function csrAt(st: AsmStatement, t: Token): number | undefined {
  const info = st.kind === 'instruction' ? mnemonicInfo(st.head!.text) : undefined;
  if (info === undefined || !takesOperand(info, 'csr')) return undefined;
  if (t.kind === 'ident') return csrNumber(t.text.toLowerCase());
  const index = operandIndex(st, t);
  const inCsrSlot = info.spellings.some((s) => s.operands[index] === 'csr');
  return t.kind === 'number' && inCsrSlot && operandGroups(st)[index].length === 1 && t.value! <= 0xfff ? t.value : undefined;
}

export function hoverAt(ws: Workspace, file: SourceFile, pos: Position, record: AssemblyRecord | undefined): Hover | null {
  const index = ws.index(file);
  const st = statementAt(index, pos.line, pos.character);
  const t = st === undefined ? undefined : tokenAt(st, pos.character);
  if (st === undefined || t === undefined) return null;
  if (t === st.head && st.kind === 'instruction') {
    const info = mnemonicInfo(t.text);
    if (info !== undefined) return markdown(mnemonicHover(info, operandGroups(st).length), st, t);
  }
  if (t === st.head && st.kind === 'directive') {
    const text = directiveHover(t.text);
    return text === undefined ? null : markdown(text, st, t);
  }
  if (t.kind === 'reloc') {
    const doc = RELOCATION_DOCS[t.text.toLowerCase()];
    return doc === undefined ? null : markdown(`**${t.text}** — relocation operator\n\n${doc}`, st, t);
  }
  const csr = csrAt(st, t);
  if (csr !== undefined) return markdown(csrHover(csr), st, t);
  const reg = t.kind === 'ident' && st.kind === 'instruction' ? regNumber(t.text.toLowerCase()) : undefined;
  if (reg !== undefined) return markdown(registerHover(t.text, reg), st, t);
  const occ = occurrenceAt(index, pos.line, pos.character);
  if (occ !== undefined) return markdown(symbolHover(occ, definitionsOf(ws, file, occ), file, record), st, t);
  return null;
}
