/**
 * Malformed input never throws out of the public API: the damaged unit or entry is skipped, the
 * rest is kept, and `warnings` says what was lost. Hand-made damage for the specific cases, then
 * random corruption and truncation of a real file's debug sections.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { readDebugInfo } from '../../emulator/debug/dwarf';
import { readSections } from '../../emulator/debug/dwarf-elf';
import { Bytes, elfWithSections, prng, SectionSpec } from './dwarf-builder';
import { ELVES } from './dwarf-helpers';

const TEXT: SectionSpec = { name: '.text', data: new Uint8Array(0x1000), addr: 0x1000, flags: 6 };

/** A DWARF 3 line unit with one file and one sequence of `len` bytes at `addr`, line `line`. */
function unit(b: Bytes, addr: number, line: number, len = 8, version = 3): void {
  const end = b.length32();
  b.u16(version);
  const header = b.length32();
  b.u8(1, 1, -5 & 0xff, 14, 13, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1);
  b.u8(0).cstr('m.c').uleb(0).uleb(0).uleb(0).u8(0);
  header();
  b.u8(0, 5, 2).u32(addr).u8(3).sleb(line - 1).u8(1).u8(2).uleb(len).u8(0, 1, 1);
  end();
}

function read(sections: SectionSpec[]) {
  return readDebugInfo(elfWithSections([TEXT, ...sections]), 'bad.elf');
}

