/**
 * A launch whose `program` is assembly sources: assembled in memory by the built-in assembler, so a
 * guest written in assembly needs no toolchain. Every problem goes to the client (for its Problems
 * view) and to the debug console; errors fail the launch with one line naming the first of them.
 */
import * as path from 'node:path';
import { assembleFiles, errorSummary } from '../../emulator/asm/program';
import { formatDiagnostic } from '../../emulator/asm/diagnostics';
import type { AssemblyEventBody } from '../protocol';
import { SchemaError } from '../schema';

export interface AssemblyListener {
  /** The problems found (none when the sources assembled cleanly). */
  readonly report: (body: AssemblyEventBody) => void;
  /** One line for the debug console. */
  readonly log: (line: string) => void;
}

/** The assembled program, named after its first source, or a SchemaError about `program`. */
export function assembleLaunch(files: readonly string[], cwd: string, listener: AssemblyListener): { readonly path: string; readonly bytes: Uint8Array } {
  // The DWARF names the sources by absolute path; cwd is only the compilation directory it records.
  const result = assembleFiles(files, { compDir: cwd });
  listener.report({ files, diagnostics: result.diagnostics });
  for (const d of result.diagnostics) listener.log(formatDiagnostic(d));
  if (result.elf !== undefined) return { path: files[0], bytes: result.elf };

  const first = result.diagnostics.find((d) => d.severity === 'error');
  const names = files.map((f) => path.basename(f)).join(', ');
  const where = first !== undefined ? `; the first: ${path.basename(first.file)}:${first.line}:${first.column}: ${first.message}` : '';
  throw new SchemaError(`program: ${names} did not assemble (${errorSummary(result.diagnostics)}${where})`);
}
