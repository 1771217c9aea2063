/**
 * The CSR file: reset values, WARL masks (QEMU 7.2's, probed with test/cpu/qemu-probes/csrmap.c) and
 * access checks.
 */
import { strict as assert } from 'assert';
import { CSR, csrNumber } from '../../emulator/isa/csr-names';
import { Irq } from '../../emulator/cpu/hart-api';
import { newHart, trapOf, enterMode, openPmp } from './fake-bus';

/** csrrs x0-free encodings: csrrw a0, csr, a0 (the instruction bits only matter as tval). */
const rawFor = (csr: number) => ((csr << 20) | (10 << 15) | (1 << 12) | (10 << 7) | 0x73) >>> 0;

describe('CSR file', () => {
  it('powers on with QEMU 7.2 identity values and zeroed state', () => {
    const { hart } = newHart();
    const expect: [number, number][] = [
      [CSR.misa, 0x40141105], [CSR.mvendorid, 0], [CSR.marchid, 0x00070216], [CSR.mimpid, 0x00070216],
      [CSR.mhartid, 0], [CSR.mstatus, 0], [CSR.mtvec, 0], [CSR.medeleg, 0], [CSR.mideleg, 0],
      [CSR.mie, 0], [CSR.mip, 0], [CSR.satp, 0], [CSR.mcounteren, 0], [CSR.mcountinhibit, 0],
      [CSR.menvcfg, 0], [CSR.pmpcfg0, 0], [CSR.pmpaddr0, 0], [CSR.mconfigptr, 0],
    ];
    for (const [csr, v] of expect) assert.equal(hart.csrRead(csr, 0, 0, false) >>> 0, v, `csr 0x${csr.toString(16)}`);
    assert.equal(hart.priv, 3);
  });

  // What reads back after writing all-ones, then zero: QEMU's masks without the H-only bits.
  const ONES: [string, number, number][] = [
    ['mstatus', 0x807e1faa, 0], ['sstatus', 0x800c0722, 0], ['medeleg', 0x0000bbff, 0],
    ['mideleg', 0x2222, 0], ['mie', 0x2aaa, 0], ['mcounteren', 0xffffffff, 0], ['scounteren', 0xffffffff, 0],
    ['mcountinhibit', 0xfffffffd, 0], ['menvcfg', 0xf1, 0], ['senvcfg', 0xf1, 0], ['menvcfgh', 0xc0000000, 0],
    ['mscratch', 0xffffffff, 0], ['mcause', 0xffffffff, 0], ['mtval', 0xffffffff, 0],
    ['sscratch', 0xffffffff, 0], ['scause', 0xffffffff, 0], ['stval', 0xffffffff, 0],
    ['mepc', 0xfffffffe, 0], ['sepc', 0xfffffffe, 0], ['satp', 0xffffffff, 0],
    ['mhpmevent3', 0xffffffff, 0], ['mhpmevent31', 0xffffffff, 0], ['pmpaddr0', 0xffffffff, 0],
    ['mip', 0x2222, 0], ['mstatush', 0, 0], ['misa', 0x40141105, 0x40141105],
    ['mhpmcounter3', 0xffffffff, 0],
  ];
  for (const [name, ones, zeros] of ONES) {
    it(`${name} keeps 0x${ones.toString(16)} of all-ones`, () => {
      const { hart } = newHart();
      const csr = csrNumber(name)!;
      hart.csrWrite(csr, -1, 0, 0);
      assert.equal(hart.csrRead(csr, 0, 1, false) >>> 0, ones);
      hart.csrWrite(csr, 0, 0, 1);
      assert.equal(hart.csrRead(csr, 0, 2, false) >>> 0, zeros);
    });
  }

  it('ignores mtvec/stvec writes with mode 2 or 3 and keeps an unaligned vectored base', () => {
    const { hart } = newHart();
    for (const csr of [CSR.mtvec, CSR.stvec]) {
      hart.csrWrite(csr, 0x80000101, 0, 0);
      assert.equal(hart.peekCsr(csr), 0x80000101);
      hart.csrWrite(csr, 0x80000202, 0, 0);
      hart.csrWrite(csr, 0x80000207, 0, 0);
      assert.equal(hart.peekCsr(csr), 0x80000101);
    }
  });

  it('keeps MPP unchanged on the reserved value 2', () => {
    const { hart } = newHart();
    hart.csrWrite(CSR.mstatus, 1 << 11, 0, 0);
    hart.csrWrite(CSR.mstatus, 2 << 11, 0, 0);
    assert.equal(hart.peekCsr(CSR.mstatus), 1 << 11);
  });

  it('sets SD exactly when VS is dirty, and never lets FS be written', () => {
    const { hart } = newHart();
    hart.csrWrite(CSR.mstatus, 0x600, 0, 0);
    assert.equal(hart.peekCsr(CSR.mstatus), 0x80000600);
    hart.csrWrite(CSR.mstatus, 0x6200, 0, 0);
    assert.equal(hart.peekCsr(CSR.mstatus), 0x200);
  });

  it('shows sie and sip as the delegated part of mie and mip', () => {
    const { hart } = newHart();
    hart.csrWrite(CSR.sie, -1, 0, 0);
    hart.csrWrite(CSR.sip, -1, 0, 0);
    assert.equal(hart.peekCsr(CSR.mie), 0, 'nothing delegated: sie writes nothing');
    assert.equal(hart.peekCsr(CSR.mip), 0);
    hart.csrWrite(CSR.mideleg, -1, 0, 0);
    hart.csrWrite(CSR.sie, -1, 0, 0);
    assert.equal(hart.peekCsr(CSR.sie), 0x2222);
    assert.equal(hart.peekCsr(CSR.mie), 0x2222);
    hart.csrWrite(CSR.sip, -1, 0, 0);
    assert.equal(hart.peekCsr(CSR.sip), 0x2002, 'S-mode may set only SSIP and LCOFIP');
    hart.csrWrite(CSR.mideleg, 0x222, 0, 0);
    hart.csrWrite(CSR.mie, 0xaaa, 0, 0);
    hart.csrWrite(CSR.mip, 0x222, 0, 0);
    assert.equal(hart.peekCsr(CSR.sie), 0x222);
    assert.equal(hart.peekCsr(CSR.sip), 0x222);
    hart.csrWrite(CSR.mideleg, 0, 0, 0);
    assert.equal(hart.peekCsr(CSR.sip), 0);
    assert.equal(hart.peekCsr(CSR.sie), 0);
  });

  it('reads SEIP as software bit OR the PLIC line, but read-modify-writes only the software bit', () => {
    const { hart } = newHart();
    hart.setPending(Irq.SEIP, true);
    assert.equal(hart.csrRead(CSR.mip, 0, 0, false), 0x200);
    const old = hart.csrRead(CSR.mip, 0, 0, true);
    assert.equal(old, 0, 'csrrs sees only the software SEIP');
    hart.csrWrite(CSR.mip, old | 0x2, 0, 0);
    hart.setPending(Irq.SEIP, false);
    assert.equal(hart.peekCsr(CSR.mip), 0x2, 'the line did not get latched by the write-back');
    hart.csrWrite(CSR.mip, 0x200, 0, 0);
    assert.equal(hart.peekCsr(CSR.mip), 0x200);
  });

  it('leaves MTIP and MSIP to the hardware', () => {
    const { hart } = newHart();
    hart.csrWrite(CSR.mip, 0x88, 0, 0);
    assert.equal(hart.peekCsr(CSR.mip), 0);
    hart.setPending(Irq.MTIP, true);
    hart.csrWrite(CSR.mip, 0, 0, 0);
    assert.equal(hart.peekCsr(CSR.mip), 0x80);
  });

  describe('access checks', () => {
    const illegal = (fn: () => unknown, raw: number) => (hart: ReturnType<typeof newHart>['hart']) => {
      assert.deepEqual(trapOf(hart, fn), { cause: 2, tval: raw });
    };

    it('raises illegal instruction with the instruction bits for CSRs that do not exist', () => {
      const { hart } = newHart();
      // dcsr (debug mode only), stimecmp (no Sstc), vstimecmp (no H), mhpmcounter19 and hpmcounter19
      // (QEMU's 16 hpm counters), mseccfg (no Smepmp), a number nothing uses.
      for (const csr of [0x7b0, 0x14d, 0x24d, 0xb13, 0xc13, 0x747, 0x7c0, 0x7a0]) {
        const raw = rawFor(csr);
        illegal(() => hart.csrRead(csr, raw, 0, false), raw)(hart);
        illegal(() => hart.csrWrite(csr, 0, raw, 0), raw)(hart);
      }
    });

    it('refuses writes to read-only numbers but allows reads and non-writing csrrs', () => {
      const { hart } = newHart();
      assert.equal(hart.csrRead(CSR.mhartid, 0, 0, false), 0);
      illegal(() => hart.csrRead(CSR.mhartid, 0xf1401073, 0, true), 0xf1401073)(hart);
      illegal(() => hart.csrWrite(CSR.mhartid, 0, 0xf1401073, 0), 0xf1401073)(hart);
      illegal(() => hart.csrWrite(CSR.cycle, 0, 0xc0001073, 0), 0xc0001073)(hart);
    });

    it('refuses M-mode CSRs to S-mode and S-mode CSRs to U-mode', () => {
      const { hart } = newHart();
      openPmp(hart);
      enterMode(hart, 1);
      illegal(() => hart.csrRead(CSR.mstatus, 0x30002573, 0, false), 0x30002573)(hart);
      assert.equal(hart.csrRead(CSR.sstatus, 0, 0, false), 0);
      enterMode(hart, 0);
      illegal(() => hart.csrRead(CSR.sstatus, 0x10002573, 0, false), 0x10002573)(hart);
    });

    it('makes satp illegal in S-mode when TVM is set', () => {
      const { hart } = newHart();
      openPmp(hart);
      hart.csrWrite(CSR.mstatus, 1 << 20, 0, 0);
      enterMode(hart, 1);
      illegal(() => hart.csrRead(CSR.satp, 0x180027f3, 0, false), 0x180027f3)(hart);
      illegal(() => hart.csrWrite(CSR.satp, 0, 0x18001073, 0), 0x18001073)(hart);
      hart.priv = 3;
      hart.csrWrite(CSR.mstatus, 1 << 11, 0, 0);
      enterMode(hart, 1);
      assert.equal(hart.csrRead(CSR.satp, 0, 0, false), 0);
    });

    it('gates user counters by mcounteren in S-mode and by both enables in U-mode', () => {
      const { hart } = newHart();
      openPmp(hart);
      const readable = (csr: number) => {
        try { hart.csrRead(csr, 0, 0, false); return true; } catch { return false; }
      };
      const counters = [CSR.cycle, CSR.time, CSR.instret, csrNumber('hpmcounter3')!, CSR.cycleh, CSR.timeh];
      enterMode(hart, 1);
      assert.deepEqual(counters.map(readable), [false, false, false, false, false, false]);
      hart.priv = 3;
      hart.csrWrite(CSR.mcounteren, -1, 0, 0);
      enterMode(hart, 1);
      assert.deepEqual(counters.map(readable), [true, true, true, true, true, true]);
      enterMode(hart, 0);
      assert.deepEqual(counters.map(readable), [false, false, false, false, false, false]);
      hart.priv = 3;
      hart.csrWrite(CSR.scounteren, 5, 0, 0);
      enterMode(hart, 0);
      assert.deepEqual(counters.map(readable), [true, false, true, false, true, false]);
      hart.priv = 3;
      hart.csrWrite(CSR.mcounteren, 2, 0, 0);
      hart.csrWrite(CSR.scounteren, -1, 0, 0);
      enterMode(hart, 0);
      assert.deepEqual(counters.map(readable), [false, true, false, false, false, true]);
    });
  });

  it('gives the debugger side-effect-free access without privilege checks', () => {
    const { hart } = newHart();
    openPmp(hart);
    enterMode(hart, 0);
    assert.equal(hart.peekCsr(CSR.mhartid), 0);
    assert.equal(hart.peekCsr(0x7b0), undefined);
    assert.equal(hart.pokeCsr(CSR.mscratch, 0x1234), true);
    assert.equal(hart.peekCsr(CSR.mscratch), 0x1234);
    assert.equal(hart.pokeCsr(CSR.mhartid, 5), false);
    assert.equal(hart.peekCsr(CSR.mstatus)! >>> 0 > 0x7fffffff, false);
    hart.pokeCsr(CSR.mtval, -1);
    assert.equal(hart.peekCsr(CSR.mtval), 0xffffffff, 'peek is unsigned');
  });
});
