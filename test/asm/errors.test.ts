/** Every diagnostic a beginner is likely to meet: its words, its position, and that the run goes on. */
import * as assert from 'assert';
import { asm, errorOf } from './support/run';

/** Source (one statement) and the exact message it must produce. */
const MESSAGES: readonly [string, string][] = [
  ['addi a0, a1', '`addi` takes 3 operands, got 2'],
  ['nop a0', '`nop` takes 0 operands, got 1'],
  ['jalr', '`jalr` takes 1, 2 or 3 operands, got 0'],
  ['addi a0, a0, 5000', 'immediate 5000 does not fit in 12 bits (-2048..2047); use li'],
  ['andi a0, a0, -3000', 'immediate -3000 does not fit in 12 bits (-2048..2047)'],
  ['sw a0, 3000(sp)', 'offset 3000 does not fit in 12 bits (-2048..2047)'],
  ['slli a0, a0, 32', 'shift amount 32 does not fit in 5 bits (0..31)'],
  ['csrrwi a0, mstatus, 32', 'immediate 32 does not fit in 5 bits (0..31)'],
  ['lui a0, 0x100000', '`lui` takes a 20-bit upper immediate (0..0xfffff), got 1048576'],
  ['ad a0, a1, a2', 'unknown instruction `ad` (did you mean `add`?)'],
  ['frobnicate a0', 'unknown instruction `frobnicate`'],
  ['j loop', 'undefined label `loop`'],
  ['loop1: j loop2', 'undefined label `loop2` (did you mean `loop1`?)'],
  ['add a0, a1, x32', '`x32` is not a register (did you mean `x12`?)'],
  ['lw a0, 4(a9)', '`a9` is not a register (did you mean `a0`?)'],
  ['addi a0, a1, (3', 'missing `)`'],
  ['addi a0, a0, a1', 'expected a number here, found the register `a1`'],
  ['li a0, label\nlabel:', '`li` needs a constant; to put the address of a label in a register, use `la`'],
  ['li a0, 0x100000000', '`li`: 4294967296 does not fit in 32 bits'],
  ['c.addi4spn a0, a0, 4', '`c.addi4spn` needs `sp` as its first source register'],
  ['c.lw t0, 0(a0)', '`c.lw` only takes registers x8-x15 (s0, s1, a0-a5) here, not `t0`'],
  ['c.lwsp a0, 6(sp)', 'offset 6 is not a multiple of 4, as `c.lwsp` needs'],
  ['c.addi16sp sp, 0', '`c.addi16sp` cannot have a zero immediate (that encoding is reserved)'],
  ['.option norvc\nc.nop', '`c.nop` is a compressed instruction, but compressed instructions are off here (.option norvc)'],
  ['lui a0, %lo(x)\nx:', '`%lo` gives the lower 12 bits of an address: use it with addi, a load or a store'],
  ['addi a0, a0, %hi(x)\nx:', '`%hi` gives the upper 20 bits of an address: use it with lui or auipc'],
  ['addi a0, a0, %pcrel_lo(x)\nx: nop', '`%pcrel_lo` must name the label of an auipc that uses %pcrel_hi'],
  ['lw a0, %got(x)(a0)', 'unknown relocation operator `%got` (expected %hi, %lo, %pcrel_hi, %pcrel_lo)'],
  ['csrr a0, mstatuss', 'unknown CSR `mstatuss`'],
  ['fence rw, xx', 'a fence set is some of the letters i, o, r, w in that order (e.g. `rw`)'],
  ['li a0, 1/0', 'division by zero'],
  ['j 1f', '`1f` refers to a `1:` label after it, but there is none'],
  ['j 1b', '`1b` refers to a `1:` label before it, but there is none'],
  ['x: nop\nx: nop', 'label `x` is already defined (at line 1)'],
  ['.wrod 3', 'unknown directive `.wrod` (did you mean `.word`?)'],
  ['.ascii foo', '`.ascii` takes strings in double quotes'],
  ['.word "a"', '`.word` takes numbers; use .ascii or .string for text'],
  ['.align 40', 'the alignment must be from 0 to 16, got 40'],
  ['.balign 3', 'the alignment 3 is not a power of 2'],
  ['.option bogus', 'unknown option `bogus` (expected rvc, norvc, push, pop or arch)'],
  ['.option pop', '`.option pop` without a matching `.option push`'],
  ['.bss\n.word 1', 'data cannot go in .bss, which holds only zeros (use .data)'],
  ['.macro m a\n.endm\nm 1, 2', 'macro `m` takes 1 argument, got 2'],
  ['.macro m a:req\nnop\n.endm\nm', 'macro `m` needs a value for its argument `a`'],
  ['.macro m\nnop', '`.macro` has no matching `.endm`'],
  ['.endm', '`.endm` without a matching `.macro`'],
  ['.include "nowhere.inc"', 'cannot find the included file "nowhere.inc"'],
  ['.equ a, b\n.equ b, a\nli a0, 1\n.word a', '`b` is defined in terms of itself'],
  ['.ascii "abc', 'missing closing `"` of this string'],
  ['/* open', 'this `/*` comment is never closed with `*/`'],
  ['.else', '`.else` without a matching `.if`'],
  ['.endif', '`.endif` without a matching `.if`'],
  ['.if 1\nnop', '`.if` has no matching `.endif`'],
  ['.if 1\n.else\n.else\n.endif', '`.else` after `.else` (the `.if` at line 1 already has one)'],
  ['.if LATER\n.endif\n.equ LATER, 1', '`.if`: `LATER` is not defined above this line: a condition needs a value known here'],
  ['x: nop\n.if x\n.endif', '`.if`: `x` is a label, not a constant: a condition needs a value known here'],
  ['.ifdef 3\n.endif', '`.ifdef`: expected a symbol name, not `3`'],
  ['.ifc abc\n.endif', '`.ifc`: expected two pieces of text separated by a comma'],
  ['.error "unsupported board"', 'unsupported board'],
  ['.if 0\n.error "not here"\n.else\n.error "here"\n.endif', 'here'],
  ['.rept -1\n.endr', '`.rept`: the count must be from 0 to 1048576, got -1'],
  ['.rept N\n.endr', '`.rept`: `N` is not defined above this line: the count needs a value known here'],
  ['nop\nnop\n.org 2', '`.org 0x2` would move back: .text is already 0x4 bytes long here'],
  ['.org x\nx:', 'the offset must be a constant (it refers to a label)'],
  ['.sleb128 1, 2', 'usage: .sleb128 value (one per directive)'],
  ['.comm buf, 8\n.comm buf, 8', '`buf` is already defined (at line 1)'],
  ['.lcomm 3, 8', 'expected a symbol name'],
  ['.comm b, 8, 3', 'the alignment 3 is not a power of 2'],
  ['#error this board is not supported', '#error this board is not supported'],
  ['#if 1\nnop', '`#if` has no matching `#endif`'],
  ['#else', '`#else` without a matching `#if`'],
  ['#if 1\n#else\n#elif 1\n#endif', '`#elif` after `#else` (the `#if` at line 1 already has one)'],
  ['#define TWO(a, b) a b\nTWO(1)', 'macro `TWO` takes 2 arguments, got 1'],
  ['#define F(a) a\nF(1', 'the call of macro `F` has no closing `)` on its line'],
  ['#include "nowhere.h"', 'cannot find the included file "nowhere.h"'],
  ['#include nowhere.h', '`#include` needs a file name: "file.h" or <file.h>'],
  ['#if 1 +\n#endif', '`#if`: the expression ends too early'],
  ['#if 1 / 0\n#endif', '`#if`: division by zero'],
  ['#ifdef\n#endif', '`#ifdef` needs a macro name'],
  ['#define\n', '`#define` needs a macro name'],
  ['jal far\n.space 0x100000\nfar: nop', 'jal: the target is too far away for `jal` (offset 1048580; it reaches -1048576..1048574 (1 MiB))'],
];

