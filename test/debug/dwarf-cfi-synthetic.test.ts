/**
 * Call frame information GCC does not write for RISC-V, built byte by byte and unwound with known
 * registers and memory: every DW_CFA_* instruction, CIE versions 1 and 4, 64-bit DWARF, .eh_frame
 * pointer encodings and augmentations, DWARF expressions, and the choices unwind() makes.
 */
import { strict as assert } from 'node:assert';
import { readDebugInfo } from '../../emulator/debug/dwarf';
import { backtrace } from '../../emulator/debug/dwarf-backtrace';
import { DwarfFrames } from '../../emulator/debug/dwarf-cfi';
import { Bytes, elfWithSections, SectionSpec } from './dwarf-builder';

const TEXT: SectionSpec = { name: '.text', data: new Uint8Array(0x1000), addr: 0x1000, flags: 6 };
const EH_ADDR = 0x4000;
const RA = 1;
const SP = 2;
const S0 = 8;
const S1 = 9;
const S2 = 18;
const S3 = 19;
const S4 = 20;

interface CieSpec {
  readonly version?: number;
  readonly aug?: string;
  readonly codeAlign?: number;
  readonly dataAlign?: number;
  readonly augData?: number[];
  readonly ops: number[];
}

/** A .debug_frame CIE (32-bit format); returns its offset. */
function debugCie(b: Bytes, c: CieSpec): number {
  const at = b.length;
  const end = b.length32();
  b.u32(0xffffffff).u8(c.version ?? 3).cstr(c.aug ?? '');
  if ((c.version ?? 3) >= 4) b.u8(4, 0);
  b.uleb(c.codeAlign ?? 1).sleb(c.dataAlign ?? -4);
  if (c.version === 1) b.u8(RA);
  else b.uleb(RA);
  b.u8(...c.ops);
  end();
  return at;
}

function debugFde(b: Bytes, cie: number, start: number, size: number, ops: number[]): number {
  const at = b.length;
  const end = b.length32();
  b.u32(cie).u32(start).u32(size).u8(...ops);
  end();
  return at;
}

/** An .eh_frame CIE (version 1, 'z' augmentations); returns its offset. */
function ehCie(b: Bytes, c: CieSpec): number {
  const at = b.length;
  const end = b.length32();
  b.u32(0).u8(1).cstr(c.aug ?? 'zR').uleb(c.codeAlign ?? 1).sleb(c.dataAlign ?? -4).u8(RA);
  b.uleb((c.augData ?? [0x1b]).length).u8(...(c.augData ?? [0x1b]));
  b.u8(...c.ops);
  end();
  return at;
}

/** An .eh_frame FDE with pc-relative sdata4 (0x1b) or absolute udata4 (0x03) addresses. */
function ehFde(b: Bytes, cie: number, start: number, size: number, ops: number[], encoding = 0x1b, augData: number[] = []): void {
  const end = b.length32();
  b.u32(b.length - cie);
  b.u32(encoding === 0x1b ? (start - (EH_ADDR + b.length)) >>> 0 : start).u32(size);
  b.uleb(augData.length).u8(...augData).u8(...ops);
  end();
}

const sleb = (v: number) => Array.from(new Bytes().sleb(v).done());
const u16 = (v: number) => [v & 0xff, v >>> 8];
const u32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];

function frames(sections: { debug?: Bytes; eh?: Bytes }): { frames: DwarfFrames; warnings: string[] } {
  const list: SectionSpec[] = [TEXT];
  if (sections.debug) list.push({ name: '.debug_frame', data: sections.debug.done() });
  if (sections.eh) list.push({ name: '.eh_frame', data: sections.eh.done(), addr: EH_ADDR, flags: 2 });
  const { info, warnings } = readDebugInfo(elfWithSections(list), 'cfi.elf');
  // These files have no line table, which readDebugInfo notes.
  return { frames: info!.frames!, warnings: warnings.filter((w) => !w.includes('no DWARF line table')) };
}

/** A frame's registers and a memory where each word holds its own address + 1 (so loads are recognisable). */
function machine() {
  const regs = new Int32Array(33);
  regs[RA] = 0xdead;
  regs[SP] = 0x8000;
  regs[S0] = 0x9000;
  regs[S1] = 0x1111;
  regs[S2] = 0x5555;
  regs[S3] = 0x3333;
  regs[S4] = 0x4444;
  const read32 = (a: number) => (a >= 0x7000 && a < 0xa000 ? a + 1 : undefined);
  return { regs, read32 };
}

/** The caller's registers that a test looks at, as [ra/pc, sp, s0, s1, s3, s4]. */
function caller(f: DwarfFrames, pc: number, opts?: { returnAddress?: boolean }): number[] | undefined {
  const { regs, read32 } = machine();
  const out = f.unwind(pc, regs, read32, opts);
  return out && [out[32], out[SP], out[S0], out[S1], out[S3], out[S4]];
}

