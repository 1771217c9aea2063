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

/** How many of the problems stop the program from being built, as a compiler's summary says it: "2 errors". */
export function errorSummary(diagnostics: readonly Diagnostic[], noun = 'error'): string {
  const n = diagnostics.filter((d) => d.severity === 'error').length;
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
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
