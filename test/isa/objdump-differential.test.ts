/**
 * Live differential test against GNU objdump: thousands of pseudo-random halfwords and words (fixed
 * seed), plus every CSR number, are assembled as instructions and listed by objdump and by us; every
 * line must agree, in both alias modes, apart from the documented divergences below. Skipped with a
 * message when binutils are not installed, except under CI, where that is a failure.
 */
import * as assert from 'assert';
import { decode } from '../../emulator/isa/decoder';
import { ObjdumpListing } from '../../emulator/isa/objdump-listing';
import { haveBinutils, insnDirectives, objdumpOf } from './support/binutils';
import { objdumpInstructionLines } from './support/objdump-text';
import { Item, csrSweep, randomItems } from './support/random-insns';

const SEED = 0x7a11c0de;
const RANDOM_COUNT = 24000;

/**
 * Encodings objdump 2.40 names but the spec (and so our decoder) makes illegal for RV32IMAC. Our
 * listing shows them as .2byte/.4byte.
 */
const OBJDUMP_ONLY: readonly { readonly why: string; readonly test: (it: Item) => boolean }[] = [
  { why: 'c.addi16sp with nzimm = 0 is reserved', test: (it) => it.len === 2 && (it.raw & 0xef83) === 0x6101 },
  { why: 'RV32C shifts with shamt[5] = 1 are reserved for custom use',
    test: (it) => it.len === 2 && ((it.raw & 0xf003) === 0x1002 || (it.raw & 0xf803) === 0x9001) },
  { why: 'RV32I shifts with shamt[5] = 1 are reserved',
    test: (it) => it.len === 4 && [0x02001013, 0x02005013, 0x42005013].includes((it.raw & 0xfe00707f) >>> 0) },
  { why: 'dret (debug spec), uret (withdrawn N extension) and sfence.vm (privileged spec 1.9.1) are not ours',
    test: (it) => it.len === 4 && [0x7b200073, 0x00200073].includes(it.raw) || (it.raw & 0xfff07fff) === 0x10400073 },
];

const ILLEGAL_TEXT = /^(\.2byte|\.4byte)\t/;

function isIllegalText(text: string): boolean {
  return ILLEGAL_TEXT.test(text) || text === 'unimp' || text === 'c.unimp';
}

describe('isa: differential against objdump', function () {
  this.timeout(120000);

  before(function () {
    if (haveBinutils()) return;
    const msg = 'riscv64-unknown-elf binutils not on PATH';
    if (process.env.CI) throw new Error(`${msg}: the objdump differential test is mandatory under CI`);
    console.log(`      (skipping objdump differential tests: ${msg})`);
    this.skip();
  });

  const items = [...randomItems(SEED, RANDOM_COUNT), ...csrSweep()];

  for (const aliases of [true, false]) {
    it(`agrees with objdump -d${aliases ? '' : ' -M no-aliases'} on ${items.length} random and CSR-sweep encodings`, () => {
      const listings = objdumpOf(insnDirectives(items));
      const expected = objdumpInstructionLines(aliases ? listings.aliases : listings.noAliases);
      assert.strictEqual(expected.length, items.length, 'objdump listed a different number of instructions');

      const listing = new ObjdumpListing({ aliases });
      const known = new Map<string, number>();
      const failures: string[] = [];
      let pc = 0x80000000;
      let legal = 0;
      items.forEach((item, i) => {
        const line = listing.line(pc, item.raw);
        pc += item.len;
        if (decode(item.raw) !== null) legal++;
        if (line.text === expected[i].line) return;
        const divergence = OBJDUMP_ONLY.find((k) => k.test(item));
        if (divergence !== undefined && isIllegalText(`${line.disassembly.mnemonic}\t${line.disassembly.operands}`)) {
          known.set(divergence.why, (known.get(divergence.why) ?? 0) + 1);
          return;
        }
        failures.push(`  objdump: ${expected[i].line}\n  ours:    ${line.text}`);
      });

      const summary = [...known].map(([why, n]) => `${n} × ${why}`).join('; ');
      console.log(`      ${items.length} encodings, ${legal} legal; known divergences: ${summary || 'none'}`);
      assert.deepStrictEqual(failures, [], `${failures.length} lines differ:\n${failures.slice(0, 40).join('\n')}`);
      assert.ok(legal > items.length / 2, 'the generator should mostly produce legal instructions');
    });
  }

  it('spells fence w,0 as pause when Zihintpause is enabled, as objdump does', () => {
    const fences = [0x0100000f, 0x0ff0000f, 0x8330000f, 0x0110000f, 0x0000000f].map((raw) => ({ raw, len: 4 as const }));
    const listings = objdumpOf(insnDirectives(fences), 'rv32imac_zicsr_zifencei_zihintpause');
    for (const aliases of [true, false]) {
      const expected = objdumpInstructionLines(aliases ? listings.aliases : listings.noAliases).map((l) => l.line);
      const listing = new ObjdumpListing({ aliases, extensions: ['Zihintpause'] });
      const ours = fences.map((f, i) => listing.line(0x80000000 + 4 * i, f.raw).text);
      assert.deepStrictEqual(ours, expected);
      assert.ok(ours[0].endsWith('\tpause'));
    }
  });

  it('decodes exactly where objdump does, apart from the documented divergences', () => {
    const expected = objdumpInstructionLines(objdumpOf(insnDirectives(items)).noAliases);
    const unexplained: string[] = [];
    items.forEach((item, i) => {
      const ours = decode(item.raw) !== null;
      const theirs = !isIllegalText(expected[i].text);
      if (ours === theirs) return;
      if (!ours && OBJDUMP_ONLY.some((k) => k.test(item))) return;
      if (ours && WE_ONLY.some((k) => k.test(item))) return;
      unexplained.push(`${expected[i].line}  (we ${ours ? 'decode' : 'reject'} it)`);
    });
    assert.deepStrictEqual(unexplained, [], unexplained.slice(0, 40).join('\n'));
  });
});

/**
 * Encodings we decode but objdump does not name: the spec says to ignore these reserved fields, so
 * they execute; objdump prints them as .4byte, and so does our listing (see print-rules.ts).
 */
const WE_ONLY: readonly { readonly why: string; readonly test: (it: Item) => boolean }[] = [
  { why: 'fence with rd, rs1 or an unknown fm set', test: (it) => it.len === 4 && (it.raw & 0x707f) === 0x000f },
  { why: 'fence.i with imm, rs1 or rd set', test: (it) => it.len === 4 && (it.raw & 0x707f) === 0x100f },
  { why: 'csrw cycle,zero: a legal encoding (it traps) that objdump calls unimp', test: (it) => it.raw === 0xc0001073 },
];
