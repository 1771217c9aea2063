/**
 * Assembly sources as a program to boot: the files of a `translucent run a.S b.S` or of a launch
 * configuration whose `program` is a `.S` file (or a list of them), assembled in memory into the same
 * ELF `translucent asm` would write. Nothing touches the disk but reading the sources.
 */
import * as fs from 'node:fs';
import { assemble, type AsmOptions, type AsmResult } from './assemble';
import type { Diagnostic } from './diagnostics';

/** `.s`, `.S` and `.asm`: the names an assembly source goes by. */
const ASSEMBLY_NAME = /\.(s|S|asm)$/;

export function isAssemblySource(file: string): boolean {
  return ASSEMBLY_NAME.test(file);
}

/** Problems that stop a program from being built, counted the way a compiler's summary counts them. */
export function summarize(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}

/**
 * Reads and assembles `files` (in link order). A file that cannot be read is reported as a diagnostic
 * on it, like any other error, so the caller has one list to show.
 */
export function assembleFiles(files: readonly string[], opts: AsmOptions = {}): AsmResult {
  const sources = [];
  const unreadable: Diagnostic[] = [];
  for (const file of files) {
    try {
      sources.push({ path: file, text: fs.readFileSync(file, 'utf8') });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? (e as Error).message})`;
      unreadable.push({ file, line: 1, column: 1, severity: 'error', message: `cannot read the file: ${why}` });
    }
  }
  if (unreadable.length > 0) return { diagnostics: unreadable, symbols: [], lineTable: [] };
  return assemble(sources, opts);
}
