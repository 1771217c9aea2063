/** Reading objdump -d output: its instruction lines, keyed by address. */

export interface ObjdumpLine {
  readonly addr: number;
  /** The bytes column as printed: 4 hex digits for a halfword, 8 for a word. */
  readonly bytes: string;
  /** The whole line, exactly as printed. */
  readonly line: string;
  /** Mnemonic and operands (everything after the bytes column). */
  readonly text: string;
}

const INSN_LINE = /^ *([0-9a-f]+):\t([0-9a-f]+) +\t(.*)$/;

export function objdumpInstructionLines(output: string): ObjdumpLine[] {
  const lines: ObjdumpLine[] = [];
  for (const line of output.split('\n')) {
    const m = INSN_LINE.exec(line);
    if (m) lines.push({ addr: parseInt(m[1], 16), bytes: m[2], line, text: m[3] });
  }
  return lines;
}