describe('asm: error messages', () => {
  for (const [source, message] of MESSAGES) {
    it(message, () => {
      assert.strictEqual(errorOf(source.includes('\n') || source.startsWith('.') || source.startsWith('/') ? source : `\t${source}`), message);
    });
  }

  it('reports file, line and the columns of the offending text', () => {
    const r = asm('nop\n  addi a0, a0, 5000\n', 'prog.S');
    assert.deepStrictEqual(r.diagnostics, [{
      file: 'prog.S', line: 2, column: 16, endColumn: 20, severity: 'error',
      message: 'immediate 5000 does not fit in 12 bits (-2048..2047); use li',
    }]);
    assert.strictEqual(r.elf, undefined);
  });

  it('reports every error of a file in one run, in order, and writes no ELF', () => {
    const r = asm('ad a0, a1, a2\nnop\naddi a0, a1\nj nowhere\nslli a0, a0, 99\n');
    assert.deepStrictEqual(r.diagnostics.map((d) => d.line), [1, 3, 4, 5]);
    assert.strictEqual(r.elf, undefined);
  });

  it('reports an error inside a macro at the line that uses the macro', () => {
    const r = asm('.macro bad\naddi a0, a0, 9999\n.endm\nnop\nbad\n');
    assert.strictEqual(r.diagnostics[0].line, 5);
  });

  it('warns (without failing) when data is truncated', () => {
    const r = asm('.data\n.byte 256\n');
    assert.strictEqual(r.diagnostics[0].severity, 'warning');
    assert.strictEqual(r.diagnostics[0].message, 'value 256 does not fit in 1 byte; truncated to 0x0');
    assert.ok(r.elf !== undefined);
  });

  it('never throws, whatever the input', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
    const alphabet = 'addi a0,sp(%)"\'#;:.x1bf\\-+*/<>=!~&|^ \n\tlui.macro.endm.align.word%hi(%pcrel_lo1b';
    for (let k = 0; k < 300; k++) {
      const text = Array.from({ length: Math.floor(rnd() * 80) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      assert.doesNotThrow(() => asm(text), `input: ${JSON.stringify(text)}`);
    }
  });
});
