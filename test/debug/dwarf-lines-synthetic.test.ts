/**
 * Line tables GCC 12 does not write, built byte by byte: DWARF 5 entry formats with strp, udata and
 * data16 forms; DWARF 2 headers with DW_LNE_define_file and the compilation directory from
 * .debug_info; 64-bit DWARF; an opcode_base that makes standard opcodes special or adds unknown ones.
 */
import { strict as assert } from 'node:assert';
import { readDebugInfo } from '../../emulator/debug/dwarf';
import { Bytes, elfWithSections, SectionSpec } from './dwarf-builder';

const TEXT: SectionSpec = { name: '.text', data: new Uint8Array(0x4000), addr: 0x1000, flags: 6 };

const DW_LNCT_path = 1;
const DW_LNCT_directory_index = 2;
const DW_LNCT_size = 4;
const DW_LNCT_MD5 = 5;
const DW_FORM_string = 0x08;
const DW_FORM_strp = 0x0e;
const DW_FORM_udata = 0x0f;
const DW_FORM_data16 = 0x1e;

const setAddress = (b: Bytes, a: number) => b.u8(0, 5, 2).u32(a);
const endSequence = (b: Bytes) => b.u8(0, 1, 1);

function load(sections: SectionSpec[]) {
  const { info, warnings } = readDebugInfo(elfWithSections([TEXT, ...sections]), 'synthetic.elf');
  return { lines: info!.lines, warnings };
}