describe('debug/dwarf call frame information (hand-made)', () => {
  it('every DW_CFA_* instruction, CIE version 1, code alignment 2', () => {
    const b = new Bytes();
    const cie = debugCie(b, { version: 1, codeAlign: 2, ops: [0x0c, SP, 0] });
    debugFde(b, cie, 0x1000, 0x40, [
      0x41, // advance_loc 1 (x2): 0x1002
      0x0e, 32, // def_cfa_offset 32
      0x80 | RA, 1, // offset ra, cfa-4
      0x05, S0, 2, // offset_extended s0, cfa-8
      0x02, 3, // advance_loc1 3: 0x1008
      0x09, S1, S2, // register s1 in s2
      0x0d, S0, // def_cfa_register s0
      0x03, ...u16(4), // advance_loc2 4: 0x1010
      0x14, S3, 4, // val_offset s3 = cfa-16
      0x12, SP, ...sleb(-12), // def_cfa_sf sp, 48
      0x04, ...u32(8), // advance_loc4 8: 0x1020
      0x0a, // remember_state
      0xc0 | RA, // restore ra
      0x08, S0, // same_value s0
      0x07, S4, // undefined s4
      0x42, // advance_loc 2: 0x1024
      0x0b, // restore_state
      0x01, ...u32(0x1030), // set_loc 0x1030
      0x13, ...sleb(-2), // def_cfa_offset_sf 8
      0x06, S0, // restore_extended s0
      0x2e, 16, // GNU_args_size
      0x00, // nop
    ]);
    const { frames: f, warnings } = frames({ debug: b });
    assert.deepEqual(warnings, []);
    assert.deepEqual(caller(f, 0x1000), [0xdead, 0x8000, 0x9000, 0x1111, 0x3333, 0x4444], 'CIE rules only: a leaf');
    assert.deepEqual(caller(f, 0x1004), [0x801c + 1, 0x8020, 0x8018 + 1, 0x1111, 0x3333, 0x4444]);
    assert.deepEqual(caller(f, 0x1008), [0x901c + 1, 0x9020, 0x9018 + 1, 0x5555, 0x3333, 0x4444], 'CFA on s0, s1 in s2');
    assert.deepEqual(caller(f, 0x1010), [0x802c + 1, 0x8030, 0x8028 + 1, 0x5555, 0x8020, 0x4444], 's3 = cfa-16');
    assert.deepEqual(caller(f, 0x1020), [0xdead, 0x8030, 0x9000, 0x5555, 0x8020, 0x4444], 'restored ra, same s0, undefined s4 keeps its value');
    assert.deepEqual(caller(f, 0x1024), caller(f, 0x1010), 'restore_state');
    assert.deepEqual(caller(f, 0x1030), [0x8004 + 1, 0x8008, 0x9000, 0x5555, 0x8000 - 8, 0x4444]);
    assert.equal(caller(f, 0x1040), undefined, 'past the FDE');
  });

  it('CIE version 4 and the 64-bit DWARF format', () => {
    const b = new Bytes();
    b.u32(0xffffffff).u64(0);
    const cieLen = 4;
    const cieBody = b.length;
    b.u32(0xffffffff).u32(0xffffffff).u8(4).cstr('').u8(4, 0).uleb(1).sleb(-4).uleb(RA).u8(0x0c, SP, 0);
    b.patch32(cieLen, b.length - cieBody);
    const fdeAt = b.length;
    b.u32(0xffffffff).u64(0);
    const fdeBody = b.length;
    b.u32(0).u32(0).u32(0x1000).u32(0x10).u8(0x41, 0x0e, 16, 0x80 | RA, 1);
    b.patch32(fdeAt + 4, b.length - fdeBody);
    const { frames: f, warnings } = frames({ debug: b });
    assert.deepEqual(warnings, []);
    assert.deepEqual(caller(f, 0x1004), [0x800c + 1, 0x8010, 0x9000, 0x1111, 0x3333, 0x4444]);
  });

  it('.eh_frame: pc-relative and absolute pointers, zPLR augmentation data, a zero terminator', () => {
    const b = new Bytes();
    const plain = ehCie(b, { ops: [0x0c, SP, 0] });
    ehFde(b, plain, 0x1000, 0x20, [0x41, 0x0e, 16, 0x80 | RA, 1]);
    // personality: indirect pc-relative (skipped, never read), LSDA pc-relative, FDE pointers absolute.
    const cxx = ehCie(b, { aug: 'zPLR', augData: [0x9b, ...u32(0x1234), 0x1b, 0x03], ops: [0x0c, SP, 0] });
    ehFde(b, cxx, 0x1020, 0x20, [0x42, 0x0e, 32, 0x80 | RA, 1], 0x03, u32(0));
    b.u32(0);
    const { frames: f, warnings } = frames({ eh: b });
    assert.deepEqual(warnings, []);
    assert.deepEqual(f.fdes().map((x) => [x.start, x.end]), [[0x1000, 0x1020], [0x1020, 0x1040]]);
    assert.deepEqual(caller(f, 0x1002), [0x800c + 1, 0x8010, 0x9000, 0x1111, 0x3333, 0x4444]);
    assert.deepEqual(caller(f, 0x1024), [0x801c + 1, 0x8020, 0x9000, 0x1111, 0x3333, 0x4444]);
  });

  it('DWARF expressions: CFA, saved-at and value rules', () => {
    const b = new Bytes();
    const cie = debugCie(b, { ops: [] });
    debugFde(b, cie, 0x1000, 0x10, [
      0x0f, 2, 0x72, 0x18, // def_cfa_expression: breg2 (sp) + 24
      0x10, RA, 3, 0x09, 0xfc, 0x22, // expression ra: cfa (pushed) + const1s -4
      0x16, S0, 3, 0x78, 0x00, 0x06, // val_expression s0: deref(s0 + 0)
      0x16, S1, 5, 0x13, 0x31, 0x79, 0x00, 0x24, // val_expression s1: drop the CFA, lit1, breg9 (s1) + 0, shl
      0x16, S3, 3, 0x2f, ...u16(0xfffd), // val_expression s3: DW_OP_skip -3, forever
    ]);
    const { frames: f, warnings } = frames({ debug: b });
    assert.deepEqual(warnings, []);
    const { regs, read32 } = machine();
    regs[S1] = 3;
    const out = f.unwind(0x1000, regs, read32)!;
    assert.equal(out[SP], 0x8018);
    assert.equal(out[32], 0x8014 + 1, 'ra saved at cfa-4');
    assert.equal(out[S0], 0x9000 + 1, 'value of a deref');
    assert.equal(out[S1], 1 << 3);
    assert.equal(out[S3], 0x3333, 'an expression that does not end (step limit) leaves the register');
  });

  it('a return address is looked up at pc - 1 (a call may end its function), but not above a signal frame', () => {
    const b = new Bytes();
    const cie = debugCie(b, { ops: [0x0c, SP, 0] });
    debugFde(b, cie, 0x1100, 0x10, [0x0e, 32, 0x80 | RA, 1]);
    debugFde(b, cie, 0x1110, 0x10, [0x0e, 64, 0x80 | RA, 1]);
    const eh = new Bytes();
    const sig = ehCie(eh, { aug: 'zRS', augData: [0x1b], ops: [0x0c, SP, 0] });
    ehFde(eh, sig, 0x1200, 0x10, [0x0e, 16, 0x80 | RA, 1]);
    const { frames: f } = frames({ debug: b, eh });
    const { regs } = machine();
    const at = (a: number) => f.unwind(0x1110, regs, () => 0, { returnAddress: a === 1 })?.[SP];
    assert.equal(at(0), 0x8040, 'innermost: the pc itself');
    assert.equal(at(1), 0x8020, 'caller: the call before it');
    // A signal trampoline "returns" to 0x1110 exactly: the next frame is looked up there, not at 0x110f.
    const memory = new Map([[0x800c, 0x1110], [0x804c, 0x1300], [0x802c, 0x1400]]);
    regs[32] = 0x1204;
    const stack = backtrace(f, regs, (a) => memory.get(a) ?? 0);
    assert.deepEqual(stack.map((s) => s.pc), [0x1204, 0x1110, 0x1300]);
    assert.equal(f.isSignalFrame(0x1204), true);
  });

  it('.debug_frame wins over .eh_frame; no unwinding past an undefined return address or unreadable memory', () => {
    const b = new Bytes();
    const cie = debugCie(b, { ops: [0x0c, SP, 0] });
    debugFde(b, cie, 0x1000, 0x10, [0x0e, 16]);
    debugFde(b, cie, 0x1010, 0x10, [0x07, RA]);
    debugFde(b, cie, 0x1020, 0x10, [0x0c, S4, 0, 0x80 | RA, 1]);
    const eh = new Bytes();
    const ehc = ehCie(eh, { ops: [0x0c, SP, 0] });
    ehFde(eh, ehc, 0x1000, 0x10, [0x0e, 48]);
    const { frames: f } = frames({ debug: b, eh });
    assert.equal(caller(f, 0x1000)?.[1], 0x8010);
    assert.equal(caller(f, 0x1010), undefined, 'DW_CFA_undefined ra: the outermost frame');
    assert.equal(caller(f, 0x1020), undefined, 'ra saved where memory cannot be read (CFA = s4 = 0x4444)');
  });
});
