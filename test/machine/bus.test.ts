import * as assert from 'assert';
import { SystemBus, type SizedDevice } from '../../emulator/machine/bus';
import type { DeviceState } from '../../emulator/machine/bus-api';

const RAM = 0x80000000;

/** A device that records accesses and answers with offset + size. */
class Probe implements SizedDevice {
  readonly name = 'probe';
  log: string[] = [];
  constructor(readonly base: number, readonly size: number, readonly minAccess: 1 | 2 | 4 = 1) {}
  read(offset: number, size: number): number { this.log.push(`r${size}@${offset}`); return 0xabcd0000 + offset; }
  write(offset: number, size: number, value: number): void { this.log.push(`w${size}@${offset}=${value.toString(16)}`); }
  describe(): DeviceState { return { name: this.name, base: this.base, size: this.size, registers: [] }; }
  reset(): void {}
}

function bus(): SystemBus {
  return new SystemBus({ ramBase: RAM, ramSize: 64 * 1024 });
}

describe('machine/bus', () => {
  it('reads back RAM writes of every size, zero-extended, aligned or not', () => {
    const b = bus();
    b.write(RAM, 4, 0xdeadbeef);
    assert.strictEqual(b.read(RAM, 4), 0xdeadbeef);
    assert.strictEqual(b.read(RAM, 2), 0xbeef);
    assert.strictEqual(b.read(RAM + 3, 1), 0xde);
    b.write(RAM + 5, 4, -1);
    assert.strictEqual(b.read(RAM + 5, 4), 0xffffffff);
    assert.strictEqual(b.read(RAM + 4, 4), 0xffffff00);
    b.write(RAM + 9, 2, 0x1234);
    assert.strictEqual(b.read(RAM + 9, 2), 0x1234);
    assert.strictEqual(b.ram32[0], 0xdeadbeef | 0);
    assert.strictEqual(b.ramView.getUint8(9), 0x34);
    assert.strictEqual(b.fault, false);
  });

  it('sets fault for unmapped addresses, including accesses running off the end of RAM', () => {
    const b = bus();
    assert.strictEqual(b.read(0, 4), 0);
    assert.strictEqual(b.fault, true);
    b.fault = false;
    b.write(RAM - 4, 4, 1);
    assert.strictEqual(b.fault, true);
    b.fault = false;
    b.read(RAM + 64 * 1024 - 2, 4);
    assert.strictEqual(b.fault, true);
  });

  it('leaves fault set by an earlier access alone when an access succeeds', () => {
    const b = bus();
    b.read(0x10, 1);
    b.read(RAM, 1);
    assert.strictEqual(b.fault, true);
  });

  it('serves ROM, ignores stores to it without a fault, and fetches from RAM and ROM only', () => {
    const b = bus();
    const bytes = new Uint8Array(0x100);
    bytes.set([0x97, 0x02, 0x00, 0x00]);
    b.addRom({ name: 'mrom', base: 0x1000, bytes });
    assert.strictEqual(b.read(0x1000, 4), 0x297);
    b.write(0x1000, 4, 0);
    assert.strictEqual(b.fault, false);
    assert.strictEqual(b.read(0x1000, 4), 0x297);
    assert.strictEqual(b.isExecutable(0x1000), true);
    assert.strictEqual(b.isExecutable(0x10fe), true);
    assert.strictEqual(b.isExecutable(0x10ff), false);
    assert.strictEqual(b.isExecutable(RAM + 0x100), true);
    assert.strictEqual(b.isExecutable(0x10000000), false);
  });

  it('routes device accesses by offset and faults outside the device or below its access size', () => {
    const b = bus();
    const d = new Probe(0x10000000, 8);
    const w = new Probe(0x2000000, 0x100, 4);
    b.addDevice(d);
    b.addDevice(w);
    assert.strictEqual(b.read(0x10000005, 1), 0xabcd0005);
    b.write(0x10000003, 1, 0x1ff);
    assert.deepStrictEqual(d.log, ['r1@5', 'w1@3=ff']);
    b.read(0x10000008, 1);
    assert.strictEqual(b.fault, true, 'past the device');
    b.fault = false;
    b.read(0x10000006, 4);
    assert.strictEqual(b.fault, true, 'straddling the end');
    b.fault = false;
    b.read(0x2000000, 1);
    assert.strictEqual(b.fault, true, 'byte access to a word-only device');
    b.fault = false;
    b.write(0x2000004, 4, -1);
    assert.strictEqual(b.fault, false);
    assert.deepStrictEqual(w.log, ['w4@4=ffffffff']);
    assert.deepStrictEqual(b.devices.map((x) => x.base), [0x2000000, 0x10000000]);
  });

  it('calls onCodeWrite for stores into pages holding translated code, after storing', () => {
    const b = bus();
    const seen: [number, number][] = [];
    b.onCodeWrite = (pa) => seen.push([pa, b.read(pa & ~3, 4)]);
    b.codePages[1] = 1;
    b.write(RAM + 0x10, 4, 5);
    b.write(RAM + 0x1010, 4, 7);
    b.write(RAM + 0xffe, 4, 0x11223344); // spills into page 1
    assert.deepStrictEqual(seen, [[RAM + 0x1010, 7], [RAM + 0x1000, 0x1122]]);
  });

  it('loadBytes copies into RAM and reports code pages it covers', () => {
    const b = bus();
    const seen: number[] = [];
    b.onCodeWrite = (pa) => seen.push(pa);
    b.codePages[2] = 1;
    b.loadBytes(RAM + 0x1ff0, new Uint8Array(0x20).fill(9));
    assert.strictEqual(b.read(RAM + 0x2008, 1), 9);
    assert.deepStrictEqual(seen, [RAM + 0x2000]);
    assert.throws(() => b.loadBytes(RAM + 0xfff0, new Uint8Array(0x20)), /outside RAM/);
  });

  it('lets a device overlay part of RAM, marking ioPages, until removed', () => {
    const b = bus();
    const h = new Probe(RAM + 0x1000, 16);
    b.write(RAM + 0x1000, 4, 0x55);
    b.addDevice(h);
    assert.strictEqual(b.ioPages[1], 1);
    assert.strictEqual(b.ioPages[0], 0);
    assert.strictEqual(b.read(RAM + 0x1000, 4), 0xabcd0000);
    assert.strictEqual(b.read(RAM + 0x1010, 4), 0, 'the rest of the page is still RAM');
    b.write(RAM + 0x1014, 4, 3);
    assert.strictEqual(b.ram32[0x1014 >>> 2], 3);
    b.removeDevice(h);
    assert.strictEqual(b.ioPages[1], 0);
    assert.strictEqual(b.read(RAM + 0x1000, 4), 0x55);
  });

  it('rejects RAM sizes that are not whole pages or do not fit below 4 GiB', () => {
    assert.throws(() => new SystemBus({ ramBase: RAM, ramSize: 1000 }), /multiple of 4 KiB/);
    assert.throws(() => new SystemBus({ ramBase: 0xfffff000, ramSize: 0x2000 }), /below 4 GiB/);
  });
});
