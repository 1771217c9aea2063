/**
 * Golden listings: for a few guest code sequences, the translated block's ops as `-d op` prints them.
 * A change in what the translator emits shows up as a readable diff of test/translate/golden/*.txt.
 * Regenerate with UPDATE_GOLDEN=1 after checking the change is intended.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { formatBlock } from '../../emulator/ir/printer';
import { translateBlock } from '../../emulator/translate/translator';
import { CodeEnv } from './fixtures';

// Compiled tests run from out/test/translate; the golden files live with the sources.
const GOLDEN_DIR = path.resolve(__dirname, '../../../test/translate/golden');

interface Case {
  readonly name: string;
  readonly base: number;
  /** Instructions, each with its assembly for the listing's header. */
  readonly code: readonly [number, string][];
  readonly maxInsns?: number;
  readonly semihosting?: boolean;
}

const CASES: readonly Case[] = [
  { name: 'alu-load-branch', base: 0x80000000, code: [
    [0x00558513, 'addi a0,a1,5'], [0x00852603, 'lw a2,8(a0)'], [0x00c50463, 'beq a0,a2,.+8']] },
  { name: 'compressed', base: 0x80000100, code: [
    [0x0505, 'c.addi a0,1'], [0x852e, 'c.mv a0,a1'], [0x4188, 'c.lw a0,0(a1)'], [0x8082, 'c.jr ra']] },
  { name: 'csr', base: 0x80000200, code: [
    [0xb0002573, 'csrr a0,mcycle'], [0x340516f3, 'csrrw a3,mscratch,a0']] },
  { name: 'jalr', base: 0x80000300, code: [[0x004680e7, 'jalr ra,4(a3)']] },
  { name: 'compressed-calls', base: 0x80000380, code: [
    [0x757d, 'c.lui a0,0xfffff'], [0x858d, 'c.srai a1,3'], [0x2021, 'c.jal .+8']] },
  { name: 'amo-store', base: 0x80000400, code: [
    [0x00b6252f, 'amoadd.w a0,a1,(a2)'], [0x00a62223, 'sw a0,4(a2)'], [0x010000ef, 'jal ra,.+16']] },
  { name: 'system', base: 0x80000500, code: [[0x0ff0000f, 'fence'], [0x10500073, 'wfi']] },
  { name: 'semihosting', base: 0x80000600, semihosting: true, code: [
    [0x01f01013, 'slli zero,zero,0x1f'], [0x00100073, 'ebreak'], [0x40705013, 'srai zero,zero,0x7']] },
  { name: 'page-end', base: 0x80000ff8, code: [
    [0x00558513, 'addi a0,a1,5'], [0x0001, 'c.nop'], [0x00558513, 'addi a0,a1,5 (would straddle)']] },
];

function render(c: Case): string {
  const env = new CodeEnv(c.base, c.code.map(([w]) => w), undefined, c.semihosting ?? false);
  const tb = translateBlock(env, c.base, c.maxInsns ?? 64);
  const asm = new Map<number, string>();
  let pc = c.base;
  for (const [w, text] of c.code) {
    asm.set(pc >>> 0, text);
    pc += (w & 3) === 3 ? 4 : 2;
  }
  const header = tb.insns.map((i) => {
    const bits = (i.raw >>> 0).toString(16).padStart(i.len * 2, '0');
    return `0x${(i.pc >>> 0).toString(16)}:  ${bits.padEnd(8)}  ${asm.get(i.pc >>> 0) ?? ''}`;
  });
  return `IN:\n${header.join('\n')}\n\nOP:\n${formatBlock(tb.ir)}`;
}

describe('translate: golden listings', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const file = path.join(GOLDEN_DIR, `${c.name}.txt`);
      const actual = render(c);
      if (process.env.UPDATE_GOLDEN) {
        fs.mkdirSync(GOLDEN_DIR, { recursive: true });
        fs.writeFileSync(file, actual);
      }
      assert.strictEqual(actual, fs.readFileSync(file, 'utf8'));
    });
  }
});
