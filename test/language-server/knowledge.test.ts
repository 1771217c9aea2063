/**
 * The server's knowledge tables against the assembler's: every mnemonic, directive, macro and
 * relocation operator is described, and what is derived from the instruction table (encodings,
 * expansions, operand ranges, micro-op samples) comes out as the manual has it.
 */
import * as assert from 'assert';
import { DIRECTIVES } from '../../emulator/asm/directives';
import { RELOC_OPS } from '../../emulator/asm/expr';
import { FORMS } from '../../emulator/asm/forms';
import { INSN_MACROS } from '../../emulator/asm/insn-macros';
import { INSTRUCTIONS, COMPILED } from '../../emulator/isa/table';
import { CSR_FIELDS, csrDescription } from '../../emulator/isa/csr-docs';
import { CSR, csrNumber } from '../../emulator/isa/csr-names';
import { describeMnemonic } from '../../emulator/isa/descriptions';
import { MNEMONICS, mnemonicInfo } from '../../language-server/knowledge/mnemonics';
import { MACRO_SAMPLES, MACRO_SYNTAX } from '../../language-server/knowledge/macro-syntax';
import { PREPROCESSOR_DIRECTIVES, directiveDoc } from '../../language-server/knowledge/directives';
import { RELOCATION_DOCS } from '../../language-server/knowledge/relocations';
import { encodingOf } from '../../language-server/knowledge/encoding';
import { expansionOf } from '../../language-server/knowledge/expansion';
import { operandDoc } from '../../language-server/knowledge/operands';
import { microOps } from '../../language-server/knowledge/micro-ops';

const spelling = (mnemonic: string, syntax: string) => {
  const s = mnemonicInfo(mnemonic)?.spellings.find((x) => x.syntax === syntax);
  if (s === undefined) throw new Error(`no spelling ${mnemonic} ${syntax}`);
  return s;
};
const entry = (name: string) => COMPILED.find((c) => c.spec.name === name)!;
const layout = (name: string) => encodingOf(entry(name)).segments.map((s) => `${s.hi}:${s.lo}=${s.text}`).join(' ');

