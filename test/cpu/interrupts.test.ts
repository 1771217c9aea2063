/** Interrupt selection: priorities, target mode, global enables per privilege, vectors, WFI wake-up. */
import { strict as assert } from 'assert';
import { CSR } from '../../emulator/isa/csr-names';
import { Irq } from '../../emulator/cpu/hart-api';
import { pickInterrupt } from '../../emulator/cpu/interrupts';
import { newHart, enterMode, openPmp } from './fake-bus';

function setup() {
  const { hart } = newHart();
  openPmp(hart);
  hart.pokeCsr(CSR.mtvec, 0x80001000);
  hart.pokeCsr(CSR.stvec, 0x80002000);
  return hart;
}

describe('interrupts', () => {
  it('follow the spec priority MEI, MSI, MTI, SEI, SSI, STI, LCOFI', () => {
    const order: number[] = [];
    let pending = 0x2aaa;
    while (pending !== 0) {
      const irq = pickInterrupt(pending, 0, 3, 0x8);
      order.push(irq);
      pending &= ~(1 << irq);
    }
    assert.deepEqual(order, [11, 3, 7, 9, 1, 5, 13]);
  });

  it('take M-bound interrupts before S-bound ones whatever their priority', () => {
    assert.equal(pickInterrupt((1 << 9) | (1 << 5), 1 << 9, 1, 0x2), 5);
  });

  it('enable M-bound interrupts below M regardless of MIE, and in M only with MIE', () => {
    assert.equal(pickInterrupt(0x80, 0, 3, 0), -1);
    assert.equal(pickInterrupt(0x80, 0, 3, 0x8), 7);
    assert.equal(pickInterrupt(0x80, 0, 1, 0), 7);
    assert.equal(pickInterrupt(0x80, 0, 0, 0), 7);
  });

  it('never take delegated interrupts in M; in S only with SIE; always in U', () => {
    assert.equal(pickInterrupt(0x2, 0x2, 3, 0xa), -1);
    assert.equal(pickInterrupt(0x2, 0x2, 1, 0), -1);
    assert.equal(pickInterrupt(0x2, 0x2, 1, 0x2), 1);
    assert.equal(pickInterrupt(0x2, 0x2, 0, 0), 1);
  });

  it('enter the handler with the interrupt bit, tval 0, epc = the next pc, vectored target', () => {
    const hart = setup();
    hart.pokeCsr(CSR.mtvec, 0x80001001);
    hart.pokeCsr(CSR.mtval, 0x55);
    hart.pokeCsr(CSR.mie, 0x80);
    hart.pokeCsr(CSR.mstatus, 0x8);
    hart.pc = 0x80000010;
    hart.setPending(Irq.MTIP, true);
    assert.equal(hart.takeInterrupt(), true);
    assert.equal(hart.peekCsr(CSR.mcause), 0x80000007);
    assert.equal(hart.peekCsr(CSR.mepc), 0x80000010);
    assert.equal(hart.peekCsr(CSR.mtval), 0);
    assert.equal(hart.pc, 0x80001000 + 4 * 7);
    assert.equal(hart.peekCsr(CSR.mstatus), 0x1880);
    assert.equal(hart.takeInterrupt(), false, 'MIE is now off');
  });

  it('deliver a delegated interrupt in U-mode to S-mode through a vectored stvec', () => {
    const hart = setup();
    hart.pokeCsr(CSR.stvec, 0x80002001);
    hart.pokeCsr(CSR.mideleg, 0x222);
    hart.pokeCsr(CSR.mie, 0x222);
    enterMode(hart, 0);
    hart.pokeCsr(CSR.sip, 0x2);
    assert.equal(hart.takeInterrupt(), true);
    assert.equal(hart.priv, 1);
    assert.equal(hart.peekCsr(CSR.scause), 0x80000001);
    assert.equal(hart.pc, 0x80002004);
  });

  it('does nothing when pending interrupts are not enabled in mie', () => {
    const hart = setup();
    hart.pokeCsr(CSR.mstatus, 0x8);
    hart.setPending(Irq.MEIP, true);
    assert.equal(hart.takeInterrupt(), false);
    assert.equal(hart.wakeupPending(), false);
  });

  it('sets attention when a line rises, and wakes WFI only for an interrupt enabled in mie', () => {
    const hart = setup();
    hart.attention = false;
    hart.waiting = true;
    hart.setPending(Irq.MEIP, true);
    assert.equal(hart.attention, true);
    assert.equal(hart.waiting, true, 'MEIE is off');
    hart.setPending(Irq.MEIP, false);
    hart.pokeCsr(CSR.mie, 1 << 11);
    hart.setPending(Irq.MEIP, true);
    assert.equal(hart.waiting, false);
    assert.equal(hart.wakeupPending(), true, 'MIE off does not matter for wake-up');
  });

  it('sets attention on CSR writes that may enable an interrupt', () => {
    const hart = setup();
    for (const csr of [CSR.mstatus, CSR.mie, CSR.mip, CSR.mideleg, CSR.sstatus, CSR.sie, CSR.sip]) {
      hart.attention = false;
      hart.csrWrite(csr, 0, 0, 0);
      assert.equal(hart.attention, true, `csr 0x${csr.toString(16)}`);
    }
  });

  it('clears waiting when it takes an interrupt', () => {
    const hart = setup();
    hart.pokeCsr(CSR.mie, 0x8);
    hart.pokeCsr(CSR.mstatus, 0x8);
    hart.waiting = true;
    hart.setPending(Irq.MSIP, true);
    hart.waiting = true;
    assert.equal(hart.takeInterrupt(), true);
    assert.equal(hart.waiting, false);
  });
});
