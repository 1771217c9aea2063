/** Sv32 translation: walks, superpages, permissions, A/D updates, fault causes, MPRV and the TLB. */
import { strict as assert } from 'assert';
import { CSR } from '../../emulator/isa/csr-names';
import { newHart, trapOf, enterMode, openPmp, RAM_BASE, ROM_BASE, DEV_BASE } from './fake-bus';
import { PageTables, V, R, W, X, U, A, D } from './page-tables';

const DATA = RAM_BASE + 0x10_0000;
const VA = 0x4000_0000;

function setup(mode: 0 | 1 = 1) {
  const { hart, bus } = newHart();
  openPmp(hart);
  const pt = new PageTables(bus);
  hart.pokeCsr(CSR.satp, pt.satp);
  enterMode(hart, mode);
  return { hart, bus, pt };
}

const SFENCE_ALL = 0x12000073;
const SFENCE_A0 = 0x12050073;

describe('Sv32', () => {
  it('translates through a 4 KiB page and sets A on a load, A and D on a store', () => {
    const { hart, bus, pt } = setup();
    const e = pt.map4k(VA, DATA, V | R | W);
    bus.setWord(DATA + 8, 0x11223344);
    assert.equal(hart.mem.lw(VA + 8), 0x11223344);
    assert.equal(bus.word(e) & (A | D), A);
    hart.mem.sw(VA + 12, 5);
    assert.equal(bus.word(e) & (A | D), A | D);
    assert.equal(bus.word(DATA + 12), 5);
  });

  it('translates a 4 MiB superpage', () => {
    const { hart, bus, pt } = setup();
    pt.map4m(0x4040_0000, RAM_BASE + 0x40_0000, V | R | A);
    bus.setWord(RAM_BASE + 0x40_0000 + 0x12344, 0xcafe);
    assert.equal(hart.mem.lw(0x4041_2344), 0xcafe);
  });

  it('page-faults on a misaligned superpage', () => {
    const { hart, pt } = setup();
    pt.map4m(0x4040_0000, RAM_BASE + 0x1000, V | R | A);
    assert.deepEqual(trapOf(hart, () => hart.mem.lw(0x4040_0010)), { cause: 13, tval: 0x4040_0010 });
  });

  it('reports invalid PTEs as load 13, store 15, fetch 12 with tval = the address', () => {
    const { hart, pt } = setup();
    pt.map4k(VA, DATA, 0);
    assert.deepEqual(trapOf(hart, () => hart.mem.lw(VA + 4)), { cause: 13, tval: VA + 4 });
    assert.deepEqual(trapOf(hart, () => hart.mem.sb(VA + 5, 0)), { cause: 15, tval: VA + 5 });
    assert.deepEqual(trapOf(hart, () => hart.translateFetch(VA + 6)), { cause: 12, tval: VA + 6 });
    assert.deepEqual(trapOf(hart, () => hart.mem.lw(0x5000_0000)), { cause: 13, tval: 0x5000_0000 }, 'no root entry');
  });

  it('page-faults on the reserved W-without-R encoding and on a pointer at level 0', () => {
    const { hart, bus, pt } = setup();
    pt.map4k(VA, DATA, V | W | A | D);
    assert.equal(trapOf(hart, () => hart.mem.lw(VA)).cause, 13);
    const e = pt.leafEntry(VA + 0x1000);
    bus.setWord(e, ((DATA >>> 12) << 10) | V);
    assert.equal(trapOf(hart, () => hart.mem.lw(VA + 0x1000)).cause, 13);
  });

  it('checks R, W, X per access; AMOs and stores to read-only pages are store faults', () => {
    const { hart, pt } = setup();
    pt.map4k(VA, DATA, V | R | A);
    hart.mem.lw(VA);
    assert.deepEqual(trapOf(hart, () => hart.mem.sw(VA, 1)), { cause: 15, tval: VA });
    assert.deepEqual(trapOf(hart, () => hart.amo(0, VA, 1, 10)), { cause: 15, tval: VA });
    assert.deepEqual(trapOf(hart, () => hart.translateFetch(VA)), { cause: 12, tval: VA });
    pt.map4k(VA + 0x1000, DATA, V | X | A);
    assert.equal(hart.translateFetch(VA + 0x1010), DATA + 0x10);
    assert.deepEqual(trapOf(hart, () => hart.mem.lw(VA + 0x1000)), { cause: 13, tval: VA + 0x1000 });
  });

  it('lets loads read execute-only pages when MXR is set', () => {
    const { hart, bus, pt } = setup();
    pt.map4k(VA, DATA, V | X | A);
    bus.setWord(DATA, 77);
    assert.equal(trapOf(hart, () => hart.mem.lw(VA)).cause, 13);
    hart.csrWrite(CSR.sstatus, 1 << 19, 0, 0);
    assert.equal(hart.mem.lw(VA), 77);
    hart.csrWrite(CSR.sstatus, 0, 0, 0);
    assert.equal(trapOf(hart, () => hart.mem.lw(VA)).cause, 13, 'clearing MXR takes effect at once');
  });

  it('keeps S-mode out of user pages unless SUM (data only, never fetch)', () => {
    const { hart, bus, pt } = setup();
    pt.map4k(VA, DATA, V | R | W | X | U | A | D);
    bus.setWord(DATA, 9);
    assert.equal(trapOf(hart, () => hart.mem.lw(VA)).cause, 13);
    hart.csrWrite(CSR.sstatus, 1 << 18, 0, 0);
    assert.equal(hart.mem.lw(VA), 9);
    assert.equal(trapOf(hart, () => hart.translateFetch(VA)).cause, 12);
    hart.csrWrite(CSR.sstatus, 0, 0, 0);
    assert.equal(trapOf(hart, () => hart.mem.lw(VA)).cause, 13, 'clearing SUM takes effect at once');
  });

  it('keeps U-mode to user pages', () => {
    const { hart, bus, pt } = setup(0);
    pt.map4k(VA, DATA, V | R | A);
    pt.map4k(VA + 0x1000, DATA, V | R | U | A);
    bus.setWord(DATA, 3);
    assert.deepEqual(trapOf(hart, () => hart.mem.lw(VA)), { cause: 13, tval: VA });
    assert.equal(hart.mem.lw(VA + 0x1000), 3);
  });

  it('translates M-mode data accesses with MPRV as MPP says, but not fetches', () => {
    const { hart, bus, pt } = setup();
    pt.map4k(VA, DATA, V | R | W | A | D);
    bus.setWord(DATA, 0x77);
    hart.priv = 3;
    hart.csrWrite(CSR.mstatus, (1 << 17) | (1 << 11), 0, 0);
    assert.equal(hart.mem.lw(VA), 0x77);
    assert.equal(hart.translateFetch(RAM_BASE), RAM_BASE, 'fetch stays physical');
    hart.csrWrite(CSR.mstatus, (1 << 17) | (3 << 11), 0, 0);
    assert.equal(trapOf(hart, () => hart.mem.lw(VA)).cause, 5, 'MPP = M: bare, and nothing at 0x40000000');
    hart.csrWrite(CSR.mstatus, 1 << 11, 0, 0);
    assert.equal(trapOf(hart, () => hart.mem.lw(VA)).cause, 5, 'MPRV off: bare');
  });

  it('access-faults for a leaf beyond 4 GiB or with nothing behind it, with tval = va', () => {
    const { hart, bus, pt } = setup();
    // PPN bit 20 puts the page 4 GiB above DATA: the address must not wrap around onto DATA.
    const e = pt.leafEntry(VA);
    bus.setWord(e, (((0x10_0000 + (DATA >>> 12)) << 10) | V | R | A) >>> 0);
    bus.setWord(DATA + 8, 1);
    assert.deepEqual(trapOf(hart, () => hart.mem.lw(VA + 8)), { cause: 5, tval: VA + 8 });
    pt.map4k(VA + 0x1000, 0x2000_0000, V | R | W | A | D);
    assert.deepEqual(trapOf(hart, () => hart.mem.sw(VA + 0x1008, 0)), { cause: 7, tval: VA + 0x1008 });
  });

  it('access-faults when a page-table entry itself cannot be read', () => {
    const { hart, bus, pt } = setup();
    bus.setWord(pt.rootEntry(VA), ((0x2000_0000 >>> 12) << 10) | V);
    assert.deepEqual(trapOf(hart, () => hart.mem.lw(VA)), { cause: 5, tval: VA });
    bus.setWord(pt.rootEntry(VA), (0x30_0000 << 10) | V); // table at 3 GiB * 4: beyond 4 GiB
    assert.deepEqual(trapOf(hart, () => hart.mem.sw(VA, 0)), { cause: 7, tval: VA });
  });

  it('page-faults when A/D must be set in a PTE outside RAM (as QEMU)', () => {
    const { hart, bus } = setup();
    // A root table in ROM whose entry maps a superpage without A.
    bus.rom.set([0x0f, 0x00, 0x00, 0x20], 0x400); // PTE 0x2000000f: V R W X, PPN 0x80000 -> RAM_BASE
    hart.priv = 3;
    hart.pokeCsr(CSR.satp, (0x8000_0000 | (ROM_BASE >>> 12)) | 0);
    enterMode(hart, 1);
    assert.equal(trapOf(hart, () => hart.mem.lw(0x4000_0000)).cause, 13);
  });

  it('uses the TLB until sfence.vma or a satp write, which also move mmuEpoch', () => {
    const { hart, bus, pt } = setup();
    pt.map4k(VA, DATA, V | R | W | A | D);
    bus.setWord(DATA, 1);
    bus.setWord(DATA + 0x1000, 2);
    assert.equal(hart.mem.lw(VA), 1);
    pt.map4k(VA, DATA + 0x1000, V | R | W | A | D);
    assert.equal(hart.mem.lw(VA), 1, 'stale until fenced');
    const e = hart.mmuEpoch;
    hart.x[10] = VA;
    hart.sfenceVma(VA, 0, SFENCE_A0);
    assert.equal(hart.mmuEpoch, e + 1);
    assert.equal(hart.mem.lw(VA), 2);
    pt.map4k(VA, DATA, V | R | W | A | D);
    hart.priv = 3;
    hart.csrWrite(CSR.satp, pt.satp, 0, 0);
    assert.equal(hart.mmuEpoch, e + 2);
    enterMode(hart, 1);
    assert.equal(hart.mem.lw(VA), 1);
  });

  it('flushes every page on sfence.vma with rs1 = x0, and only the named page otherwise', () => {
    const { hart, bus, pt } = setup();
    pt.map4k(VA, DATA, V | R | A);
    pt.map4k(VA + 0x1000, DATA, V | R | A);
    bus.setWord(DATA, 1);
    bus.setWord(DATA + 0x2000, 2);
    hart.mem.lw(VA);
    hart.mem.lw(VA + 0x1000);
    pt.map4k(VA, DATA + 0x2000, V | R | A);
    pt.map4k(VA + 0x1000, DATA + 0x2000, V | R | A);
    hart.sfenceVma(VA, 0, SFENCE_A0);
    assert.deepEqual([hart.mem.lw(VA), hart.mem.lw(VA + 0x1000)], [2, 1]);
    hart.sfenceVma(0, 0, SFENCE_ALL);
    assert.deepEqual([hart.mem.lw(VA), hart.mem.lw(VA + 0x1000)], [2, 2]);
  });

  it('flushes everything on a one-page sfence.vma once superpages were cached', () => {
    const { hart, bus, pt } = setup();
    pt.map4m(0x4040_0000, RAM_BASE + 0x40_0000, V | R | A);
    bus.setWord(RAM_BASE + 0x40_5000, 1);
    assert.equal(hart.mem.lw(0x4040_5000), 1);
    pt.map4m(0x4040_0000, RAM_BASE, V | R | A);
    bus.setWord(RAM_BASE + 0x5000, 2);
    hart.sfenceVma(0x4040_0000, 0, SFENCE_A0); // fences the first page; the cached one is another
    assert.equal(hart.mem.lw(0x4040_5000), 2);
  });

  it('does not let a store reuse a load-only TLB entry (D must be set by a walk)', () => {
    const { hart, bus, pt } = setup();
    const e = pt.map4k(VA, DATA, V | R | W | A);
    hart.mem.lw(VA);
    assert.equal(bus.word(e) & D, 0);
    hart.mem.sw(VA, 1);
    assert.equal(bus.word(e) & D, D);
  });

  it('keeps S-mode and U-mode translations apart across privilege switches', () => {
    const { hart, bus, pt } = setup();
    pt.map4k(VA, DATA, V | R | A); // supervisor page
    bus.setWord(DATA, 4);
    assert.equal(hart.mem.lw(VA), 4);
    hart.priv = 3;
    enterMode(hart, 0);
    assert.equal(trapOf(hart, () => hart.mem.lw(VA)).cause, 13, 'the S-mode TLB entry does not leak to U');
  });

  it('fetches through the MMU and refuses non-executable physical memory', () => {
    const { hart, pt } = setup();
    pt.map4k(VA, DATA, V | R | X | A);
    pt.map4k(VA + 0x1000, DEV_BASE, V | R | X | A);
    assert.equal(hart.translateFetch(VA + 0x22), DATA + 0x22);
    assert.equal(hart.translateFetch(VA + 0x24), DATA + 0x24);
    assert.deepEqual(trapOf(hart, () => hart.translateFetch(VA + 0x1000)), { cause: 1, tval: VA + 0x1000 });
  });

  it('reports privilege and translation in fetchFlags', () => {
    const { hart } = setup();
    assert.equal(hart.fetchFlags(), 1 | 4);
    hart.priv = 3;
    assert.equal(hart.fetchFlags(), 3, 'M-mode is never translated');
    enterMode(hart, 0);
    assert.equal(hart.fetchFlags(), 0 | 4);
    hart.priv = 3;
    hart.csrWrite(CSR.satp, 0, 0, 0);
    enterMode(hart, 1);
    assert.equal(hart.fetchFlags(), 1);
  });
});
