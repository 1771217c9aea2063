import * as assert from 'assert';
import { ABI_NAMES, regName, regNumber, regRole } from '../../emulator/isa/registers';

describe('isa: registers', () => {
  it('has the 32 ABI names objdump prints', () => {
    assert.deepStrictEqual(ABI_NAMES, [
      'zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
      'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6',
    ]);
    assert.strictEqual(regName(8), 's0');
  });

  it('maps ABI names, xN and fp to numbers', () => {
    assert.strictEqual(regNumber('a0'), 10);
    assert.strictEqual(regNumber('x31'), 31);
    assert.strictEqual(regNumber('fp'), 8);
    assert.strictEqual(regNumber('x32'), undefined);
  });

  it('describes every register', () => {
    for (let i = 0; i < 32; i++) assert.ok(regRole(i).length > 0);
    assert.match(regRole(2), /stack/i);
  });
});
