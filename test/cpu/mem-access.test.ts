/** Loads and stores: extension, misaligned accesses (QEMU performs them), devices, faults, code pages. */
import { strict as assert } from 'assert';
import { CSR } from '../../emulator/isa/csr-names';
import { SMC_SIGNAL } from '../../emulator/cpu/trap-signal';
import { newHart, trapOf, enterMode, openPmp, RAM_BASE, ROM_BASE, DEV_BASE } from './fake-bus';
import { PageTables, V, R, W, A, D } from './page-tables';

const DATA = RAM_BASE + 0x1_0000;

describe('memory access', () => {
  it('sign- and zero-extends loads', () => {
    const { hart, bus } = newHart();
    bus.setWord(DATA, 0x8081f0ff);
    const m = hart.mem;
    assert.deepEqual([m.lb(DATA), m.lbu(DATA), m.lh(DATA), m.lhu(DATA), m.lw(DATA)],
      [-1, 0xff, -3841, 0xf0ff, 0x8081f0ff | 0]);
    assert.deepEqual([m.lb(DATA + 3), m.lbu(DATA + 3), m.lh(DATA + 2), m.lhu(DATA + 2)], [-128, 0x80, -32639, 0x8081]);
  });

  it('stores the low bits of the value', () => {
    const { hart, bus } = newHart();
    hart.mem.sw(DATA, 0x11223344);
    hart.mem.sh(DATA, 0xabcdef);
    hart.mem.sb(DATA + 3, 0x1ff);
    assert.equal(bus.word(DATA), 0xff22cdef);
  });

  it('performs misaligned loads and stores inside a page without trapping', () => {
    const { hart, bus } = newHart();
    bus.setWord(DATA, 0x03020100);
    bus.setWord(DATA + 4, 0x07060504);
    assert.equal(hart.mem.lw(DATA + 1), 0x04030201);
    assert.equal(hart.mem.lw(DATA + 3), 0x06050403);
    assert.equal(hart.mem.lh(DATA + 1), 0x0201);
    assert.equal(hart.mem.lhu(DATA + 3), 0x0403);
    hart.mem.sw(DATA + 5, 0xaabbccdd | 0);
    assert.equal(bus.word(DATA + 4), 0xbbccdd04);
    assert.equal(bus.word(DATA + 8) & 0xff, 0xaa);
    hart.mem.sh(DATA + 3, 0x1234);
    assert.equal(bus.word(DATA) >>> 24, 0x34);
  });

  it('performs a misaligned access across two mapped pages', () => {
    const { hart, bus } = newHart();
    bus.setWord(DATA + 0xffc, 0x44332211);
    bus.setWord(DATA + 0x1000, 0x88776655);
    assert.equal(hart.mem.lw(DATA + 0xffe), 0x66554433);
    hart.mem.sw(DATA + 0xfff, 0x01020304);
    assert.equal(bus.word(DATA + 0xffc), 0x04332211);
    assert.equal(bus.word(DATA + 0x1000), 0x88010203);
  });

  it('reports a fault in the second page of a misaligned access with that page as tval, writing nothing', () => {
    const { hart, bus } = newHart();
    openPmp(hart);
    const pt = new PageTables(bus);
    pt.map4k(0x4000_0000, DATA, V | R | W | A | D);
    hart.pokeCsr(CSR.satp, pt.satp);
    enterMode(hart, 1);
    assert.deepEqual(trapOf(hart, () => hart.mem.lw(0x4000_0ffe)), { cause: 13, tval: 0x4000_1000 });
    assert.deepEqual(trapOf(hart, () => hart.mem.sw(0x4000_0fff, -1)), { cause: 15, tval: 0x4000_1000 });
    assert.equal(bus.word(DATA + 0xffc), 0, 'the first page was not written');
    assert.deepEqual(trapOf(hart, () => hart.mem.lw(0x3fff_fffe)), { cause: 13, tval: 0x3fff_fffe }, 'first page faults first');
  });

  it('reaches devices through the bus, and access-faults where nothing answers', () => {
    const { hart, bus } = newHart();
    hart.mem.sw(DEV_BASE + 4, 0x12345678);
    assert.equal(hart.mem.lw(DEV_BASE + 4), 0x12345678);
    assert.equal(hart.mem.lbu(DEV_BASE + 5), 0x56);
    hart.mem.sb(DEV_BASE + 8, 0x99);
    assert.deepEqual(bus.dev.log, ['w4@4=305419896', 'r4@4', 'r1@5', 'w1@8=153']);
    assert.deepEqual(trapOf(hart, () => hart.mem.lw(0x2000_0000)), { cause: 5, tval: 0x2000_0000 });
    assert.deepEqual(trapOf(hart, () => hart.mem.sh(0x2000_0002, 0)), { cause: 7, tval: 0x2000_0002 });
    assert.deepEqual(trapOf(hart, () => hart.mem.lb(0)), { cause: 5, tval: 0 });
  });

  it('reads ROM and ignores stores to it (the bus decides)', () => {
    const { hart, bus } = newHart();
    bus.rom[0] = 0x13;
    assert.equal(hart.mem.lw(ROM_BASE), 0x13);
    hart.mem.sw(ROM_BASE, 0);
    assert.equal(hart.mem.lw(ROM_BASE), 0x13);
    assert.equal(hart.translateFetch(ROM_BASE + 2), ROM_BASE + 2);
    assert.deepEqual(trapOf(hart, () => hart.translateFetch(DEV_BASE)), { cause: 1, tval: DEV_BASE });
  });

  it('tells the translation cache about stores into code pages, after the store', () => {
    const { hart, bus } = newHart();
    bus.codePages[(DATA - RAM_BASE) >>> 12] = 1;
    const seen: number[] = [];
    bus.onCodeWrite = (pa) => seen.push(pa >>> 0, bus.word(DATA));
    hart.mem.sw(DATA, 7);
    hart.mem.sw(DATA + 0x1000, 7);
    hart.mem.sb(DATA + 1, 1);
    assert.deepEqual(seen, [DATA, 7, DATA + 1, 0x107]);
  });

  it('reports both words of a misaligned store into code, and lets SMC_SIGNAL out after the store', () => {
    const { hart, bus } = newHart();
    bus.codePages[(DATA - RAM_BASE) >>> 12] = 1;
    const seen: number[] = [];
    bus.onCodeWrite = (pa) => { seen.push(pa >>> 0); throw SMC_SIGNAL; };
    assert.throws(() => hart.mem.sw(DATA + 2, -1), (e) => e === SMC_SIGNAL);
    assert.deepEqual(seen, [DATA + 2, DATA + 4]);
    assert.equal(bus.word(DATA), 0xffff0000);
    assert.equal(bus.word(DATA + 4), 0x0000ffff);
    seen.length = 0;
    assert.throws(() => hart.mem.sw(DATA + 8, 5), (e) => e === SMC_SIGNAL);
    assert.equal(bus.word(DATA + 8), 5);
  });

  it('notices code pages marked after the TLB learned the page', () => {
    const { hart, bus } = newHart();
    hart.mem.sw(DATA, 1);
    bus.codePages[(DATA - RAM_BASE) >>> 12] = 1;
    hart.mem.sw(DATA, 2);
    assert.deepEqual(bus.codeWrites, [DATA]);
  });
});
