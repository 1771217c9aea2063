/**
 * Live differential tests against GNU as + ld (binutils required; skipped with a message otherwise,
 * failing under CI): every spelling with many operand values, line by line; then random programs
 * mixing everything; then random branch layouts that stress GNU's choice of branch sizes.
 */
import * as assert from 'assert';
import { assemble } from '../../emulator/asm/assemble';
import { FORMS } from '../../emulator/asm/forms';
import { OperandKind } from '../../emulator/asm/forms';
import { gnuBuild } from './support/gnu';
import { comparedSections, firstDifference } from './support/sections';
import { haveBinutils, requireTool } from './support/tools';

function random(seed: number): { next: () => number; pick: <T>(a: readonly T[]) => T } {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
  return { next, pick: (a) => a[Math.floor(next() * a.length)] };
}

const REGS = ['zero', 'ra', 'sp', 'gp', 's0', 's1', 'a0', 'a5', 'a6', 't6'];
const IMMS = [0, 1, -1, 4, 8, 16, 31, 32, -32, -33, 64, 124, 128, 252, 256, 496, 512, -512, 1020, 1024, 2047, -2048, -16, 48];
const VALUES: Readonly<Record<OperandKind, readonly string[]>> = {
  reg: REGS, imm: IMMS.map(String), shamt: ['0', '1', '31'], uimm20: ['0', '1', '0x1f', '0x20', '0xfffff', '0xfffe0', '0x12345'],
  target: ['.'], csr: ['mstatus', '0x7'], pred: ['rw', 'iorw'], succ: ['w'],
  mem: IMMS.flatMap((i) => ['sp', 's0', 'a0', 'zero', 'a6'].map((r) => `${i}(${r})`)), amo: ['(a0)', '(sp)'],
};

/** A marker word between lines, so each line's bytes can be told apart in both outputs. */
const MARK = '.4byte 0x5a5aa5a5';

function chunks(bytes: Buffer): string[] {
  const out: string[] = [];
  let cur: number[] = [];
  for (let i = 0; i < bytes.length;) {
    if (i + 4 <= bytes.length && bytes.readUInt32LE(i) === 0x5a5aa5a5) {
      out.push(Buffer.from(cur).toString('hex'));
      cur = [];
      i += 4;
    } else {
      cur.push(bytes[i++]);
    }
  }
  return out;
}

function combos(kinds: readonly OperandKind[], limit: number): string[][] {
  let out: string[][] = [[]];
  for (const k of kinds) {
    out = out.flatMap((c) => VALUES[k].map((v) => [...c, v]));
    if (out.length > limit) out = out.filter((_, i) => i % Math.ceil(out.length / limit) === 0);
  }
  return out;
}

const text = (elf: Uint8Array) => comparedSections(elf).find((s) => s.name === '.text')?.bytes ?? Buffer.alloc(0);

/** GNU's output for the lines it accepts (dropping the ones it rejects). */
function gnuLines(lines: string[]): { kept: string[]; elf: Buffer } {
  let kept = lines;
  for (let attempt = 0; attempt < 5; attempt++) {
    const g = gnuBuild('spelling.S', kept.map((l) => `${l}\n${MARK}`).join('\n') + '\n');
    if ('elf' in g) return { kept, elf: g.elf };
    const rejected = new Set([...g.error.matchAll(/spelling\.S:(\d+): Error/g)].map((m) => (Number(m[1]) - 1) / 2));
    if (rejected.size === 0) throw new Error(g.error);
    kept = kept.filter((_, i) => !rejected.has(i));
  }
  throw new Error('GNU as keeps rejecting lines');
}