describe('debug/dwarf malformed input', () => {
  it('not an ELF, an empty file, no debug information, a relocatable object: no info, a reason', () => {
    for (const [bytes, reason] of [
      [new Uint8Array(0), /not an ELF/],
      [Buffer.from('hello, world, this is not an ELF file at all......................'), /not an ELF/],
      [elfWithSections([TEXT]), /no DWARF line table or call frame information/],
      [elfWithSections([TEXT], 1), /relocatable object/],
    ] as const) {
      const r = readDebugInfo(bytes, 'x.elf');
      assert.equal(r.info, undefined);
      assert.equal(r.warnings.length, 1);
      assert.match(r.warnings[0], reason);
      assert.ok(r.warnings[0].startsWith('x.elf: '));
    }
  });

  it('a bad line unit is skipped and named; the units around it are kept', () => {
    const b = new Bytes();
    unit(b, 0x1000, 10);
    unit(b, 0x1100, 20, 8, 9); // version 9
    unit(b, 0x1200, 30);
    const { info, warnings } = read([{ name: '.debug_line', data: b.done() }]);
    assert.deepEqual(warnings, ['bad.elf: .debug_line unit at 0x33: unsupported line table version 9']);
    assert.equal(info!.lines.locate(0x1000)?.line, 10);
    assert.equal(info!.lines.locate(0x1100), undefined);
    assert.equal(info!.lines.locate(0x1200)?.line, 30);
  });

  it('damaged line programs: unknown files, unterminated and truncated sequences', () => {
    const b = new Bytes();
    // A row naming file 7 of 1, then a sequence the unit ends inside.
    let end = b.length32();
    b.u16(3);
    let header = b.length32();
    b.u8(1, 1, -5 & 0xff, 14, 13, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1).u8(0).cstr('m.c').uleb(0).uleb(0).uleb(0).u8(0);
    header();
    b.u8(0, 5, 2).u32(0x1000).u8(4, 7).u8(1).u8(2, 4).u8(0, 1, 1);
    b.u8(0, 5, 2).u32(0x1100).u8(1).u8(2, 4);
    end();
    // An extended opcode running past the unit.
    end = b.length32();
    b.u16(3);
    header = b.length32();
    b.u8(1, 1, -5 & 0xff, 14, 13, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1).u8(0).cstr('n.c').uleb(0).uleb(0).uleb(0).u8(0);
    header();
    b.u8(0, 5, 2).u32(0x1200).u8(1).u8(2, 4).u8(0, 1, 1);
    b.u8(0, 50, 2);
    end();
    const { info, warnings } = read([{ name: '.debug_line', data: b.done() }]);
    assert.deepEqual(warnings, [
      'bad.elf: .debug_line unit at 0x0: rows name files not in its table (7)',
      'bad.elf: .debug_line unit at 0x0: the program ends inside a sequence; its rows are dropped',
      'bad.elf: .debug_line unit at 0x3d: extended opcode at 0x6e runs past the unit (its complete sequences are kept)',
    ]);
    assert.equal(info!.lines.locate(0x1000)?.file, '<file 7 of line table 0x0>');
    assert.equal(info!.lines.locate(0x1100), undefined);
    assert.equal(info!.lines.locate(0x1200)?.file, 'n.c');
  });

  it('a unit length past the section ends the walk with a warning', () => {
    const b = new Bytes();
    unit(b, 0x1000, 10);
    b.u32(0x100000).u16(3);
    const { info, warnings } = read([{ name: '.debug_line', data: b.done() }]);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /unit at 0x33: unit length 0x100000 runs past the end of the section; later units skipped/);
    assert.equal(info!.lines.locate(0x1000)?.line, 10);
  });

  it('damaged CFI: an unknown instruction or a missing CIE drops the FDE; a bad restore_state is noted on first use', () => {
    const b = new Bytes();
    const cie = b.length;
    let end = b.length32();
    b.u32(0xffffffff).u8(3).cstr('').uleb(1).sleb(-4).uleb(1).u8(0x0c, 2, 0);
    end();
    const fde = (start: number, ops: number[], cieAt = cie) => {
      end = b.length32();
      b.u32(cieAt).u32(start).u32(0x10).u8(...ops);
      end();
    };
    fde(0x1000, [0x0e, 16]);
    fde(0x1010, [0x3f]); // no such instruction
    fde(0x1020, [0x0e, 16], 0x4); // points into the CIE, not at one
    fde(0x1030, [0x41, 0x0b, 0x0e, 8]); // restore_state with nothing remembered
    const { info, warnings } = read([{ name: '.debug_frame', data: b.done() }]);
    assert.deepEqual(warnings, [
      'bad.elf: .debug_frame FDE at 0x22: unknown call frame instruction 0x3f at 0x32',
      'bad.elf: .debug_frame FDE at 0x33: no CIE at 0x4',
      'bad.elf: no DWARF line table (.debug_line): build with -g for source lines',
    ]);
    const frames = info!.frames!;
    assert.deepEqual(frames.fdes().map((f) => f.start), [0x1000, 0x1030]);
    const regs = new Int32Array(33);
    regs[2] = 0x100;
    assert.equal(frames.unwind(0x1002, regs, () => 0)?.[2], 0x110);
    assert.equal(frames.unwind(0x1032, regs, () => 0)?.[2], 0x108);
    assert.match(warnings[3], /FDE at 0x45: DW_CFA_restore_state without a remembered state/);
  });

  it('section headers pointing outside the file, a zlib section that does not inflate', () => {
    const elf = elfWithSections([TEXT, { name: '.debug_line', data: new Uint8Array(64) }, { name: '.debug_frame', data: new Uint8Array(16), flags: 0x800 }]);
    const v = new DataView(elf.buffer);
    const shoff = v.getUint32(32, true);
    v.setUint32(shoff + 2 * 40 + 20, 0x7fffffff, true); // .debug_line's size
    const { info, warnings } = readDebugInfo(elf, 'bad.elf');
    assert.equal(info, undefined);
    assert.match(warnings[0], /section \.debug_line: extends past the end of the file/);
    assert.match(warnings[1], /section \.debug_frame: compressed with an unsupported method \(ch_type 0\)/);
  });

  /** Every public query on whatever was read; none may throw. */
  function exercise(bytes: Uint8Array, random: () => number): number {
    const { info, warnings } = readDebugInfo(bytes, 'fuzz.elf');
    if (info === undefined) return warnings.length;
    const lines = info.lines;
    for (const f of lines.files().slice(0, 5)) lines.addressesOf(f, 1 + Math.floor(random() * 200));
    lines.addressesOf('/x/hello-c.c', 60);
    const regs = new Int32Array(33).map(() => (random() * 2 ** 32) | 0);
    regs[2] = 0x80200800;
    for (let i = 0; i < 200; i++) {
      const pc = 0x80000000 + Math.floor(random() * 0x3000);
      lines.locate(pc);
      lines.rowAt(pc);
      info.frames?.unwind(pc, regs, () => (random() < 0.1 ? undefined : (random() * 2 ** 32) >>> 0), { returnAddress: random() < 0.5 });
    }
    return warnings.length;
  }

  it('random byte corruption of real debug sections (300 files) never throws', function () {
    this.timeout(60_000);
    const original = fs.readFileSync(ELVES['hello-c']);
    const sections = readSections(original, []);
    const ranges = ['.debug_line', '.debug_info', '.debug_abbrev', '.debug_frame', '.debug_line_str', '.debug_str']
      .map((n) => sections.get(n)!.data)
      .map((d) => [d.byteOffset - original.byteOffset, d.length]);
    const random = prng(12345);
    let warned = 0;
    for (let i = 0; i < 300; i++) {
      const bytes = Uint8Array.from(original);
      const [at, len] = ranges[i % ranges.length];
      const flips = 1 + Math.floor(random() * 20);
      for (let k = 0; k < flips; k++) bytes[at + Math.floor(random() * len)] = Math.floor(random() * 256);
      if (exercise(bytes, random) > 0) warned++;
    }
    assert.ok(warned > 50, `corruption is reported (${warned} of 300 files had warnings)`);
  });

  it('truncation anywhere (100 lengths) never throws', function () {
    this.timeout(60_000);
    const original = fs.readFileSync(ELVES['nested-v5']);
    const random = prng(777);
    for (let i = 0; i < 100; i++) {
      const len = Math.floor(random() * original.length);
      const { warnings } = readDebugInfo(original.subarray(0, len), 'cut.elf');
      assert.ok(warnings.length > 0, `cut at ${len}`);
      exercise(original.subarray(0, len), random);
    }
  });
});
