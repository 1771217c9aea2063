/** The isa encoder (the assembler's addition to isa/): whatever it encodes, the decoder reads back. */
import * as assert from 'assert';
import { encodeField, encodeInsn, fieldRange } from '../../emulator/isa/encoder';
import { FIELDS, FieldName } from '../../emulator/isa/fields';
import { COMPILED, SLOTS, Slot } from '../../emulator/isa/table';
import { decode, matchEntry } from '../../emulator/isa/decoder';

describe('asm: isa encoder', () => {
  it('inverts every field over its whole range', () => {
    for (const name of Object.keys(FIELDS) as FieldName[]) {
      const r = fieldRange(name);
      const step = Math.max(r.align, Math.floor((r.max - r.min) / 997 / r.align) * r.align);
      for (let v = r.min; v <= r.max; v += step) {
        const bits = encodeField(name, v);
        assert.ok(bits !== undefined, `${name} ${v}`);
        const read = FIELDS[name].extract(bits);
        assert.strictEqual(read | 0, v | 0, `${name} ${v}`);
      }
      assert.strictEqual(encodeField(name, r.max + r.align), undefined, `${name} above its range`);
      assert.strictEqual(encodeField(name, r.min - r.align), undefined, `${name} below its range`);
      if (r.align > 1) assert.strictEqual(encodeField(name, r.min + 1), undefined, `${name} misaligned`);
    }
  });

  it('round-trips random operands through every table entry', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (const entry of COMPILED) {
      let encoded = 0;
      for (let k = 0; k < 200; k++) {
        // Decode a random word of this entry's pattern, then encode its slots again.
        const raw = ((rnd() * 4 + (rnd() & 3)) & ~entry.mask) | entry.match;
        const word = entry.len === 2 ? raw & 0xffff : raw >>> 0;
        if (matchEntry(word) !== entry) continue;
        const d = decode(word);
        if (d === null) continue;
        const values: Partial<Record<Slot, number>> = {};
        for (const s of SLOTS) values[s] = typeof d[s] === 'boolean' ? Number(d[s]) : (d[s] as number);
        const r = encodeInsn(entry, values);
        assert.ok('raw' in r, `${entry.spec.name} ${word.toString(16)}: ${JSON.stringify('problem' in r ? r.problem : '')}`);
        assert.strictEqual(r.raw, word, entry.spec.name);
        encoded++;
      }
      assert.ok(encoded > 0, `${entry.spec.name} was never exercised`);
    }
  });

  it('reports why an operand does not fit', () => {
    const addi = COMPILED.find((e) => e.spec.name === 'addi')!;
    assert.deepStrictEqual(encodeInsn(addi, { rd: 1, rs1: 1, imm: 4096 }), { problem: { kind: 'range', slot: 'imm', field: 'imm_i', value: 4096 } });
    const cAddi = COMPILED.find((e) => e.spec.name === 'c.addi')!;
    assert.deepStrictEqual(encodeInsn(cAddi, { rd: 10, rs1: 11, imm: 1 }), { problem: { kind: 'fixed', slot: 'rs1', value: 11 } });
    const c16sp = COMPILED.find((e) => e.spec.name === 'c.addi16sp')!;
    assert.deepStrictEqual(encodeInsn(c16sp, { rd: 2, rs1: 2, imm: 0 }), { problem: { kind: 'nonzero', slot: 'imm' } });
  });
});
