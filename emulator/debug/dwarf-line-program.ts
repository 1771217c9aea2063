/**
 * The line number state machine (DWARF 5 section 6.2.2 and 6.2.5): runs one unit's line program
 * and appends its rows, in program order, to a RowStore.
 */
import type { LineHeader, RawFile } from './dwarf-line-header';
import { readFileRest } from './dwarf-line-header';
import { ROW_BASIC_BLOCK, ROW_END_SEQUENCE, ROW_EPILOGUE_BEGIN, ROW_PROLOGUE_END, ROW_STMT, RowStore } from './dwarf-line-rows';
import { fail, Reader } from './dwarf-reader';

export interface ProgramOutput {
  readonly rows: RowStore;
  /** The store's file index for the unit's file number `n` (as the program numbers files). */
  fileIndex(n: number): number;
  /** DW_LNE_define_file: a file added to the unit's table, numbered after the existing ones. */
  defineFile(f: RawFile): void;
}

class LineState {
  address = 0;
  opIndex = 0;
  file = 1;
  line = 1;
  column = 0;
  isStmt: boolean;
  basicBlock = false;
  prologueEnd = false;
  epilogueBegin = false;
  /** Row index where the current sequence began. */
  sequenceStart: number;

  constructor(readonly h: LineHeader, readonly out: ProgramOutput) {
    this.isStmt = h.defaultIsStmt;
    this.sequenceStart = out.rows.length;
  }

  reset(): void {
    this.address = 0;
    this.opIndex = 0;
    this.file = 1;
    this.line = 1;
    this.column = 0;
    this.isStmt = this.h.defaultIsStmt;
    this.basicBlock = false;
    this.prologueEnd = false;
    this.epilogueBegin = false;
    this.sequenceStart = this.out.rows.length;
  }

  /** Moves by `ops` operations (VLIW bundles when maximum_operations_per_instruction > 1). */
  advance(ops: number): void {
    const { minInstLength, maxOps } = this.h;
    if (maxOps === 1) {
      this.address = (this.address + minInstLength * ops) >>> 0;
    } else {
      const total = this.opIndex + ops;
      this.address = (this.address + minInstLength * Math.floor(total / maxOps)) >>> 0;
      this.opIndex = total % maxOps;
    }
  }

  emit(endSequence: boolean): void {
    const flags = (this.isStmt ? ROW_STMT : 0) | (endSequence ? ROW_END_SEQUENCE : 0) | (this.prologueEnd ? ROW_PROLOGUE_END : 0)
      | (this.epilogueBegin ? ROW_EPILOGUE_BEGIN : 0) | (this.basicBlock ? ROW_BASIC_BLOCK : 0);
    this.out.rows.push(this.address, this.out.fileIndex(this.file), this.line, this.column, flags);
    this.basicBlock = false;
    this.prologueEnd = false;
    this.epilogueBegin = false;
  }
}

type Op = (s: LineState, r: Reader) => void;

/** Standard opcodes (6.2.5.2), by number. */
const STANDARD: readonly (Op | undefined)[] = [
  undefined,
  (s) => s.emit(false), // DW_LNS_copy
  (s, r) => s.advance(r.uleb()), // DW_LNS_advance_pc
  (s, r) => { s.line += r.sleb(); }, // DW_LNS_advance_line
  (s, r) => { s.file = r.uleb(); }, // DW_LNS_set_file
  (s, r) => { s.column = r.uleb(); }, // DW_LNS_set_column
  (s) => { s.isStmt = !s.isStmt; }, // DW_LNS_negate_stmt
  (s) => { s.basicBlock = true; }, // DW_LNS_set_basic_block
  (s) => s.advance(Math.floor((255 - s.h.opcodeBase) / s.h.lineRange)), // DW_LNS_const_add_pc
  (s, r) => { s.address = (s.address + r.u16()) >>> 0; s.opIndex = 0; }, // DW_LNS_fixed_advance_pc
  (s) => { s.prologueEnd = true; }, // DW_LNS_set_prologue_end
  (s) => { s.epilogueBegin = true; }, // DW_LNS_set_epilogue_begin
  (_s, r) => { r.uleb(); }, // DW_LNS_set_isa
];

/** Extended opcodes (6.2.5.3), by number; `len` is the operand length. */
const EXTENDED: Readonly<Record<number, (s: LineState, r: Reader, len: number) => void>> = {
  1: (s) => { s.emit(true); s.reset(); }, // DW_LNE_end_sequence
  2: (s, r, len) => { s.address = readTarget(r, len); s.opIndex = 0; }, // DW_LNE_set_address
  3: (s, r) => s.out.defineFile(readFileRest(r, r.cstr())), // DW_LNE_define_file
  4: (_s, r) => { r.uleb(); }, // DW_LNE_set_discriminator: rows here carry no discriminator
};

/** A DW_LNE_set_address operand. 8-byte addresses keep their low half (this is a 32-bit target). */
function readTarget(r: Reader, len: number): number {
  if (len === 4) return r.u32();
  if (len === 8) {
    const lo = r.u32();
    r.u32();
    return lo;
  }
  if (len === 2) return r.u16();
  return fail(`DW_LNE_set_address with a ${len}-byte operand`);
}

/**
 * Runs the program of the unit whose header is `h` (`r` positioned at its start). Rows of a sequence
 * that the program leaves unterminated are dropped: without an end address they cover nothing.
 * Returns false when that happened.
 */
export function runLineProgram(r: Reader, h: LineHeader, out: ProgramOutput): boolean {
  const p = new Reader(r.bytes, h.programStart, h.programEnd);
  const s = new LineState(h, out);
  const { opcodeBase, lineBase, lineRange, standardLengths } = h;
  while (!p.atEnd()) {
    const op = p.u8();
    if (op >= opcodeBase) {
      const adjusted = op - opcodeBase;
      s.advance(Math.floor(adjusted / lineRange));
      s.line += lineBase + (adjusted % lineRange);
      s.emit(false);
    } else if (op === 0) {
      const at = p.pos - 1;
      const len = p.uleb();
      if (len === 0) continue;
      const next = p.pos + len;
      if (next > p.end) fail(`extended opcode at 0x${at.toString(16)} runs past the unit`);
      const handler = EXTENDED[p.u8()];
      if (handler !== undefined) handler(s, p, len - 1);
      p.pos = next;
    } else {
      const handler = STANDARD[op];
      if (handler !== undefined) handler(s, p);
      else for (let i = standardLengths[op]; i > 0; i--) p.uleb();
    }
  }
  const complete = s.sequenceStart === out.rows.length;
  out.rows.truncate(s.sequenceStart);
  return complete;
}
