/**
 * The corpus (test/fixtures/asm/*.S) against GNU as + ld: our .text, .rodata and .data must equal
 * theirs byte for byte and address for address. The GNU output is committed as golden files, so the
 * comparison runs without binutils; with binutils the same comparison also runs live (and checks the
 * golden files are current). UPDATE_GOLDEN=1 rewrites the golden files from the live output.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { assemble } from '../../emulator/asm/assemble';
import { FORMS } from '../../emulator/asm/forms';
import { INSN_MACROS } from '../../emulator/asm/insn-macros';
import { DIRECTIVES } from '../../emulator/asm/directives';
import { INSTRUCTIONS } from '../../emulator/isa/table';
import { RELOC_OPS } from '../../emulator/asm/expr';
import { ASM_FIXTURES, comparedSections, firstDifference, formatGolden, parseGolden } from './support/sections';
import { gnuBuild, gnuCpp, usesCpp } from './support/gnu';
import { haveBinutils, requireTool } from './support/tools';

const SOURCES = fs.readdirSync(ASM_FIXTURES).filter((f) => f.endsWith('.S')).sort();
const goldenPath = (source: string) => path.join(ASM_FIXTURES, source.replace(/\.S$/, '.gnu.txt'));

function ours(source: string) {
  const file = path.join(ASM_FIXTURES, source);
  const r = assemble([{ path: file, text: fs.readFileSync(file, 'utf8') }]);
  assert.deepStrictEqual(r.diagnostics.filter((d) => d.severity === 'error'), [], `${source} should assemble`);
  return comparedSections(r.elf!);
}

/** Directives with no effect on GNU's output that the corpus does not need to show (checked in syntax.test.ts). */
const NOT_IN_GNU = new Set(['.rodata']);

describe('asm: corpus against GNU as + ld', () => {
  it('has the corpus and its golden files', () => {
    assert.ok(SOURCES.length >= 7, `found ${SOURCES.join(', ')}`);
    if (process.env.UPDATE_GOLDEN) return;
    for (const s of SOURCES) assert.ok(fs.existsSync(goldenPath(s)), `no golden file for ${s} (run test/fixtures/asm/build.sh)`);
  });

  it('covers every instruction, pseudo-instruction, relocation operator and directive', () => {
    const text = SOURCES.map((s) => fs.readFileSync(path.join(ASM_FIXTURES, s), 'utf8')).join('\n');
    const words = new Set(text.split(/[\s,()]+/));
    const missing = [
      ...INSTRUCTIONS.map((e) => e.name), ...FORMS.keys(), ...Object.keys(INSN_MACROS), ...RELOC_OPS,
      ...Object.keys(DIRECTIVES).filter((d) => !NOT_IN_GNU.has(d)),
    ].filter((w) => !words.has(w));
    assert.deepStrictEqual([...new Set(missing)], []);
  });

  for (const source of SOURCES) {
    describe(source, () => {
      it('matches the committed GNU output', function () {
        if (!fs.existsSync(goldenPath(source))) this.skip();
        const diff = firstDifference(ours(source), parseGolden(fs.readFileSync(goldenPath(source), 'utf8')));
        assert.strictEqual(diff, undefined, diff);
      });

      it('matches GNU as + ld run now (and the golden file is current)', function () {
        requireTool(this, haveBinutils(), 'riscv64-unknown-elf binutils');
        const text = fs.readFileSync(path.join(ASM_FIXTURES, source), 'utf8');
        if (usesCpp(source, text)) requireTool(this, gnuCpp() !== undefined, 'a C preprocessor (riscv64-unknown-elf-cpp or cpp)');
        const g = gnuBuild(source, fs.readFileSync(path.join(ASM_FIXTURES, source), 'utf8'), ASM_FIXTURES);
        if ('error' in g) assert.fail(`GNU rejected ${source}: ${g.error}`);
        const theirs = comparedSections(g.elf);
        if (process.env.UPDATE_GOLDEN) fs.writeFileSync(goldenPath(source), formatGolden(source, theirs));
        const diff = firstDifference(ours(source), theirs);
        assert.strictEqual(diff, undefined, diff);
        const stale = firstDifference(parseGolden(fs.readFileSync(goldenPath(source), 'utf8')), theirs);
        assert.strictEqual(stale, undefined, `golden file for ${source} is stale: ${stale}`);
      });
    });
  }
});