describe('debug/dwarf line tables (hand-made)', () => {
  it('DWARF 5: strp directories, udata directory indexes, data16 MD5, minimum instruction length 2', () => {
    const str = new Bytes().cstr('/proj').cstr('include');
    const b = new Bytes();
    const end = b.length32();
    b.u16(5).u8(4).u8(0);
    const header = b.length32();
    b.u8(2, 1, 1, -5, 14, 13); // min_inst_length, max_ops, default_is_stmt, line_base, line_range, opcode_base
    b.u8(0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1);
    b.u8(1).uleb(DW_LNCT_path).uleb(DW_FORM_strp);
    b.uleb(2).u32(0).u32(6); // "/proj", "include"
    b.u8(4).uleb(DW_LNCT_path).uleb(DW_FORM_string).uleb(DW_LNCT_directory_index).uleb(DW_FORM_udata)
      .uleb(DW_LNCT_MD5).uleb(DW_FORM_data16).uleb(DW_LNCT_size).uleb(DW_FORM_udata);
    b.uleb(2);
    b.cstr('main.c').uleb(0).bytes(new Uint8Array(16).fill(0xaa)).uleb(1234);
    b.cstr('inc/util.h').uleb(1).bytes(new Uint8Array(16).fill(0xbb)).uleb(99);
    header();
    setAddress(b, 0x1000);
    b.u8(1); // copy: util.h:1 (the file register starts at 1)
    b.u8(34); // special: 1 operation (2 bytes), line + 2
    b.u8(4, 0).u8(3, 10).u8(6).u8(8).u8(1); // file 0, line + 10, not a statement, const_add_pc (17 ops), copy
    b.u8(6).u8(9).u16(0x10).u8(5, 7).u8(1); // statement again, fixed_advance_pc 0x10 (not scaled), column 7, copy
    b.u8(2, 3); // advance_pc 3 operations
    endSequence(b);
    end();
    const { lines, warnings } = load([{ name: '.debug_line', data: b.done() }, { name: '.debug_str', data: str.done() }]);
    assert.deepEqual(warnings, []);
    const at = (a: number) => { const l = lines.locate(a); return l && `${l.file}:${l.line}:${l.column}`; };
    assert.equal(at(0x1000), '/proj/include/inc/util.h:1:0');
    assert.equal(at(0x1001), '/proj/include/inc/util.h:1:0');
    assert.equal(at(0x1002), '/proj/include/inc/util.h:3:0');
    assert.equal(at(0x1024), '/proj/main.c:13:0');
    assert.equal(at(0x1034), '/proj/main.c:13:7');
    assert.equal(at(0x1039), '/proj/main.c:13:7');
    assert.equal(at(0x103a), undefined, 'end of the sequence');
    assert.equal(at(0xfff), undefined);
    assert.deepEqual(lines.addressesOf('/proj/main.c', 13), [0x1034], 'only the is_stmt row');
    assert.deepEqual(lines.addressesOf('/proj/include/inc/util.h', 3), [0x1002]);
    assert.deepEqual(lines.files(), ['/proj/main.c', '/proj/include/inc/util.h']);
    assert.deepEqual(lines.rowAt(0x1030), { address: 0x1024, end: 0x1034, file: '/proj/main.c', line: 13, column: 0, isStmt: false });
  });

  it('DWARF 2: 1-based files, DW_LNE_define_file, opcode_base 10, compilation directory from .debug_info', () => {
    const b = new Bytes();
    const end = b.length32();
    b.u16(2);
    const header = b.length32();
    b.u8(1, 1, -1 & 0xff, 4, 10); // min_inst_length, default_is_stmt, line_base -1, line_range 4, opcode_base 10
    b.u8(0, 1, 1, 1, 1, 0, 0, 0, 1);
    b.cstr('sub').u8(0);
    b.cstr('a.c').uleb(0).uleb(0).uleb(0).cstr('b.h').uleb(1).uleb(0).uleb(0).u8(0);
    header();
    setAddress(b, 0x2000);
    b.u8(1); // a.c:1
    b.u8(0, 8, 3).cstr('c.c').uleb(1).uleb(0).uleb(0); // define_file c.c in sub/: file 3
    b.u8(4, 3);
    b.u8(23); // special: adjusted 13 -> 3 bytes, line + 0: c.c:1 at 0x2003
    b.u8(12); // opcode 12 is special here: adjusted 2 -> line + 1: c.c:2 at 0x2003
    b.u8(10, 10); // two specials (adjusted 0): line - 1 twice
    b.u8(2, 1);
    endSequence(b);
    end();
    // A DWARF 2 unit: DW_TAG_compile_unit with name (string), comp_dir (string), stmt_list (data4).
    const abbrev = new Bytes().uleb(1).uleb(0x11).u8(0).uleb(0x03).uleb(0x08).uleb(0x1b).uleb(0x08).uleb(0x10).uleb(0x06).u8(0, 0).u8(0);
    const info = new Bytes();
    const cuEnd = info.length32();
    info.u16(2).u32(0).u8(4).uleb(1).cstr('a.c').cstr('/build').u32(0);
    cuEnd();
    const { lines, warnings } = load([
      { name: '.debug_line', data: b.done() }, { name: '.debug_info', data: info.done() }, { name: '.debug_abbrev', data: abbrev.done() },
    ]);
    assert.deepEqual(warnings, []);
    assert.deepEqual(lines.locate(0x2000), { file: '/build/a.c', line: 1, column: 0 });
    assert.deepEqual(lines.locate(0x2003), { file: '/build/sub/c.c', line: 0, column: 0 }, 'the last row at an address covers it');
    assert.deepEqual(lines.addressesOf('/build/sub/c.c', 2), [0x2003]);
    assert.deepEqual(lines.addressesOf('/build/sub/c.c', 1), [0x2003]);
    assert.deepEqual(lines.files(), ['/build/a.c', '/build/sub/c.c']);
  });

  it('DWARF 4 in the 64-bit format, with an unknown standard opcode skipped by its declared length', () => {
    const b = new Bytes();
    b.u32(0xffffffff);
    const lengthAt = b.length;
    b.u64(0);
    const start = b.length;
    b.u16(4);
    const headerAt = b.length;
    b.u64(0);
    const headerStart = b.length;
    b.u8(1, 1, 1, -5 & 0xff, 14, 14);
    b.u8(0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1, 2); // opcode 13 takes 2 operands
    b.u8(0).cstr('x.c').uleb(0).uleb(0).uleb(0).u8(0);
    b.patch32(headerAt, b.length - headerStart);
    setAddress(b, 0x3000);
    b.u8(13).uleb(300).uleb(5); // unknown: skipped
    b.u8(1);
    b.u8(2, 8);
    endSequence(b);
    b.patch32(lengthAt, b.length - start);
    const { lines, warnings } = load([{ name: '.debug_line', data: b.done() }]);
    assert.deepEqual(warnings, []);
    assert.deepEqual(lines.locate(0x3004), { file: 'x.c', line: 1, column: 0 });
    assert.equal(lines.locate(0x3008), undefined);
  });

  it('sequences: sorted by address whatever their order, discarded and overlapping ones dropped', () => {
    const b = new Bytes();
    const end = b.length32();
    b.u16(3);
    const header = b.length32();
    b.u8(1, 1, -5 & 0xff, 14, 13, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1);
    b.u8(0).cstr('s.c').uleb(0).uleb(0).uleb(0).u8(0);
    header();
    const seq = (addr: number, line: number, len: number) => {
      setAddress(b, addr);
      b.u8(3).sleb(line - 1).u8(1).u8(2).uleb(len);
      endSequence(b);
    };
    seq(0x1100, 30, 0x10);
    seq(0x1000, 10, 0x10);
    seq(0x0, 99, 0x10); // a discarded function: address 0 is in no section
    seq(0x1008, 20, 0x10); // overlaps 0x1000..0x1010
    seq(0x1010, 15, 0x8); // starts where the 0x1000 one ends
    end();
    const { lines, warnings } = load([{ name: '.debug_line', data: b.done() }]);
    assert.deepEqual(warnings, ['synthetic.elf: .debug_line: 1 sequence(s) overlapping others ignored']);
    assert.equal(lines.locate(0x100f)?.line, 10);
    assert.equal(lines.locate(0x1010)?.line, 15);
    assert.equal(lines.locate(0x1018), undefined);
    assert.equal(lines.locate(0x1100)?.line, 30);
    assert.equal(lines.locate(0x8), undefined);
    assert.deepEqual(lines.addressesOf('s.c', 99), []);
    assert.deepEqual(lines.addressesOf('s.c', 20), []);
  });
});