describe('asm: differential against GNU as + ld (live)', function () {
  this.timeout(300000);

  it('encodes and compresses every spelling as GNU as does', function () {
    requireTool(this, haveBinutils(), 'riscv64-unknown-elf binutils');
    const mismatches: string[] = [];
    for (const [mnemonic, forms] of FORMS) {
      for (const form of forms) {
        const lines = combos(form.operands.map((o) => o.kind), 3000).map((c) => `${mnemonic} ${c.join(', ')}`);
        const { kept, elf } = gnuLines(lines);
        const theirs = chunks(text(elf));
        const r = assemble([{ path: 'spelling.S', text: kept.map((l) => `${l}\n${MARK}`).join('\n') + '\n' }]);
        if (r.elf === undefined) {
          mismatches.push(`${mnemonic} ${form.syntax}: ${r.diagnostics[0].message}`);
          continue;
        }
        const ours = chunks(text(r.elf));
        kept.forEach((line, i) => {
          if (ours[i] !== theirs[i]) mismatches.push(`${line}: ours ${ours[i]}, GNU ${theirs[i]}`);
        });
      }
    }
    assert.deepStrictEqual(mismatches.slice(0, 20), []);
  });

  it('matches GNU on random programs', function () {
    requireTool(this, haveBinutils(), 'riscv64-unknown-elf binutils');
    const rnd = random(2024);
    const forms = [...FORMS.values()].flat();
    const LI = ['0', '31', '-33', '2048', '0x1001', '0x7ffff800', '0x80000000', '0xffffffff', '0x12345678', "'a'", 'K'];
    const operand = (k: OperandKind): string => (k === 'target' ? rnd.pick(['L1', 'L2', 'far', '.', '.+4']) : rnd.pick(VALUES[k]));
    for (let n = 0; n < 25; n++) {
      const lines = ['.equ K, 100', 'L1:'];
      for (let i = 0; i < 60; i++) {
        const r = rnd.next();
        if (r < 0.05) lines.push(rnd.pick(['.option rvc', '.option norvc', '.p2align 2', '.balign 8', '.byte 1', 'L2:']));
        else if (r < 0.15) lines.push(`li ${rnd.pick(REGS)}, ${rnd.pick(LI)}`);
        else if (r < 0.2) lines.push(rnd.pick(['la a0, d1', 'lla a1, far', 'call far', 'tail L1', 'lw a2, d1', 'sw a3, d1, t0', 'unimp']));
        else {
          const f = rnd.pick(forms);
          lines.push(`${f.mnemonic} ${f.operands.map((o) => operand(o.kind)).join(', ')}`);
        }
      }
      if (!lines.includes('L2:')) lines.push('L2:');
      lines.push('.data', 'd1: .word 1', '.section .text.far, "ax"', 'far: ret');
      let kept = lines;
      let g = gnuBuild('random.S', kept.join('\n') + '\n');
      for (let attempt = 0; attempt < 5 && 'error' in g; attempt++) {
        const rejected = new Set([...g.error.matchAll(/random\.S:(\d+): Error/g)].map((m) => Number(m[1]) - 1));
        if (rejected.size === 0) break;
        kept = kept.filter((_, i) => !rejected.has(i));
        g = gnuBuild('random.S', kept.join('\n') + '\n');
      }
      if ('error' in g) continue;
      const source = kept.join('\n') + '\n';
      const r = assemble([{ path: 'random.S', text: source }]);
      assert.ok(r.elf !== undefined, `ours rejected a program GNU accepts: ${r.diagnostics[0]?.message}\n${source}`);
      const diff = firstDifference(comparedSections(r.elf), comparedSections(g.elf));
      assert.strictEqual(diff, undefined, `${diff}\n${source}`);
    }
  });

  it('chooses branch sizes as GNU does near every reach limit', function () {
    requireTool(this, haveBinutils(), 'riscv64-unknown-elf binutils');
    const rnd = random(99);
    const BRANCHES = ['beqz s0, X', 'bnez a5, X', 'j X', 'beq a6, a7, X', 'bnez a6, X', 'c.beqz s1, X', 'c.j X', 'jal X',
      'blt a0, a1, X', 'beq s1, zero, X', 'c.jal X'];
    const TARGETS = ['L0', 'L1', 'L2', 'L3', 'G', 'F'];
    let compared = 0;
    for (let n = 0; n < 150; n++) {
      const scale = rnd.pick([20, 60, 130, 1000, 2000]);
      const lines: string[] = [];
      for (let i = 0; i < 40; i++) {
        const r = rnd.next();
        if (r < 0.1) {
          const label = `${rnd.pick(TARGETS.slice(0, 4))}:`;
          if (!lines.includes(label)) lines.push(label);
        } else if (r < 0.45) {
          lines.push(rnd.pick(BRANCHES).replace('X', rnd.pick(TARGETS)));
        } else if (r < 0.55) {
          lines.push(rnd.pick(['.p2align 2', '.p2align 3', '.balign 16', '.align 2,,2', '.option norvc', '.option rvc']));
        } else {
          lines.push(`.fill ${Math.floor(rnd.next() * scale)}, 2, 0x0001`);
        }
      }
      for (const l of TARGETS.slice(0, 4)) if (!lines.includes(`${l}:`)) lines.push(`${l}:`);
      lines.push('.option rvc', '.globl G', 'G: nop', '.section .text.f, "ax"', 'F: nop');
      const source = lines.join('\n') + '\n';
      const g = gnuBuild('branches.S', source);
      const r = assemble([{ path: 'branches.S', text: source }]);
      if ('error' in g) continue;
      compared++;
      assert.ok(r.elf !== undefined, `ours rejected a program GNU accepts: ${r.diagnostics[0]?.message}\n${source}`);
      const diff = firstDifference(comparedSections(r.elf), comparedSections(g.elf));
      assert.strictEqual(diff, undefined, `${diff}\n${source}`);
    }
    assert.ok(compared > 50, `only ${compared} programs were accepted by GNU`);
  });
});
