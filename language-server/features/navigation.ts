/**
 * textDocument/definition and textDocument/references for labels, numeric local labels, constants
 * and macros; a definition request on an `.include`d file name opens that file.
 */
import { Location, Position } from 'vscode-languageserver';
import { SourceFile, Workspace } from '../document/workspace';
import { Occurrence } from '../document/index';
import { occurrenceAt } from './cursor';
import { definitionsOf, referencesOf } from './definitions';

function location(file: SourceFile, o: Occurrence): Location {
  return { uri: file.uri, range: { start: { line: o.line, character: o.start }, end: { line: o.line, character: o.end } } };
}

export function definitionAt(ws: Workspace, file: SourceFile, pos: Position): Location[] {
  const index = ws.index(file);
  const inc = index.includes.find((i) => i.line === pos.line && i.start <= pos.character && pos.character <= i.end);
  if (inc !== undefined) {
    const target = ws.resolveInclude(inc.file, file);
    return target === undefined ? [] : [{ uri: target.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
  }
  const occ = occurrenceAt(index, pos.line, pos.character);
  if (occ === undefined) return [];
  return definitionsOf(ws, file, occ).map((d) => location(d.file, d.occurrence));
}

export function referencesAt(ws: Workspace, file: SourceFile, pos: Position, includeDeclaration: boolean): Location[] {
  const occ = occurrenceAt(ws.index(file), pos.line, pos.character);
  if (occ === undefined) return [];
  return referencesOf(ws, file, occ, includeDeclaration).map((r) => location(r.file, r.occurrence));
}
