/** lr/sc/AMO with QEMU 7.2's reservation rules, alignment and fault causes. */
import { strict as assert } from 'assert';
import { AmoOp } from '../../emulator/cpu/hart-api';
import { CSR } from '../../emulator/isa/csr-names';
import { newHart, trapOf, enterMode, openPmp, RAM_BASE, DEV_BASE } from './fake-bus';
import { PageTables, V, R, A } from './page-tables';

const DATA = RAM_BASE + 0x1_0000;

describe('atomics', () => {
  it('succeed with lr then sc, and a second sc fails', () => {
    const { hart, bus } = newHart();
    bus.setWord(DATA, 5);
    assert.equal(hart.lr(DATA), 5);
    assert.equal(hart.sc(DATA, 6, 10), 0);
    assert.equal(bus.word(DATA), 6);
    assert.equal(hart.sc(DATA, 7, 10), 1);
    assert.equal(bus.word(DATA), 6);
  });

  it('fail sc at another address and drop the reservation', () => {
    const { hart, bus } = newHart();
    hart.lr(DATA);
    assert.equal(hart.sc(DATA + 4, 1, 10), 1);
    assert.equal(bus.word(DATA + 4), 0);
    assert.equal(hart.sc(DATA, 1, 10), 1);
  });

  it('fail sc without a reservation without touching memory: no alignment or access fault', () => {
    const { hart } = newHart();
    assert.equal(hart.sc(DATA + 2, 1, 10), 1);
    assert.equal(hart.sc(0x2000_0000, 1, 10), 1);
  });

  it('compare values like QEMU: a store of the same value keeps the reservation, another value breaks it', () => {
    const { hart } = newHart();
    hart.mem.sw(DATA, 9);
    hart.lr(DATA);
    hart.mem.sw(DATA, 9);
    assert.equal(hart.sc(DATA, 1, 10), 0);
    hart.lr(DATA);
    hart.mem.sw(DATA, 2);
    assert.equal(hart.sc(DATA, 3, 10), 1);
  });

  it('keep the reservation across other stores and AMOs, but a newer lr replaces it', () => {
    const { hart } = newHart();
    hart.lr(DATA);
    hart.mem.sw(DATA + 8, 1);
    hart.amo(AmoOp.Add, DATA + 8, 1, 10);
    assert.equal(hart.sc(DATA, 1, 10), 0);
    hart.lr(DATA);
    hart.lr(DATA + 8);
    assert.equal(hart.sc(DATA, 1, 10), 1);
  });

  it('drop the reservation on trap entry and on xRET', () => {
    const { hart } = newHart();
    hart.lr(DATA);
    try { hart.raise(8, 0); } catch { /* the dispatcher would catch this */ }
    hart.enterTrap();
    assert.equal(hart.sc(DATA, 1, 10), 1);
    hart.lr(DATA);
    hart.pokeCsr(CSR.mstatus, 3 << 11);
    hart.mret(0x30200073);
    assert.equal(hart.sc(DATA, 1, 10), 1);
  });

  it('raise load-misaligned (4) for lr and store-misaligned (6) for AMOs', () => {
    const { hart } = newHart();
    assert.deepEqual(trapOf(hart, () => hart.lr(DATA + 2)), { cause: 4, tval: DATA + 2 });
    assert.deepEqual(trapOf(hart, () => hart.amo(AmoOp.Add, DATA + 1, 1, 10)), { cause: 6, tval: DATA + 1 });
  });

  it('compute every AMO and return the old value', () => {
    const { hart, bus } = newHart();
    const cases: [AmoOp, number, number, number][] = [
      [AmoOp.Swap, 5, 9, 9], [AmoOp.Add, -1, 3, 2], [AmoOp.Xor, 6, 3, 5], [AmoOp.And, 6, 3, 2],
      [AmoOp.Or, 6, 3, 7], [AmoOp.Min, -2, 1, -2], [AmoOp.Max, -2, 1, 1],
      [AmoOp.Minu, -2, 1, 1], [AmoOp.Maxu, -2, 1, -2],
    ];
    for (const [op, old, v, result] of cases) {
      bus.setWord(DATA, old);
      assert.equal(hart.amo(op, DATA, v, 10), old, `op ${op}`);
      assert.equal(bus.word(DATA) | 0, result, `op ${op}`);
    }
  });

  it('fault as stores: AMO and sc on a read-only page give 15, lr there is fine', () => {
    const { hart, bus } = newHart();
    openPmp(hart);
    const pt = new PageTables(bus);
    pt.map4k(0x4000_0000, DATA, V | R | A);
    hart.pokeCsr(CSR.satp, pt.satp);
    enterMode(hart, 1);
    assert.deepEqual(trapOf(hart, () => hart.amo(AmoOp.Or, 0x4000_0008, 1, 10)), { cause: 15, tval: 0x4000_0008 });
    hart.lr(0x4000_0008);
    assert.deepEqual(trapOf(hart, () => hart.sc(0x4000_0008, 1, 10)), { cause: 15, tval: 0x4000_0008 });
    assert.deepEqual(trapOf(hart, () => hart.amo(AmoOp.Or, 0x2000_0000, 1, 10)), { cause: 15, tval: 0x2000_0000 });
  });

  it('access-fault with cause 7 (AMO) and 5 (lr) where nothing answers, and work on devices', () => {
    const { hart, bus } = newHart();
    assert.deepEqual(trapOf(hart, () => hart.amo(AmoOp.Add, 0x2000_0000, 1, 10)), { cause: 7, tval: 0x2000_0000 });
    assert.deepEqual(trapOf(hart, () => hart.lr(0x2000_0000)), { cause: 5, tval: 0x2000_0000 });
    bus.dev.regs[1] = 10;
    assert.equal(hart.amo(AmoOp.Add, DEV_BASE + 4, 5, 10), 10);
    assert.equal(bus.dev.regs[1], 15);
  });
});
