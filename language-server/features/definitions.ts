/**
 * Finding a symbol's definitions and references across a document and the files it includes.
 * Numeric local labels are per file (their keys count instances within one file).
 */
import { Occurrence } from '../document/index';
import { SourceFile, Workspace } from '../document/workspace';
import { Definition } from '../hover/symbol';

export interface Found {
  readonly file: SourceFile;
  readonly occurrence: Occurrence;
}

function scope(ws: Workspace, file: SourceFile, occ: Occurrence): SourceFile[] {
  return occ.kind === 'local' ? [file] : ws.family(file);
}

export function definitionsOf(ws: Workspace, file: SourceFile, occ: Occurrence): Definition[] {
  return scope(ws, file, occ).flatMap((f) => {
    const index = ws.index(f);
    return index.occurrences.filter((o) => o.def && o.key === occ.key).map((o) => ({ file: f, index, occurrence: o }));
  });
}

export function referencesOf(ws: Workspace, file: SourceFile, occ: Occurrence, includeDeclaration: boolean): Found[] {
  return scope(ws, file, occ).flatMap((f) => ws.index(f).occurrences
    .filter((o) => o.key === occ.key && (includeDeclaration || !o.def))
    .map((o) => ({ file: f, occurrence: o })));
}
