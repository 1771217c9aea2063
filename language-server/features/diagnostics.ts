/**
 * Diagnostics as you type: a document is assembled (with the files it includes) a moment after the
 * last change, and every problem the assembler found is published at its line and columns. Problems
 * inside an included file are also shown on the `.include` that brings them in. The symbols and line
 * table of the last error-free run are kept for hovers and completion.
 */
import * as fs from 'fs';
import * as path from 'path';
import { assemblyProgramOf } from '../../emulator/asm/program-files';
import { Diagnostic, DiagnosticSeverity, PublishDiagnosticsParams } from 'vscode-languageserver';
import { assemble } from '../../emulator/asm/assemble';
import { Diagnostic as AsmDiagnostic } from '../../emulator/asm/diagnostics';
import { SourceFile, Workspace } from '../document/workspace';
import { IncludeMark } from '../document/index';
import { AssemblyRecord } from '../hover/symbol';

export const DIAGNOSTIC_SOURCE = 'translucent-as';

const SEVERITIES: Readonly<Record<AsmDiagnostic['severity'], DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
};

/** Where a problem in a file the document includes is shown: on the `.include` that leads to it. */
function includeLeadingTo(ws: Workspace, file: SourceFile, problemFile: string): IncludeMark | undefined {
  return ws.index(file).includes.find((inc) => {
    const target = ws.resolveInclude(inc.file, file);
    return target !== undefined && ws.family(target).some((f) => f.path === problemFile);
  });
}

export function toLspDiagnostics(ws: Workspace, file: SourceFile, list: readonly AsmDiagnostic[]): Diagnostic[] {
  return list.flatMap((d): Diagnostic[] => {
    const line = Math.max(0, d.line - 1);
    const start = Math.max(0, d.column - 1);
    const end = Math.max(start + 1, (d.endColumn ?? d.column + 1) - 1);
    const range = { start: { line, character: start }, end: { line, character: end } };
    const base = { severity: SEVERITIES[d.severity], source: DIAGNOSTIC_SOURCE };
    if (d.file === file.path) return [{ ...base, range, message: d.message }];
    const inc = includeLeadingTo(ws, file, d.file);
    const at = inc === undefined
      ? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }
      : { start: { line: inc.line, character: inc.start }, end: { line: inc.line, character: inc.end } };
    const other = ws.file(d.file);
    return [{
      ...base, range: at, message: `${path.basename(d.file)}:${d.line}:${d.column}: ${d.message}`,
      relatedInformation: other === undefined ? undefined : [{ location: { uri: other.uri, range }, message: d.message }],
    }];
  });
}

export interface AssemblyServiceOptions {
  /** Milliseconds of quiet after a change before assembling. */
  delayMs: () => number;
  publish: (params: PublishDiagnosticsParams) => void;
}

export class AssemblyService {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly records = new Map<string, AssemblyRecord>();

  constructor(private readonly ws: Workspace, private readonly opts: AssemblyServiceOptions) {}

  /** Assembles `uri` after the quiet period (0: on the next turn of the event loop). */
  schedule(uri: string, delayMs = this.opts.delayMs()): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.run(uri);
    }, delayMs));
  }

  /** Also reassembles the open documents that include the changed one, or share its program. */
  changed(uri: string, open: readonly string[]): void {
    this.schedule(uri);
    const changed = this.ws.file(uri);
    if (changed === undefined) return;
    for (const other of open) {
      if (other === uri) continue;
      const root = this.ws.file(other);
      if (root === undefined) continue;
      // A program is one folder's sources: only documents beside the changed one can share it.
      const sibling = path.dirname(root.path) === path.dirname(changed.path) && this.programOf(root).some((f) => f.path === changed.path);
      if (sibling || this.ws.family(root).some((f) => f.path === changed.path)) this.schedule(other);
    }
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.records.delete(uri);
    this.opts.publish({ uri, diagnostics: [] });
  }

  record(uri: string): AssemblyRecord | undefined {
    return this.records.get(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  /**
   * The sources assembled with a document: the program it belongs to (program-files.ts: its folder's
   * sources), so that a label another file of the program defines is no error here. Open documents'
   * unsaved text wins over the disk.
   */
  private programOf(file: SourceFile): SourceFile[] {
    if (!fs.existsSync(file.path)) return [file];
    // Each source is read once, for both choosing the program and assembling it.
    const read = new Map<string, SourceFile | undefined>([[file.path, file]]);
    const source = (p: string) => {
      if (!read.has(p)) read.set(p, this.ws.file(p));
      return read.get(p);
    };
    return assemblyProgramOf(file.path, (p) => source(p)?.text).flatMap((p) => source(p) ?? []);
  }

  private run(uri: string): void {
    const file = this.ws.file(uri);
    if (file === undefined) return;
    const result = assemble(this.programOf(file).map((f) => ({ path: f.path, text: f.text })), {
      readInclude: this.ws.readInclude,
      noDebug: true,
      compDir: path.dirname(file.path),
    });
    // This document's problems and its includes'; the other sources show theirs when opened.
    const mine = new Set(this.ws.family(file).map((f) => f.path));
    const problems = result.diagnostics.filter((d) => mine.has(d.file));
    if (!problems.some((d) => d.severity === 'error')) {
      this.records.set(uri, { symbols: result.symbols, lineTable: result.lineTable });
    }
    this.opts.publish({ uri: file.uri, diagnostics: toLspDiagnostics(this.ws, file, problems) });
  }
}
