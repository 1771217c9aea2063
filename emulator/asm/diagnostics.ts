/**
 * Diagnostics: what the assembler tells its user. Every message carries a file, a 1-based line and
 * 1-based column (the editor's and the compiler's convention), so the CLI and the debugger can point
 * at the exact spot. Assembly keeps going after an error, so one run reports all of a file's errors.
 */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn?: number;
  readonly severity: Severity;
  readonly message: string;
}

/** A place in a source file: 1-based line, 1-based columns (end exclusive). */
export interface Span {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn?: number;
}

export class Diagnostics {
  readonly list: Diagnostic[] = [];

  error(at: Span, message: string): void {
    this.list.push({ ...at, severity: 'error', message });
  }

  warning(at: Span, message: string): void {
    this.list.push({ ...at, severity: 'warning', message });
  }

  get errorCount(): number {
    return this.list.filter((d) => d.severity === 'error').length;
  }

  /** In file order, then by position: the order a reader scans them. */
  sorted(fileOrder: readonly string[]): Diagnostic[] {
    const rank = (f: string) => {
      const i = fileOrder.indexOf(f);
      return i < 0 ? fileOrder.length : i;
    };
    return this.list
      .map((d, i) => ({ d, i }))
      .sort((a, b) => rank(a.d.file) - rank(b.d.file) || a.d.file.localeCompare(b.d.file)
        || a.d.line - b.d.line || a.d.column - b.d.column || a.i - b.i)
      .map((x) => x.d);
  }
}

/** `file:line:col: error: message`, as compilers print it (and editors' problem matchers read it). */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}