describe('language server knowledge', () => {
  describe('coverage', () => {
    it('describes every table entry, spelling and macro in one line', () => {
      const names = new Set([...INSTRUCTIONS.map((i) => i.name), ...FORMS.keys(), ...Object.keys(INSN_MACROS)]);
      for (const name of names) {
        const d = describeMnemonic(name);
        assert.ok(d !== undefined && d.length > 10 && !d.includes('\n'), name);
      }
      assert.strictEqual(MNEMONICS.size, names.size);
    });

    it('has the syntax and a sample of exactly the assembler\'s macros', () => {
      assert.deepStrictEqual(Object.keys(MACRO_SYNTAX).sort(), Object.keys(INSN_MACROS).sort());
      const keys = Object.entries(MACRO_SYNTAX).flatMap(([m, list]) => list.map((s) => (s === '' ? m : `${m} ${s}`)));
      assert.deepStrictEqual(keys.sort(), Object.keys(MACRO_SAMPLES).sort());
    });

    it('documents every directive', () => {
      for (const name of [...Object.keys(DIRECTIVES), ...PREPROCESSOR_DIRECTIVES]) assert.ok(directiveDoc(name) !== undefined, name);
    });

    it('documents exactly the relocation operators the assembler takes', () => {
      assert.deepStrictEqual(Object.keys(RELOCATION_DOCS).sort(), [...RELOC_OPS].sort());
    });

    it('has a micro-op sample for every spelling', () => {
      for (const m of MNEMONICS.values()) {
        for (const s of m.spellings) {
          const sample = microOps(s);
          assert.ok(sample !== undefined && sample.listing.startsWith(' ---- 80000000'), `${m.name} ${s.syntax}`);
        }
      }
    });

    it('describes every CSR the hart implements, with fields that fit in 32 bits and do not overlap', () => {
      for (const name of Object.keys(CSR)) assert.ok(csrDescription(name) !== undefined, name);
      for (const [name, fields] of Object.entries(CSR_FIELDS)) {
        assert.ok(csrNumber(name) !== undefined, name);
        let used = 0;
        for (const f of fields) {
          const [hi, lo = hi] = f.bits.split(':').map(Number);
          assert.ok(hi >= lo && hi < 32, `${name}.${f.name}`);
          const mask = (hi === 31 && lo === 0) ? -1 : (((2 ** (hi - lo + 1)) - 1) * 2 ** lo) | 0;
          assert.strictEqual(used & mask, 0, `${name}.${f.name} overlaps`);
          used |= mask;
        }
      }
    });
  });

  describe('encodings', () => {
    it('draws each format as the manual does', () => {
      assert.strictEqual(layout('add'), '31:25=0000000 24:20=rs2 19:15=rs1 14:12=000 11:7=rd 6:0=0110011');
      assert.strictEqual(layout('sw'), '31:25=imm[11:5] 24:20=rs2 19:15=rs1 14:12=010 11:7=imm[4:0] 6:0=0100011');
      assert.strictEqual(layout('beq'), '31:25=imm[12|10:5] 24:20=rs2 19:15=rs1 14:12=000 11:7=imm[4:1|11] 6:0=1100011');
      assert.strictEqual(layout('jal'), '31:12=imm[20|10:1|11|19:12] 11:7=rd 6:0=1101111');
      assert.strictEqual(layout('lui'), '31:12=imm[31:12] 11:7=rd 6:0=0110111');
      assert.strictEqual(layout('c.addi16sp'), '15:13=011 12:12=imm[9] 11:7=00010 6:2=imm[4|6|8:7|5] 1:0=01');
      assert.strictEqual(layout('c.sub'), '15:13=100 12:12=0 11:10=11 9:7=rd\'/rs1\' 6:5=00 4:2=rs2\' 1:0=01');
    });

    it('names the formats', () => {
      const formats = Object.fromEntries(['add', 'addi', 'sw', 'beq', 'lui', 'jal', 'slli', 'csrrw', 'amoadd.w', 'fence', 'ecall',
        'c.addi4spn', 'c.lw', 'c.sw', 'c.addi', 'c.andi', 'c.srli', 'c.slli', 'c.sub', 'c.j', 'c.beqz', 'c.lwsp', 'c.swsp', 'c.mv', 'c.ebreak']
        .map((n) => [n, encodingOf(entry(n)).format]));
      assert.deepStrictEqual(formats, {
        add: 'R', addi: 'I', sw: 'S', beq: 'B', lui: 'U', jal: 'J', slli: 'I', csrrw: 'I', 'amoadd.w': 'R', fence: 'I', ecall: 'fixed (no operands)',
        'c.addi4spn': 'CIW', 'c.lw': 'CL', 'c.sw': 'CS', 'c.addi': 'CI', 'c.andi': 'CB', 'c.srli': 'CB', 'c.slli': 'CI', 'c.sub': 'CA',
        'c.j': 'CJ', 'c.beqz': 'CB', 'c.lwsp': 'CI', 'c.swsp': 'CSS', 'c.mv': 'CR', 'c.ebreak': 'CR',
      });
    });
  });

  describe('expansions and operands', () => {
    it('says what pseudo-instructions and compressed forms stand for', () => {
      assert.strictEqual(expansionOf(spelling('mv', 'rd,rs1')), 'addi rd, rs1, 0');
      assert.strictEqual(expansionOf(spelling('ret', '')), 'jalr zero, 0(ra)');
      assert.strictEqual(expansionOf(spelling('bgt', 'rs1,rs2,target')), 'blt rs2, rs1, target');
      assert.strictEqual(expansionOf(spelling('csrr', 'rd,csr')), 'csrrs rd, csr, zero');
      assert.strictEqual(expansionOf(spelling('rdtime', 'rd')), 'csrrs rd, time, zero');
      assert.strictEqual(expansionOf(spelling('c.addi', 'rd,imm')), 'addi rd, rd, imm');
      assert.strictEqual(expansionOf(spelling('c.swsp', 'rs2,imm(rs1)')), 'sw rs2, imm(sp)');
      assert.strictEqual(expansionOf(spelling('fence', '')), 'fence iorw, iorw');
      assert.strictEqual(expansionOf(spelling('addi', 'rd,rs1,imm')), undefined);
      assert.strictEqual(expansionOf(spelling('amoswap.w.aq', 'rd,rs2,(rs1)')), undefined);
    });

    it('gives each operand its range from the encoding', () => {
      assert.strictEqual(operandDoc(spelling('addi', 'rd,rs1,imm'), 2), 'imm: immediate, -2048..2047');
      assert.strictEqual(operandDoc(spelling('slli', 'rd,rs1,shamt'), 2), 'shamt: shift amount, 0..31');
      assert.strictEqual(operandDoc(spelling('beq', 'rs1,rs2,target'), 2), 'target: branch or jump target: a label, -4096..4094 bytes from this instruction, a multiple of 2');
      assert.strictEqual(operandDoc(spelling('lui', 'rd,uimm20'), 1), 'uimm20: upper immediate (bits 31:12 of the value), 0x0..0xfffff');
      assert.strictEqual(operandDoc(spelling('c.lw', 'rd,imm(rs1)'), 0), 'rd: destination register (one of s0, s1, a0-a5: x8-x15)');
      assert.strictEqual(operandDoc(spelling('c.lw', 'rd,imm(rs1)'), 1), 'imm: offset, 0..124, a multiple of 4; rs1: base register (one of s0, s1, a0-a5: x8-x15)');
      assert.strictEqual(operandDoc(spelling('c.addi16sp', 'rd,imm'), 1), 'imm: immediate, -512..496, a multiple of 16, not zero');
      assert.strictEqual(operandDoc(spelling('li', 'rd,imm'), 1), 'imm: immediate, any 32-bit value');
    });

    it('translates a sample of macros as the assembler expands them', () => {
      const call = microOps(spelling('call', 'symbol'))!;
      assert.deepStrictEqual(call.assembled, ['auipc ra,0x0', 'jalr ra,8(ra)']);
      assert.match(call.listing, / ---- 80000004\n add_i32 pc,x1\/ra,\$0x8/);
    });
  });
});
