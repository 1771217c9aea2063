import * as assert from 'assert';
import { Plic } from '../../emulator/devices/plic';
import { Irq } from '../../emulator/cpu/hart-api';
import { FakeHart } from '../machine/fake-hart';

const PRIO = (s: number) => 4 * s;
const PENDING = 0x1000;
const ENABLE = (ctx: number, w = 0) => 0x2000 + 0x80 * ctx + 4 * w;
const THRESHOLD = (ctx: number) => 0x200000 + 0x1000 * ctx;
const CLAIM = (ctx: number) => THRESHOLD(ctx) + 4;

function plic() {
  const hart = new FakeHart();
  const p = new Plic(0xc000000, hart);
  p.reset();
  return { hart, p };
}

describe('devices/plic', () => {
  // Register shapes and claim behaviour checked on qemu-system-riscv32 7.2 with a probe guest.
  it('keeps 3-bit priorities for sources 1..96 only', () => {
    const { p } = plic();
    p.write(PRIO(1), 4, 0xffffffff);
    p.write(PRIO(0), 4, 5);
    p.write(PRIO(96), 4, 5);
    p.write(PRIO(97), 4, 5);
    assert.deepStrictEqual([p.read(PRIO(1)), p.read(PRIO(0)), p.read(PRIO(96)), p.read(PRIO(97))], [7, 0, 5, 0]);
  });

  it('has three enable words per context (bit 0 stored), thresholds of 3 bits, two contexts', () => {
    const { p } = plic();
    p.write(ENABLE(0, 0), 4, 0xffffffff);
    p.write(ENABLE(0, 2), 4, 0xffffffff);
    p.write(ENABLE(0, 3), 4, 0xffffffff);
    p.write(ENABLE(1, 0), 4, 0xffffffff);
    p.write(ENABLE(2, 0), 4, 0xffffffff);
    assert.deepStrictEqual(
      [p.read(ENABLE(0, 0)), p.read(ENABLE(0, 2)), p.read(ENABLE(0, 3)), p.read(ENABLE(1, 0)), p.read(ENABLE(2, 0))],
      [0xffffffff, 0xffffffff, 0, 0xffffffff, 0]);
    p.write(THRESHOLD(0), 4, 0xff);
    p.write(THRESHOLD(2), 4, 1);
    assert.deepStrictEqual([p.read(THRESHOLD(0)), p.read(THRESHOLD(2))], [7, 0]);
    assert.strictEqual(p.minAccess, 4);
    assert.strictEqual(p.size, 0x600000);
  });

  it('latches a raised line as pending; lowering the line does not clear it; writes to pending are ignored', () => {
    const { p } = plic();
    p.setLevel(10, true);
    p.setLevel(10, false);
    assert.strictEqual(p.read(PENDING), 1 << 10);
    p.write(PENDING, 4, 0xffffffff);
    assert.strictEqual(p.read(PENDING), 1 << 10);
  });

  it('drives MEIP for context 0 and SEIP for context 1 above their thresholds', () => {
    const { p, hart } = plic();
    p.write(PRIO(10), 4, 1);
    p.write(ENABLE(0), 4, 1 << 10);
    p.write(THRESHOLD(0), 4, 1);
    p.setLevel(10, true);
    assert.strictEqual(hart.pending(Irq.MEIP), false, 'priority must exceed the threshold');
    assert.strictEqual(p.read(CLAIM(0)), 0, 'and claims honour the threshold too');
    p.write(THRESHOLD(0), 4, 0);
    assert.strictEqual(hart.pending(Irq.MEIP), true);
    assert.strictEqual(hart.pending(Irq.SEIP), false);
    p.write(ENABLE(1), 4, 1 << 10);
    assert.strictEqual(hart.pending(Irq.SEIP), true);
  });

  it('claims the highest priority (then lowest number), and a claimed source waits for completion', () => {
    const { p, hart } = plic();
    for (const s of [3, 5, 7]) p.write(PRIO(s), 4, s === 3 ? 2 : 5);
    p.write(ENABLE(0), 4, (1 << 3) | (1 << 5) | (1 << 7));
    for (const s of [3, 5, 7]) p.setLevel(s, true);
    assert.strictEqual(p.read(CLAIM(0)), 5);
    assert.strictEqual(p.read(CLAIM(0)), 7);
    p.setLevel(5, true); // re-raised while claimed: pending again but not claimable
    assert.strictEqual(p.read(CLAIM(0)), 3);
    assert.strictEqual(p.read(CLAIM(0)), 0);
    assert.strictEqual(hart.pending(Irq.MEIP), false);
    p.write(CLAIM(0), 4, 5);
    assert.strictEqual(hart.pending(Irq.MEIP), true);
    assert.strictEqual(p.read(CLAIM(0)), 5);
  });

  it('does not re-pend a source on completion even if its line is still high (QEMU 7.2)', () => {
    const { p, hart } = plic();
    p.write(PRIO(10), 4, 1);
    p.write(ENABLE(0), 4, 1 << 10);
    p.setLevel(10, true);
    assert.strictEqual(p.read(CLAIM(0)), 10);
    p.write(CLAIM(0), 4, 10);
    assert.strictEqual(p.read(PENDING), 0);
    assert.strictEqual(hart.pending(Irq.MEIP), false);
  });

  it('ignores sources with priority 0', () => {
    const { p, hart } = plic();
    p.write(ENABLE(0), 4, 1 << 4);
    p.setLevel(4, true);
    assert.strictEqual(hart.pending(Irq.MEIP), false);
    assert.strictEqual(p.read(CLAIM(0)), 0);
  });

  it('describes pending and claimed sources', () => {
    const { p } = plic();
    p.write(PRIO(10), 4, 1);
    p.write(ENABLE(0), 4, 1 << 10);
    p.setLevel(10, true);
    let d = p.describe();
    assert.deepStrictEqual(d.details!.pending, [10]);
    assert.strictEqual(d.details!['M-mode line'], 'raised (next claim: 10)');
    assert.strictEqual(d.registers.find((r) => r.name === 'enableM[0]')!.decoded, 'sources 10');
    p.read(CLAIM(0));
    d = p.describe();
    assert.deepStrictEqual(d.details!.claimed, [10]);
  });
});
