/** The instruction table's own consistency: patterns, fields, overlaps and coverage. */
import * as assert from 'assert';
import { FIELDS } from '../../emulator/isa/fields';
import { COMPILED, INSTRUCTIONS, SLOTS } from '../../emulator/isa/table';
import { BASE_MNEMONICS } from '../../emulator/isa/types';
import { parseForm } from '../../emulator/isa/disassembler';

const RV32C_FORMS = [
  'c.addi4spn', 'c.lw', 'c.sw', 'c.nop', 'c.addi', 'c.jal', 'c.li', 'c.addi16sp', 'c.lui', 'c.srli', 'c.srai',
  'c.andi', 'c.sub', 'c.xor', 'c.or', 'c.and', 'c.j', 'c.beqz', 'c.bnez', 'c.slli', 'c.lwsp', 'c.jr', 'c.mv',
  'c.ebreak', 'c.jalr', 'c.add', 'c.swsp',
];

describe('isa: instruction table', () => {
  it('has unique names', () => {
    const names = INSTRUCTIONS.map((e) => e.name);
    assert.deepStrictEqual(names.filter((n, i) => names.indexOf(n) !== i), []);
  });

  it('has a line for every base mnemonic, named after it', () => {
    const missing = BASE_MNEMONICS.filter((m) => !INSTRUCTIONS.some((e) => e.name === m && e.base === m));
    assert.deepStrictEqual(missing, []);
  });

  it('has every RV32C form, each expanding to a base instruction', () => {
    for (const name of RV32C_FORMS) {
      const e = INSTRUCTIONS.find((x) => x.name === name);
      assert.ok(e !== undefined, `${name} missing`);
      assert.strictEqual(e.ext, 'C');
      assert.ok((BASE_MNEMONICS as readonly string[]).includes(e.base));
    }
    assert.strictEqual(INSTRUCTIONS.filter((e) => e.ext === 'C').length, RV32C_FORMS.length);
  });

  it('compressed patterns are 16 bits with a compressed quadrant; others 32 bits with low bits 11', () => {
    for (const c of COMPILED) {
      const quadrant = c.match & 3;
      if (c.spec.ext === 'C') {
        assert.strictEqual(c.len, 2, c.spec.name);
        assert.notStrictEqual(quadrant, 3, c.spec.name);
      } else {
        assert.strictEqual(c.len, 4, c.spec.name);
        assert.strictEqual(quadrant, 3, c.spec.name);
      }
    }
  });

  it('reads operand fields only from free (.) pattern bits', () => {
    for (const c of COMPILED) {
      for (const slot of SLOTS) {
        const source = c.spec.operands[slot];
        if (typeof source !== 'string') continue;
        const overlap = FIELDS[source].mask & c.mask;
        assert.strictEqual(overlap, 0, `${c.spec.name}.${slot} (${source}) overlaps fixed bits 0x${(overlap >>> 0).toString(16)}`);
      }
    }
  });

  it('gives every free bit to some operand', () => {
    for (const c of COMPILED) {
      const full = c.len === 4 ? 0xffffffff : 0xffff;
      let used = c.mask;
      for (const slot of SLOTS) {
        const source = c.spec.operands[slot];
        if (typeof source === 'string') used |= FIELDS[source].mask;
      }
      assert.strictEqual((used & full) >>> 0, full >>> 0, `${c.spec.name} ignores bits 0x${((~used & full) >>> 0).toString(16)}`);
    }
  });

  it('never has two equally specific patterns that overlap (the more specific one must win)', () => {
    const clashes: string[] = [];
    for (let i = 0; i < COMPILED.length; i++) {
      for (let j = i + 1; j < COMPILED.length; j++) {
        const a = COMPILED[i];
        const b = COMPILED[j];
        if (a.len !== b.len) continue;
        const overlap = ((a.match ^ b.match) & a.mask & b.mask) === 0;
        if (overlap && a.fixedBits === b.fixedBits) clashes.push(`${a.spec.name} / ${b.spec.name}`);
        // A more specific pattern must be a refinement (a subset) of the one it overrides.
        if (overlap && a.fixedBits !== b.fixedBits) {
          const [wide, narrow] = a.fixedBits < b.fixedBits ? [a, b] : [b, a];
          if ((wide.mask & ~narrow.mask) !== 0) clashes.push(`${a.spec.name} / ${b.spec.name} partially overlap`);
        }
      }
    }
    assert.deepStrictEqual(clashes, []);
  });

  it('has parseable operand syntax whose registers the entry has', () => {
    for (const e of INSTRUCTIONS) {
      const form = parseForm(e.name, e.syntax);
      for (const t of form.tokens) {
        if (t.kind === 'reg') assert.ok(e.operands[t.slot] !== undefined, `${e.name} prints ${t.slot} it does not have`);
      }
    }
  });
});
