/**
 * What the debugger knows about a guest program from its ELF files: line tables (DWARF .debug_line)
 * and call-frame information (DWARF .debug_frame / .eh_frame). Implemented by debug/dwarf-*.ts;
 * used by the debug adapter for source breakpoints, stepping by line, and stack traces.
 */

export interface SourceLocation {
  /** Absolute path when the DWARF names one (comp dir + include dir + file), else as written. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface LineTable {
  /**
   * The source location of the instruction at `addr` (the row covering it), if any. Line 0 is code
   * the compiler attributes to no source line.
   */
  locate(addr: number): SourceLocation | undefined;
  /**
   * Addresses where statements of `line` in `file` begin (is_stmt rows), lowest first; `file` matches
   * by absolute path, or by path suffix when the DWARF path is relative. Empty if the line has no code:
   * callers may then try the next lines.
   */
  addressesOf(file: string, line: number): number[];
  /** Source files the table names (dwarf.ts: those that have rows, not headers merely listed). */
  files(): string[];
  /**
   * The row covering `addr` with the address range it covers, [address, end): what "step over this
   * line" runs through. (Extension; optional so that other tables need not provide it.)
   */
  rowAt?(addr: number): LineRow | undefined;
}

export interface LineRow extends SourceLocation {
  readonly address: number;
  /** First address past the row. */
  readonly end: number;
  /** Whether the row starts a statement (a recommended breakpoint location). */
  readonly isStmt: boolean;
}

export interface UnwindOptions {
  /**
   * `pc` is a return address (any frame but the innermost): the CFI is looked up at pc - 1, inside
   * the call, since a call can be a function's last instruction (to a noreturn function) and its
   * return address then belongs to the next function. Leave it false for a frame whose pc is exact
   * although it is not the innermost: one interrupted by a trap or signal (see isSignalFrame).
   */
  readonly returnAddress?: boolean;
}

/** One step of unwinding: where the caller's registers are, given the callee's. */
export interface CallFrameInfo {
  /**
   * The caller's pc and registers for a frame whose pc is `pc`, reading the guest's memory with `read32`
   * (undefined when the memory is unreadable). Undefined when no CFI covers pc.
   *
   * `regs` is laid out as hart.x: x0..x31, pc at index 32; so is the result, where index 32 is the
   * return address and x2 (sp) the CFA. Registers the CFI says nothing about keep their values
   * (callee-saved registers the function does not touch); ones it marks undefined, or whose saved
   * copy is unreadable, keep the callee's value too. Also undefined when the frame is the outermost
   * (the return address rule is DW_CFA_undefined) or the CFA or return address cannot be computed.
   */
  unwind(pc: number, regs: Int32Array, read32: (addr: number) => number | undefined, options?: UnwindOptions): Int32Array | undefined;
  /**
   * Whether the frame at `pc` is a signal trampoline (CIE augmentation 'S'): then the pc unwind() gives
   * for its caller is exact (where the signal interrupted), not a return address. (Extension, optional.)
   */
  isSignalFrame?(pc: number, options?: UnwindOptions): boolean;
}

export interface DebugInfo {
  readonly lines: LineTable;
  readonly frames: CallFrameInfo | undefined;
}
