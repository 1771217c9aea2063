import * as assert from 'assert';
import { Htif } from '../../emulator/devices/htif';

const TOHOST = 0x80001000;
const FROMHOST = 0x80001040;

function htif(fromhost: number | undefined = FROMHOST) {
  const out: number[] = [];
  const exits: number[] = [];
  const h = new Htif({ tohost: TOHOST, fromhost, console: { write: (b) => out.push(...b) }, exit: (c) => exits.push(c) });
  const store64 = (hi: number, lo: number) => {
    h.write(TOHOST - h.base, 4, lo);
    h.write(TOHOST - h.base + 4, 4, hi);
  };
  return { h, out, exits, store64 };
}

describe('devices/htif', () => {
  it('spans tohost to fromhost + 8, like QEMU\'s mapping', () => {
    const { h } = htif();
    assert.strictEqual(h.base, TOHOST);
    assert.strictEqual(h.size, 0x48);
    const alone = new Htif({ tohost: TOHOST, console: { write: () => {} }, exit: () => {} });
    assert.strictEqual(alone.size, 16);
  });

  it('exits with payload >> 1 when device 0 command 0 has bit 0 set (riscv-tests)', () => {
    const { exits, store64 } = htif();
    store64(0, 1);
    store64(0, (5 << 1) | 1);
    assert.deepStrictEqual(exits, [0, 5]);
  });

  it('acts on the high-word write, after the low word', () => {
    const { h, exits } = htif();
    h.write(0, 4, 1);
    assert.deepStrictEqual(exits, []);
    h.write(4, 4, 0);
    assert.deepStrictEqual(exits, [0]);
    h.write(4, 4, 0);
    assert.deepStrictEqual(exits, [0], 'a high word alone does nothing');
  });

  it('prints with device 1 command 1 and answers in fromhost, clearing tohost', () => {
    const { h, out, store64 } = htif();
    store64(0x01010000, 0x41);
    assert.deepStrictEqual(out, [0x41]);
    assert.strictEqual(h.read(0, 4), 0);
    assert.strictEqual(h.read(4, 4), 0);
    assert.strictEqual(h.read(0x40, 4), 0x141);
    assert.strictEqual(h.read(0x44, 4), 0x01010000);
    assert.strictEqual(h.read(0x20, 4), 0, 'between the words');
  });

  it('ignores a low-word write while a command is still in tohost', () => {
    const { h, exits } = htif();
    h.write(0, 4, 0x10); // not a command that completes: stays armed until the high word
    h.write(0, 4, 1);    // tohost was not empty: disarms
    h.write(4, 4, 0);
    assert.deepStrictEqual(exits, []);
  });
});
