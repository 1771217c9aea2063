/**
 * Errors about a guest file. The CLI prints only the message, so it is one line: the file, then what
 * is wrong with it.
 */
export function badInput(file: string, problem: string): Error {
  return new Error(`${file}: ${problem}`.replace(/\s*\n\s*/g, ' '));
}

export function hex(v: number): string {
  return '0x' + (v < 0 ? v >>> 0 : v).toString(16);
}
