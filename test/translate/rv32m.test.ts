import * as assert from 'assert';
import { BaseMnemonic } from '../../emulator/isa/types';
import { dec, translateOne, FakeHart, run } from './fixtures';

function exec(m: BaseMnemonic, a: number, b: number): number {
  const h = new FakeHart();
  h.x[11] = a;
  h.x[12] = b;
  run(translateOne(dec(m, { rd: 10, rs1: 11, rs2: 12 })).block, h);
  return h.x[10];
}

describe('translate/rv32m', () => {
  it('emits a single op per instruction', () => {
    const ops: Record<string, string> = {
      mul: 'mul_i32', mulh: 'mulsh_i32', mulhsu: 'mulsuh_i32', mulhu: 'muluh_i32',
      div: 'div_i32', divu: 'divu_i32', rem: 'rem_i32', remu: 'remu_i32',
    };
    for (const [m, op] of Object.entries(ops)) {
      assert.deepStrictEqual(translateOne(dec(m as BaseMnemonic, { rd: 10, rs1: 11, rs2: 12 })).lines, [`${op} x10/a0,x11/a1,x12/a2`]);
    }
  });
  it('follows the spec for division by zero and overflow', () => {
    assert.strictEqual(exec('div', 7, 0), -1);
    assert.strictEqual(exec('divu', 7, 0), -1);
    assert.strictEqual(exec('rem', 7, 0), 7);
    assert.strictEqual(exec('remu', 7, 0), 7);
    assert.strictEqual(exec('div', -0x80000000, -1), -0x80000000);
    assert.strictEqual(exec('rem', -0x80000000, -1), 0);
  });
  it('gets the high halves right for each signedness', () => {
    assert.strictEqual(exec('mulh', -1, -1), 0);
    assert.strictEqual(exec('mulhu', -1, -1), -2);
    assert.strictEqual(exec('mulhsu', -1, -1), -1);
    assert.strictEqual(exec('mul', 0x10000, 0x10000), 0);
  });
  it('emits nothing for rd = x0', () => {
    assert.deepStrictEqual(translateOne(dec('div', { rd: 0, rs1: 1, rs2: 2 })).lines, []);
  });
});
