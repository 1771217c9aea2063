/**
 * The executable's shape: headers and segments for the virt board, the symbol table, the line table
 * (the API's and the DWARF one), and that binutils read it all without a complaint.
 */
import * as assert from 'assert';
import { asm } from './support/run';
import { readElf32 } from '../isa/support/elf32';
import { binutil } from './support/gnu';
import { haveBinutils, requireTool } from './support/tools';
import { assemble } from '../../emulator/asm/assemble';

const PROGRAM = `
        .globl _start
        .type _start, @function
_start: la a0, value
        lw a1, 0(a0)
        call helper
1:      j 1b
        .size _start, . - _start
helper: ret
        .section .rodata
text:   .asciz "x"
        .data
        .type value, @object
value:  .word 42
        .size value, 4
        .bss
buffer: .zero 64
`;

describe('asm: ELF output', () => {
  const r = asm(PROGRAM, 'prog.S');

  it('is an RV32 executable entered at _start, with .text at 0x80000000', () => {
    assert.deepStrictEqual(r.diagnostics, []);
    const e = readElf32(Buffer.from(r.elf!));
    const v = new DataView(r.elf!.buffer, r.elf!.byteOffset);
    assert.strictEqual(v.getUint16(16, true), 2, 'ET_EXEC');
    assert.strictEqual(v.getUint16(18, true), 243, 'EM_RISCV');
    assert.strictEqual(v.getUint32(24, true), 0x80000000, 'entry');
    assert.strictEqual(e.section('.text').addr, 0x80000000);
    assert.ok(e.section('.rodata').addr > 0x80000000);
    assert.ok(e.section('.data').addr > e.section('.rodata').addr);
    assert.ok(e.section('.bss').addr >= e.section('.data').addr + 4);
    for (const name of ['.debug_line', '.debug_info', '.debug_abbrev', '.symtab', '.strtab']) e.section(name);
  });

  it('has load segments for code and for data', () => {
    const v = new DataView(r.elf!.buffer, r.elf!.byteOffset);
    const phnum = v.getUint16(44, true);
    const segs = Array.from({ length: phnum }, (_, i) => {
      const o = v.getUint32(28, true) + 32 * i;
      return { type: v.getUint32(o, true), offset: v.getUint32(o + 4, true), vaddr: v.getUint32(o + 8, true), filesz: v.getUint32(o + 16, true), memsz: v.getUint32(o + 20, true), flags: v.getUint32(o + 24, true) };
    });
    assert.strictEqual(segs.length, 2);
    assert.deepStrictEqual(segs.map((s) => s.type), [1, 1]);
    assert.strictEqual(segs[0].flags, 5, 'R+X');
    assert.strictEqual(segs[1].flags, 6, 'R+W');
    assert.ok(segs[1].memsz > segs[1].filesz, '.bss takes memory, not file space');
    for (const s of segs) assert.strictEqual(s.offset % 0x1000, s.vaddr % 0x1000);
  });

  it('lists symbols with their types, sizes and bindings', () => {
    const start = r.symbols.find((s) => s.name === '_start')!;
    assert.deepStrictEqual({ ...start, size: start.size > 0 }, { name: '_start', address: 0x80000000, size: true, type: 'func', binding: 'global', section: '.text', file: 'prog.S' });
    assert.deepStrictEqual(r.symbols.find((s) => s.name === 'value'), { name: 'value', address: r.symbols.find((s) => s.name === 'value')!.address, size: 4, type: 'object', binding: 'local', section: '.data', file: 'prog.S' });
    assert.ok(r.symbols.every((s) => !s.name.startsWith('.L')), 'local labels stay out');
  });

  it('maps every instruction to its source line', () => {
    const lines = r.lineTable.map((l) => `${(l.address - 0x80000000).toString(16)}:${l.line}`);
    assert.deepStrictEqual(lines, ['0:4', '4:4', '8:5', 'a:6', 'e:6', '12:7', '14:9']);
  });

  it('maps macro expansions and included files to the line that caused them', () => {
    const res = assemble([{ path: 'main.S', text: '.macro two\nnop\nnop\n.endm\n  two\n.include "inc.S"\n' }],
      { readInclude: () => ({ path: 'inc.S', text: '\n\nebreak\n' }) });
    assert.deepStrictEqual(res.lineTable.map((l) => `${l.file}:${l.line}`), ['main.S:5', 'main.S:5', 'inc.S:3']);
  });

  it('puts .text where --text-base says', () => {
    const res = assemble([{ path: 'a.S', text: 'nop' }], { textBase: 0x20000000 });
    assert.strictEqual(readElf32(Buffer.from(res.elf!)).section('.text').addr, 0x20000000);
  });

  it('is entered at the first instruction when there is no _start', () => {
    const res = asm('.data\n.word 1\n.text\nnop\n');
    assert.strictEqual(new DataView(res.elf!.buffer, res.elf!.byteOffset).getUint32(24, true), 0x80000000);
  });

  it('reads cleanly with readelf -a and objdump -d', function () {
    requireTool(this, haveBinutils(), 'riscv64-unknown-elf binutils');
    for (const [tool, args] of [['readelf', ['-a', '-w']], ['objdump', ['-d', '-s', '-W']]] as const) {
      const out = binutil(tool, args, r.elf!);
      assert.strictEqual(out.stderr, '', `${tool} complained`);
      assert.ok(!/warning|error|corrupt/i.test(out.stdout), `${tool}: ${out.stdout.split('\n').filter((l) => /warning|error|corrupt/i.test(l)).join('\n')}`);
    }
  });

  it('has a DWARF line table that objdump decodes to the same lines', function () {
    requireTool(this, haveBinutils(), 'riscv64-unknown-elf binutils');
    const out = binutil('objdump', ['--dwarf=decodedline'], r.elf!).stdout;
    const rows = [...out.matchAll(/^prog\.S\s+(\d+)\s+0x([0-9a-f]+)/gm)].map((m) => `${(parseInt(m[2], 16) - 0x80000000).toString(16)}:${m[1]}`);
    assert.deepStrictEqual(rows, ['0:4', '8:5', 'a:6', '12:7', '14:9']);
  });
});
