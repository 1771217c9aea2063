/**
 * Source syntax beyond what the GNU corpus shows: our extensions (`//` comments, the `.rodata`
 * directive), the preprocessor, labels, options, and linking several files.
 */
import * as assert from 'assert';
import { assemble } from '../../emulator/asm/assemble';
import { asm, textBytes } from './support/run';
import { comparedSections } from './support/sections';

const hex = (b: Buffer) => b.toString('hex');

describe('asm: syntax', () => {
  it('.comm and .lcomm reserve aligned room in .bss: global and local, sized, after the file\'s own .bss', () => {
    const r = assemble([{ path: 'c.S', text: '_start: la a0, buf\n.bss\n.byte 0\n.comm buf, 64\n.lcomm tmp, 3\n.comm flag, 1, 8\n' }]);
    assert.deepStrictEqual(r.diagnostics, []);
    const sym = (n: string) => r.symbols.find((s) => s.name === n)!;
    assert.deepStrictEqual([sym('buf').section, sym('buf').binding, sym('buf').size, sym('buf').type], ['.bss', 'global', 64, 'object']);
    assert.deepStrictEqual([sym('tmp').binding, sym('tmp').size], ['local', 3]);
    assert.equal(sym('tmp').address % 2, 0, '.lcomm 3: 2-byte aligned');
    assert.equal(sym('buf').address % 16, 0, '.comm 64: 16-byte aligned');
    assert.equal(sym('flag').address % 8, 0, 'explicit alignment');
    assert.ok(sym('tmp').address < sym('buf').address && sym('buf').address < sym('flag').address, 'local first, then common, in order');
  });

  it('.warning warns and goes on; conditionals see .set values as they change', () => {
    const r = asm('.set N, 1\n.if N\nli a0, 1\n.endif\n.set N, 0\n.if N\nli a0, 2\n.endif\n.warning "check this"\nnop\n');
    assert.deepStrictEqual(r.diagnostics.map((d) => [d.line, d.severity, d.message]), [[9, 'warning', 'check this']]);
    assert.deepStrictEqual([...textBytes('.set N, 1\n.if N\nli a0, 1\n.endif\n.set N, 0\n.if N\nli a0, 2\n.endif\nnop\n')], [0x05, 0x45, 0x01, 0x00]);
  });

  it('runs the C preprocessor on .S files only (GCC\'s rule), keeping each line where it was written', () => {
    const src = '#define N 3\n#define PAIR(r) \\\n  li r, N; \\\n  addi r, r, 1\n\nPAIR(a0)\nli a1, N\n  addi a0, a0\n';
    const r = asm(src, 'prog.S');
    assert.deepStrictEqual(r.diagnostics.map((d) => [d.line, d.message]), [[8, '`addi` takes 3 operands, got 2']]);
    const ok = assemble([{ path: 'prog.S', text: src.replace('  addi a0, a0\n', '') }]);
    assert.deepStrictEqual(ok.lineTable.map((l) => l.line), [6, 6, 7], 'the macro\'s code at the line that calls it');
    // In a .s file, # starts a comment: `#define` defines nothing and N is an undefined symbol.
    const lower = asm('#define N 3\nli a1, N\n', 'prog.s');
    assert.match(lower.diagnostics[0].message, /`li` needs a constant|undefined/);
  });

  it('takes #, // and /* */ comments and ; between statements', () => {
    assert.strictEqual(hex(textBytes('nop # a\nnop // b\n/* c\n d */ nop; nop\n')), hex(textBytes('nop\nnop\nnop\nnop\n')));
  });

  it('keeps # and ; inside strings', () => {
    const r = asm('.data\n.ascii "a#b;c"\n');
    assert.strictEqual(comparedSections(r.elf!).find((s) => s.name === '.data')!.bytes.toString(), 'a#b;c');
  });

  it('has a .rodata directive (a shorthand GNU as lacks)', () => {
    const r = asm('.rodata\nx: .byte 7\n.text\nla a0, x\n');
    assert.deepStrictEqual([...comparedSections(r.elf!).find((s) => s.name === '.rodata')!.bytes], [7]);
  });

  it('accepts upper-case mnemonics and registers', () => {
    assert.strictEqual(hex(textBytes('ADDI A0, A0, 1')), hex(textBytes('addi a0, a0, 1')));
  });

  it('numbers local labels as GNU as does', () => {
    assert.strictEqual(hex(textBytes('1: j 1f\n1: j 1b\nj 1b\n1:\n')), hex(textBytes('a: j b\nb: j b\nj b\nc:\n')));
  });

  it('expands macros with defaults, keywords, \\@ and \\()', () => {
    const src = '.macro m reg, n=1\naddi \\reg, \\reg, \\n\nl\\@\\(): nop\n.endm\nm a0\nm a1, n=2\n';
    assert.strictEqual(hex(textBytes(src)), hex(textBytes('addi a0, a0, 1\nnop\naddi a1, a1, 2\nnop\n')));
  });

  it('repeats with .rept and .irp', () => {
    assert.strictEqual(hex(textBytes('.rept 2\nnop\n.endr\n.irp r, a0, a1\nmv \\r, zero\n.endr\n')), hex(textBytes('nop\nnop\nmv a0, zero\nmv a1, zero\n')));
  });

  it('includes files through the reader it is given', () => {
    const r = assemble([{ path: '/p/main.S', text: '.include "defs.inc"\nli a0, VALUE\n' }],
      { readInclude: (name, from) => (name === 'defs.inc' && from === '/p/main.S' ? { path: '/p/defs.inc', text: '.equ VALUE, 3\n' } : undefined) });
    assert.deepStrictEqual(r.diagnostics, []);
  });

  it('switches compression with .option and restores it with push/pop', () => {
    const b = textBytes('.option push\n.option norvc\nnop\n.option pop\nnop\n.option arch, -c\nnop\n.option arch, +c\nnop\n');
    assert.strictEqual(hex(b), '13000000' + '0100' + '13000000' + '0100');
  });

  it('links files: globals resolve across them, locals stay apart', () => {
    const r = assemble([
      { path: 'a.S', text: '.globl _start\n_start: call f\nx: j x\n' },
      { path: 'b.S', text: '.globl f\nf: j x\nx: ret\n' },
    ]);
    assert.deepStrictEqual(r.diagnostics, []);
    assert.deepStrictEqual(r.symbols.filter((s) => s.name === 'x').map((s) => s.file), ['a.S', 'b.S']);
  });

  it('reports a global defined twice', () => {
    const r = assemble([{ path: 'a.S', text: '.globl f\nf: nop\n' }, { path: 'b.S', text: '.globl f\nf: nop\n' }]);
    assert.deepStrictEqual(r.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`), ['b.S:2 `f` is already defined in a.S (line 2)']);
  });

  it('defines the linker symbols crt code uses', () => {
    const r = asm('la gp, __global_pointer$\nla a0, _end\nla a1, __bss_start\n.bss\n.zero 8\n');
    assert.deepStrictEqual(r.diagnostics, []);
  });

  it('ignores .file, .loc and .cfi directives', () => {
    assert.strictEqual(hex(textBytes('.file 1 "x.c"\n.loc 1 2 3\n.cfi_startproc\nnop\n.cfi_endproc\n')), '0100');
  });
});
