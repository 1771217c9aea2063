/**
 * The golden corpus: every instruction in test/fixtures/isa/corpus.elf, decoded and listed by us,
 * must equal objdump's listings recorded next to it (with and without aliases), line for line.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { decode } from '../../emulator/isa/decoder';
import { selectRule } from '../../emulator/isa/disassembler';
import { ObjdumpListing } from '../../emulator/isa/objdump-listing';
import { PRINT_RULES } from '../../emulator/isa/print-rules';
import { INSTRUCTIONS } from '../../emulator/isa/table';
import { Decoded } from '../../emulator/isa/types';
import { readElf32 } from './support/elf32';
import { fixturePath } from './support/fixtures';
import { objdumpInstructionLines } from './support/objdump-text';
import { objdumpSymbolizer } from './support/symbolizer';

const elf = readElf32(fs.readFileSync(fixturePath('corpus.elf')));
const text = elf.section('.text');
const symbolize = objdumpSymbolizer(elf.symbols);
const gp = elf.symbols.find((s) => s.name === '__global_pointer$')?.value;

/** The corpus's instructions in order: address and raw bits (a halfword or a word). */
function corpusWords(): { pc: number; raw: number }[] {
  const out: { pc: number; raw: number }[] = [];
  for (let off = 0; off < text.size;) {
    const lo = elf.bytes.readUInt16LE(text.offset + off);
    const len = (lo & 3) === 3 ? 4 : 2;
    out.push({ pc: text.addr + off, raw: len === 4 ? elf.bytes.readUInt32LE(text.offset + off) : lo });
    off += len;
  }
  return out;
}

const MODES = [
  { label: 'objdump -d', file: 'corpus.objdump.txt', aliases: true },
  { label: 'objdump -d -M no-aliases', file: 'corpus.noaliases.objdump.txt', aliases: false },
];

describe('isa: golden corpus', () => {
  const words = corpusWords();

  for (const mode of MODES) {
    it(`lists corpus.elf exactly as ${mode.label}`, () => {
      const expected = objdumpInstructionLines(fs.readFileSync(fixturePath(mode.file), 'utf8'));
      assert.strictEqual(words.length, expected.length, 'instruction count differs from the golden listing');
      const listing = new ObjdumpListing({ aliases: mode.aliases, symbolize, gp });
      const diffs: string[] = [];
      words.forEach((w, i) => {
        const ours = listing.line(w.pc, w.raw).text;
        if (ours !== expected[i].line) diffs.push(`  objdump: ${expected[i].line}\n  ours:    ${ours}`);
      });
      assert.deepStrictEqual(diffs, [], `${diffs.length} of ${words.length} lines differ:\n${diffs.slice(0, 40).join('\n')}`);
    });
  }

  it('contains every table entry', () => {
    const seen = new Set(words.map((w) => decode(w.raw)?.name).filter((n) => n !== undefined));
    const missing = INSTRUCTIONS.map((e) => e.name).filter((n) => !seen.has(n));
    assert.deepStrictEqual(missing, []);
  });

  it('exercises every print rule objdump uses for rv32imac', () => {
    const decoded = words.map((w) => decode(w.raw)).filter((d): d is Decoded => d !== null);
    const used = new Set<string>();
    for (const d of decoded) {
      for (const aliases of [true, false]) {
        const i = selectRule(d, { aliases });
        if (i >= 0) used.add(`${d.name}#${i}`);
      }
    }
    const unused = Object.entries(PRINT_RULES).flatMap(([name, rules]) =>
      rules.map((r, i) => ({ key: `${name}#${i}`, r })).filter((x) => !used.has(x.key) && x.r.ext === undefined)
        .map((x) => `${x.key} ${x.r.kind} '${x.r.when}' ${x.r.text}`));
    assert.deepStrictEqual(unused, []);
  });
});
