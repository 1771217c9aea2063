/**
 * Every directive the assembler takes (emulator/asm/directives.ts, and the preprocessor's .macro,
 * .rept, .include, ...): its operands and one line on what it does, for completion, hover and
 * signature help. A test checks this covers every directive the assembler has.
 */
import { CONDITIONAL_DIRECTIVES } from '../../emulator/asm/conditionals';

export interface DirectiveDoc {
  /** Operands as the usage line writes them, comma separated; empty for none. */
  readonly usage: string;
  readonly doc: string;
}

const d = (usage: string, doc: string): DirectiveDoc => ({ usage, doc });

const DATA = (bytes: number) => d('value, ...', `Emit ${bytes}-byte little-endian values${bytes === 4 ? ' (addresses too)' : ''}.`);
const IGNORED = d('...', 'GNU tool-flow information: accepted and ignored (the line table comes from the source itself).');
const CFI = d('...', 'Call-frame information for unwinders: accepted and ignored.');

const IF_NUMBER = (test: string) => d('expression', `Assemble the lines up to .else/.elseif/.endif if the expression ${test} (numbers and constants defined above).`);

const TABLE: Readonly<Record<string, DirectiveDoc>> = {
  '.if': IF_NUMBER('is not zero'),
  '.ifne': IF_NUMBER('is not zero'),
  '.ifeq': IF_NUMBER('is zero'),
  '.ifgt': IF_NUMBER('is greater than zero'),
  '.ifge': IF_NUMBER('is zero or more'),
  '.iflt': IF_NUMBER('is less than zero'),
  '.ifle': IF_NUMBER('is zero or less'),
  '.ifdef': d('symbol', 'Assemble the lines up to .else/.endif if the symbol is defined above this line.'),
  '.ifndef': d('symbol', 'Assemble the lines up to .else/.endif if the symbol is not defined above this line.'),
  '.ifnotdef': d('symbol', 'Assemble the lines up to .else/.endif if the symbol is not defined above this line (the same as .ifndef).'),
  '.ifb': d('text', 'Assemble the lines up to .else/.endif if the operand is blank (in a macro: an argument left out).'),
  '.ifnb': d('text', 'Assemble the lines up to .else/.endif if the operand is not blank.'),
  '.ifc': d('text1, text2', 'Assemble the lines up to .else/.endif if the two pieces of text are the same.'),
  '.ifnc': d('text1, text2', 'Assemble the lines up to .else/.endif if the two pieces of text differ.'),
  '.ifeqs': d('"string1", "string2"', 'Assemble the lines up to .else/.endif if the two strings are equal.'),
  '.ifnes': d('"string1", "string2"', 'Assemble the lines up to .else/.endif if the two strings differ.'),
  '.elseif': d('expression', 'Otherwise, assemble the lines up to the next .else/.elseif/.endif if the expression is not zero.'),
  '.else': d('', 'Otherwise, assemble the lines up to .endif.'),
  '.endif': d('', 'End a conditional (.if and its family).'),
  '.error': d('"message"', 'Report an error with this message (in a branch of a conditional, say).'),
  '.err': d('', 'Report an error.'),
  '.warning': d('"message"', 'Report a warning with this message.'),
  '.org': d('offset, fill', 'Pad with the fill byte (default 0) up to this offset from the start of the section.'),
  '.uleb128': d('value', 'Emit an unsigned LEB128 number (DWARF\'s variable-length encoding).'),
  '.sleb128': d('value', 'Emit a signed LEB128 number.'),
  '.comm': d('symbol, size, alignment', 'Reserve zeroed room for a global symbol in .bss (placed after the file\'s own .bss).'),
  '.lcomm': d('symbol, size', 'Reserve zeroed room for a local symbol at the end of the file\'s .bss.'),
  '.text': d('', 'Switch to the code section.'),
  '.data': d('', 'Switch to the initialised data section.'),
  '.bss': d('', 'Switch to the zero-initialised data section (only zeros and .space may go in it).'),
  '.rodata': d('', 'Switch to the read-only data section.'),
  '.section': d('name, "flags", @type', 'Switch to a named section, created with flags (a alloc, w write, x exec) and type (@progbits, @nobits).'),
  '.pushsection': d('name, "flags", @type', 'Switch to a section, remembering the current one for .popsection.'),
  '.popsection': d('', 'Go back to the section before the matching .pushsection.'),
  '.previous': d('', 'Go back to the section before the last switch.'),
  '.globl': d('symbol, ...', 'Make symbols visible to other files (and the debugger\'s symbol list).'),
  '.global': d('symbol, ...', 'Make symbols visible to other files (the same as .globl).'),
  '.local': d('symbol, ...', 'Keep symbols local to this file.'),
  '.weak': d('symbol, ...', 'Make symbols weak: another file\'s definition wins.'),
  '.type': d('symbol, @function|@object', 'Mark a symbol as a function or a data object.'),
  '.size': d('symbol, size', 'Set a symbol\'s size (often `. - symbol`).'),
  '.align': d('power, fill, max', 'Align to 2^power bytes (on RISC-V .align is a power of two), padding code with nops.'),
  '.p2align': d('power, fill, max', 'Align to 2^power bytes, padding code with nops.'),
  '.balign': d('bytes, fill, max', 'Align to a number of bytes (a power of two), padding code with nops.'),
  '.byte': DATA(1),
  '.half': DATA(2),
  '.hword': DATA(2),
  '.short': DATA(2),
  '.2byte': DATA(2),
  '.word': DATA(4),
  '.long': DATA(4),
  '.int': DATA(4),
  '.4byte': DATA(4),
  '.dword': DATA(8),
  '.quad': DATA(8),
  '.8byte': DATA(8),
  '.ascii': d('"text", ...', 'Emit the bytes of strings, without a terminating zero.'),
  '.asciz': d('"text", ...', 'Emit strings, each followed by a zero byte.'),
  '.string': d('"text", ...', 'Emit strings, each followed by a zero byte (the same as .asciz).'),
  '.zero': d('size', 'Emit a number of zero bytes.'),
  '.space': d('size, fill', 'Emit a number of bytes, zero or the fill byte.'),
  '.skip': d('size, fill', 'Emit a number of bytes, zero or the fill byte (the same as .space).'),
  '.fill': d('repeat, size, value', 'Emit `repeat` copies of a value, each `size` bytes (at most 8).'),
  '.equ': d('symbol, value', 'Give a symbol a constant value (may be changed later).'),
  '.set': d('symbol, value', 'Give a symbol a value (may be changed later; the same as .equ).'),
  '.equiv': d('symbol, value', 'Give a symbol a value; an error if it is already defined.'),
  '.eqv': d('symbol, value', 'Give a symbol a value (may be changed later).'),
  '.option': d('rvc|norvc|push|pop|arch, ...', 'Change assembler options: compressed instructions on or off, or save and restore them.'),
  '.insn': d('length, value', 'Emit raw instruction bits (2 or 4 bytes) as an instruction.'),
  '.macro': d('name, parameter, ...', 'Define a macro, up to .endm; `\\parameter` in the body is replaced by the argument.'),
  '.endm': d('', 'End a macro definition.'),
  '.exitm': d('', 'Stop expanding the current macro.'),
  '.purgem': d('name', 'Forget a macro definition.'),
  '.rept': d('count', 'Repeat the lines up to .endr a number of times.'),
  '.irp': d('symbol, value, ...', 'Repeat the lines up to .endr once per value, with `\\symbol` replaced by it.'),
  '.irpc': d('symbol, characters', 'Repeat the lines up to .endr once per character, with `\\symbol` replaced by it.'),
  '.endr': d('', 'End a .rept, .irp or .irpc block.'),
  '.include': d('"file"', 'Assemble another file here (found relative to this file).'),
  '.end': d('', 'Stop assembling this file.'),
  '.file': IGNORED,
  '.loc': IGNORED,
  '.ident': IGNORED,
  '.attribute': IGNORED,
  '.gnu_attribute': IGNORED,
  '.hidden': d('symbol, ...', 'ELF symbol visibility: accepted and ignored (executables only).'),
  '.protected': d('symbol, ...', 'ELF symbol visibility: accepted and ignored (executables only).'),
  '.internal': d('symbol, ...', 'ELF symbol visibility: accepted and ignored (executables only).'),
  '.variant_cc': d('symbol', 'Marks a symbol\'s variant calling convention: accepted and ignored.'),
};

export function directiveDoc(name: string): DirectiveDoc | undefined {
  const lower = name.toLowerCase();
  return TABLE[lower] ?? (lower.startsWith('.cfi_') ? CFI : undefined);
}

/** The preprocessor's directives, which emulator/asm/directives.ts does not list. */
export const PREPROCESSOR_DIRECTIVES: readonly string[] = [
  '.macro', '.endm', '.exitm', '.purgem', '.rept', '.irp', '.irpc', '.endr', '.include', '.end', ...CONDITIONAL_DIRECTIVES,
];
