/** Trap entry (delegation, recorded state, vectors), xRET, and the privileged instructions' checks. */
import { strict as assert } from 'assert';
import { CSR } from '../../emulator/isa/csr-names';
import { TRAP_SIGNAL } from '../../emulator/cpu/trap-signal';
import { newHart, trapOf, enterMode, openPmp, RAM_BASE } from './fake-bus';

const MRET = 0x30200073;
const SRET = 0x10200073;
const WFI = 0x10500073;
const SFENCE_ALL = 0x12000073;

function setup() {
  const { hart, bus } = newHart();
  openPmp(hart);
  hart.pokeCsr(CSR.mtvec, 0x80001000);
  hart.pokeCsr(CSR.stvec, 0x80002000);
  return { hart, bus };
}

/** raise() then enterTrap(), as the dispatcher does. */
function fault(hart: ReturnType<typeof setup>['hart'], cause: number, tval: number): void {
  assert.throws(() => hart.raise(cause, tval), (e) => e === TRAP_SIGNAL);
  hart.enterTrap();
}

describe('traps', () => {
  it('take an exception in M-mode: mepc/mcause/mtval, MPIE <- MIE, MIE off, MPP = M, pc = mtvec base', () => {
    const { hart } = setup();
    hart.pokeCsr(CSR.mtvec, 0x80001001); // vectored: exceptions still go to the base
    hart.pokeCsr(CSR.mstatus, 0x8);
    hart.pc = 0x80000124;
    fault(hart, 5, 0x1234);
    assert.equal(hart.peekCsr(CSR.mepc), 0x80000124);
    assert.equal(hart.peekCsr(CSR.mcause), 5);
    assert.equal(hart.peekCsr(CSR.mtval), 0x1234);
    assert.equal(hart.peekCsr(CSR.mstatus), 0x1880);
    assert.equal(hart.pc, 0x80001000);
    assert.equal(hart.priv, 3);
  });

  it('record the privilege the trap came from in MPP', () => {
    const { hart } = setup();
    enterMode(hart, 0);
    fault(hart, 8, 0);
    assert.equal((hart.peekCsr(CSR.mstatus)! >>> 11) & 3, 0);
    enterMode(hart, 1);
    fault(hart, 9, 0);
    assert.equal((hart.peekCsr(CSR.mstatus)! >>> 11) & 3, 1);
  });

  it('delegate exceptions from U and S to S-mode by medeleg, recording SPP/SPIE', () => {
    const { hart } = setup();
    hart.pokeCsr(CSR.medeleg, 1 << 13);
    hart.pokeCsr(CSR.mstatus, 0x2); // SIE
    enterMode(hart, 0);
    hart.pc = 0x80000400;
    fault(hart, 13, 0xdead0000);
    assert.equal(hart.priv, 1);
    assert.equal(hart.pc, 0x80002000);
    assert.equal(hart.peekCsr(CSR.scause), 13);
    assert.equal(hart.peekCsr(CSR.sepc), 0x80000400);
    assert.equal(hart.peekCsr(CSR.stval), 0xdead0000);
    assert.equal(hart.peekCsr(CSR.sstatus)! & 0x122, 0x20, 'SPIE = old SIE, SIE off, SPP = U');
    assert.equal(hart.peekCsr(CSR.mcause), 0, 'M-mode registers untouched');
    fault(hart, 13, 0);
    assert.equal(hart.peekCsr(CSR.sstatus)! & 0x100, 0x100, 'SPP = S');
  });

  it('never delegate a trap taken in M-mode', () => {
    const { hart } = setup();
    hart.pokeCsr(CSR.medeleg, -1);
    fault(hart, 2, 0);
    assert.equal(hart.priv, 3);
    assert.equal(hart.peekCsr(CSR.mcause), 2);
    assert.equal(hart.peekCsr(CSR.scause), 0);
  });

  it('mret restores MIE from MPIE, sets MPIE, MPP to U, the privilege and pc', () => {
    const { hart } = setup();
    hart.pokeCsr(CSR.mstatus, (1 << 11) | 0x80);
    hart.pokeCsr(CSR.mepc, 0x80000800);
    hart.mret(MRET);
    assert.equal(hart.priv, 1);
    assert.equal(hart.pc, 0x80000800);
    assert.equal(hart.peekCsr(CSR.mstatus), 0x88);
    assert.equal(hart.attention, true);
  });

  it('mret clears MPRV when leaving M-mode and keeps it when staying', () => {
    const { hart } = setup();
    hart.pokeCsr(CSR.mstatus, (3 << 11) | (1 << 17));
    hart.mret(MRET);
    assert.equal(hart.peekCsr(CSR.mstatus)! & (1 << 17), 1 << 17);
    hart.pokeCsr(CSR.mstatus, (0 << 11) | (1 << 17));
    hart.mret(MRET);
    assert.equal(hart.peekCsr(CSR.mstatus)! & (1 << 17), 0);
    assert.equal(hart.priv, 0);
  });

  it('sret restores SIE from SPIE, SPP, clears MPRV, jumps to sepc', () => {
    const { hart } = setup();
    hart.pokeCsr(CSR.mstatus, 0x100 | 0x20 | (1 << 17));
    hart.pokeCsr(CSR.sepc, 0x80000900);
    hart.sret(SRET);
    assert.equal(hart.priv, 1);
    assert.equal(hart.pc, 0x80000900);
    assert.equal(hart.peekCsr(CSR.mstatus), 0x22);
    hart.sret(SRET);
    assert.equal(hart.priv, 0, 'SPP was reset to U');
  });

  it('make mret illegal below M, sret illegal in U and in S with TSR', () => {
    const { hart } = setup();
    enterMode(hart, 1);
    assert.deepEqual(trapOf(hart, () => hart.mret(MRET)), { cause: 2, tval: MRET });
    enterMode(hart, 0);
    assert.deepEqual(trapOf(hart, () => hart.sret(SRET)), { cause: 2, tval: SRET });
    hart.priv = 3;
    hart.pokeCsr(CSR.mstatus, 1 << 22);
    enterMode(hart, 1);
    assert.deepEqual(trapOf(hart, () => hart.sret(SRET)), { cause: 2, tval: SRET });
  });

  it('wfi waits in M and S, is illegal in U and in S with TW', () => {
    const { hart } = setup();
    hart.wfi(WFI);
    assert.equal(hart.waiting, true);
    hart.waiting = false;
    enterMode(hart, 1);
    hart.wfi(WFI);
    assert.equal(hart.waiting, true);
    enterMode(hart, 0);
    assert.deepEqual(trapOf(hart, () => hart.wfi(WFI)), { cause: 2, tval: WFI });
    hart.priv = 3;
    hart.pokeCsr(CSR.mstatus, 1 << 21);
    enterMode(hart, 1);
    assert.deepEqual(trapOf(hart, () => hart.wfi(WFI)), { cause: 2, tval: WFI });
  });

  it('wfi does not wait when an interrupt is already pending in mie (even with MIE off)', () => {
    const { hart } = setup();
    hart.pokeCsr(CSR.mie, 0x80);
    hart.setPending(7, true);
    hart.wfi(WFI);
    assert.equal(hart.waiting, false);
  });

  it('sfence.vma is illegal in U and in S with TVM, and moves mmuEpoch', () => {
    const { hart } = setup();
    const e = hart.mmuEpoch;
    hart.sfenceVma(0, 0, SFENCE_ALL);
    assert.equal(hart.mmuEpoch, e + 1);
    enterMode(hart, 0);
    assert.deepEqual(trapOf(hart, () => hart.sfenceVma(0, 0, SFENCE_ALL)), { cause: 2, tval: SFENCE_ALL });
    hart.priv = 3;
    hart.pokeCsr(CSR.mstatus, 1 << 20);
    enterMode(hart, 1);
    assert.deepEqual(trapOf(hart, () => hart.sfenceVma(0, 0, SFENCE_ALL)), { cause: 2, tval: SFENCE_ALL });
  });

  it('reset returns to M-mode at the reset pc with CSRs cleared', () => {
    const { hart } = setup();
    enterMode(hart, 0);
    hart.x[5] = 7;
    hart.icount = 99;
    hart.reset(0x1000);
    assert.equal(hart.pc, 0x1000);
    assert.equal(hart.priv, 3);
    assert.equal(hart.x[5], 0);
    assert.equal(hart.icount, 0);
    assert.equal(hart.peekCsr(CSR.mtvec), 0);
    assert.equal(hart.peekCsr(CSR.pmpcfg0), 0);
    assert.equal(hart.fetchFlags(), 3);
  });

  it('semihosting calls the board handler', () => {
    const { hart } = setup();
    assert.equal(hart.semihostingEnabled, false);
    let called = 0;
    hart.onSemihosting = (h) => { called++; h.x[10] = 42; };
    assert.equal(hart.semihostingEnabled, true);
    hart.semihosting();
    assert.equal(called, 1);
    assert.equal(hart.x[10], 42);
  });

  it('keeps pc as an unsigned alias of x[32]', () => {
    const { hart } = setup();
    hart.pc = RAM_BASE + 8;
    assert.equal(hart.x[32], (RAM_BASE + 8) | 0);
    assert.equal(hart.pc, RAM_BASE + 8);
  });
});
