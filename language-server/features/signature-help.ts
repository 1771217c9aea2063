/**
 * textDocument/signatureHelp: the spellings of the instruction (or the usage of the directive) being
 * written, with the operand under the cursor highlighted and explained.
 */
import { ParameterInformation, Position, SignatureHelp, SignatureInformation } from 'vscode-languageserver';
import { SourceFile, Workspace } from '../document/workspace';
import { operandGroups } from '../document/statements';
import { displaySpelling, mnemonicInfo } from '../knowledge/mnemonics';
import { operandDoc } from '../knowledge/operands';
import { directiveDoc } from '../knowledge/directives';
import { placeAt } from './cursor';

/** A signature whose parameters are the comma-separated operands after the first space of `label`. */
function signature(label: string, operandDocs: readonly string[], documentation?: string): SignatureInformation {
  const parameters: ParameterInformation[] = [];
  const space = label.indexOf(' ');
  if (space >= 0) {
    let at = space + 1;
    label.slice(space + 1).split(', ').forEach((op, i) => {
      parameters.push({ label: [at, at + op.length], documentation: operandDocs[i] });
      at += op.length + 2;
    });
  }
  return { label, parameters, documentation };
}

export function signatureHelpAt(ws: Workspace, file: SourceFile, pos: Position, lineText: string): SignatureHelp | null {
  const place = placeAt(ws.index(file), lineText, pos.line, pos.character);
  if (place.kind !== 'operand') return null;
  const head = place.statement.head!;
  const written = Math.max(operandGroups(place.statement).length, place.index + 1);
  if (head.text.startsWith('.')) {
    const doc = directiveDoc(head.text);
    if (doc === undefined || doc.usage === '') return null;
    return { signatures: [signature(`${head.text.toLowerCase()} ${doc.usage}`, [], doc.doc)], activeSignature: 0, activeParameter: place.index };
  }
  const info = mnemonicInfo(head.text);
  if (info === undefined) return null;
  const spellings = info.spellings.filter((s) => s.operands.length > 0);
  if (spellings.length === 0) return null;
  const signatures = spellings.map((s) => signature(displaySpelling(s), s.operands.map((_, i) => operandDoc(s, i)), info.description));
  // The spelling with as many operands as are written, else the first that has this one.
  let active = spellings.findIndex((s) => s.operands.length === written);
  if (active < 0) active = Math.max(0, spellings.findIndex((s) => s.operands.length > place.index));
  return { signatures, activeSignature: active, activeParameter: place.index };
}
