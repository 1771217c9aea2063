import * as assert from 'assert';
import { Clint } from '../../emulator/devices/clint';
import { MachineClock } from '../../emulator/machine/clock';
import { Irq } from '../../emulator/cpu/hart-api';
import { FakeHart } from '../machine/fake-hart';

const MSIP = 0, CMP = 0x4000, CMPH = 0x4004, MTIME = 0xbff8, MTIMEH = 0xbffc;

function clint() {
  const hart = new FakeHart();
  const clock = new MachineClock(hart);
  const c = new Clint(0x2000000, hart, clock);
  c.reset();
  return { hart, clock, c };
}

describe('devices/clint', () => {
  it('asserts MTIP at power-on (mtimecmp 0 <= mtime 0), as QEMU', () => {
    const { hart } = clint();
    assert.strictEqual(hart.pending(Irq.MTIP), true);
  });

  it('derives mtime from retired instructions: floor(icount / 100)', () => {
    const { hart, c } = clint();
    hart.icount = 12345;
    assert.strictEqual(c.read(MTIME), 123);
    assert.strictEqual(c.read(MTIMEH), 0);
    hart.icount = 100 * 2 ** 32 + 700;
    assert.strictEqual(c.read(MTIME), 7);
    assert.strictEqual(c.read(MTIMEH), 1);
  });

  it('counts idle time (WFI) as time', () => {
    const { hart, clock, c } = clint();
    hart.icount = 50;
    clock.idle(1000);
    assert.strictEqual(c.mtime(), 10);
  });

  it('lowers MTIP when mtimecmp moves past mtime and raises it at the deadline', () => {
    const { hart, c } = clint();
    c.write(CMPH, 4, 0);
    c.write(CMP, 4, 50);
    assert.strictEqual(hart.pending(Irq.MTIP), false);
    assert.strictEqual(c.nextDeadline(), 5000);
    hart.icount = 4999;
    c.update();
    assert.strictEqual(hart.pending(Irq.MTIP), false);
    hart.icount = 5000;
    c.update();
    assert.strictEqual(hart.pending(Irq.MTIP), true);
    assert.strictEqual(c.nextDeadline(), Infinity, 'nothing more to wait for while it is up');
  });

  it('has no deadline for a compare value out of reach', () => {
    const { c } = clint();
    c.write(CMP, 4, 0xffffffff);
    c.write(CMPH, 4, 0xffffffff);
    assert.strictEqual(c.nextDeadline(), Infinity);
    assert.strictEqual(c.read(CMPH), 0xffffffff);
  });

  it('lets the guest set mtime (QEMU does), shifting deadlines', () => {
    const { hart, c } = clint();
    hart.icount = 1000; // mtime 10
    c.write(MTIMEH, 4, 5);
    assert.strictEqual(c.read(MTIMEH), 5);
    c.write(MTIME, 4, 0x100);
    assert.strictEqual(c.read(MTIME), 0x100);
    hart.icount = 1100;
    assert.strictEqual(c.read(MTIME), 0x101);
    c.write(CMPH, 4, 5);
    c.write(CMP, 4, 0x200);
    assert.strictEqual(c.nextDeadline(), (5 * 2 ** 32 + 0x200 - (5 * 2 ** 32 + 0x100 - 10)) * 100);
  });

  it('drives MSIP from bit 0 of msip', () => {
    const { hart, c } = clint();
    c.write(MSIP, 4, 0xffffffff);
    assert.strictEqual(c.read(MSIP), 1);
    assert.strictEqual(hart.pending(Irq.MSIP), true);
    c.write(MSIP, 4, 2);
    assert.strictEqual(c.read(MSIP), 0);
    assert.strictEqual(hart.pending(Irq.MSIP), false);
  });

  it('reads other harts\' registers as zero and ignores writes to them', () => {
    const { c } = clint();
    c.write(4, 4, 1);
    c.write(0x4008, 4, 7);
    assert.deepStrictEqual([c.read(4), c.read(0x4008), c.read(0x3ffc)], [0, 0, 0]);
  });

  it('answers word accesses only, over 0xc000 bytes', () => {
    const { c } = clint();
    assert.strictEqual(c.minAccess, 4);
    assert.strictEqual(c.size, 0xc000);
  });

  it('describes mtime and the time to the next interrupt', () => {
    const { hart, c } = clint();
    c.write(CMP, 4, 100);
    hart.icount = 2500;
    const d = c.describe();
    assert.strictEqual(d.details!.mtime, '25');
    assert.strictEqual(d.details!['timer fires in'], '75 ticks');
  });
});
