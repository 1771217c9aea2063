import * as assert from 'assert';
import { SifiveTest } from '../../emulator/devices/sifive-test';

function finisher() {
  const events: string[] = [];
  const f = new SifiveTest(0x100000, { exit: (c) => events.push(`exit ${c}`), reset: () => events.push('reset') });
  return { f, events };
}

describe('devices/sifive-test', () => {
  it('passes with 0x5555, ignoring the upper half', () => {
    const { f, events } = finisher();
    f.write(0, 4, 0x00075555);
    assert.deepStrictEqual(events, ['exit 0']);
  });

  it('fails with the code in the upper half-word', () => {
    const { f, events } = finisher();
    f.write(0, 4, (3 << 16) | 0x3333);
    f.write(0, 4, 0xffff3333);
    assert.deepStrictEqual(events, ['exit 3', 'exit 65535']);
  });

  it('resets with 0x7777', () => {
    const { f, events } = finisher();
    f.write(0, 2, 0x7777);
    assert.deepStrictEqual(events, ['reset']);
  });

  it('ignores other values and other offsets, reads 0, and refuses byte accesses', () => {
    const { f, events } = finisher();
    f.write(0, 4, 0x1234);
    f.write(8, 4, 0x5555);
    assert.deepStrictEqual(events, []);
    assert.strictEqual(f.read(), 0);
    assert.strictEqual(f.minAccess, 2);
  });

  it('describes the last write', () => {
    const { f } = finisher();
    f.write(0, 4, (2 << 16) | 0x3333);
    assert.strictEqual(f.describe().registers[0].decoded, 'fail code 2');
  });
});
