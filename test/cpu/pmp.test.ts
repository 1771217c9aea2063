/** PMP: address modes, priority, partial matches, default rules, locking, and the TLB's page check. */
import { strict as assert } from 'assert';
import { CSR } from '../../emulator/isa/csr-names';
import { Pmp, PmpPerm } from '../../emulator/cpu/pmp';
import { newHart, trapOf, enterMode, RAM_BASE } from './fake-bus';
import { PageTables } from './page-tables';
import * as Pte from './page-tables';

const DATA = RAM_BASE + 0x1_0000;
/** pmpcfg bits (not the PTE bits of the same names). */
const R = 1, W = 2, X = 4, TOR = 1 << 3, NA4 = 2 << 3, NAPOT = 3 << 3, L = 0x80;

/** pmpaddr for a naturally aligned power-of-two region. */
const napot = (base: number, size: number) => ((base >>> 2) | ((size >>> 3) - 1)) >>> 0;

function sMode(cfg0: number, addrs: number[]) {
  const { hart, bus } = newHart();
  addrs.forEach((a, i) => hart.pokeCsr(CSR.pmpaddr0 + i, a));
  hart.pokeCsr(CSR.pmpcfg0, cfg0);
  enterMode(hart, 1);
  return { hart, bus };
}

const canLoad = (h: ReturnType<typeof newHart>['hart'], va: number) => {
  try { h.mem.lw(va); return true; } catch { return false; }
};

describe('PMP', () => {
  it('refuses S/U-mode everything while no entry is active, M-mode nothing', () => {
    const { hart } = newHart();
    hart.mem.lw(DATA);
    enterMode(hart, 1);
    assert.deepEqual(trapOf(hart, () => hart.mem.lw(DATA)), { cause: 5, tval: DATA });
    assert.deepEqual(trapOf(hart, () => hart.translateFetch(DATA)), { cause: 1, tval: DATA });
  });

  it('grants a NAPOT region its permissions: R-only gives 7 on store and 1 on fetch', () => {
    const { hart } = sMode(NAPOT | R, [napot(DATA, 256)]);
    hart.mem.lw(DATA + 252);
    assert.deepEqual(trapOf(hart, () => hart.mem.sw(DATA, 0)), { cause: 7, tval: DATA });
    assert.deepEqual(trapOf(hart, () => hart.translateFetch(DATA)), { cause: 1, tval: DATA });
    assert.deepEqual(trapOf(hart, () => hart.mem.lw(DATA + 256)), { cause: 5, tval: DATA + 256 }, 'outside: default deny');
  });

  it('refuses an access only partly inside the matching entry', () => {
    const { hart } = sMode(NAPOT | R | (NAPOT | R | W | X) << 8, [napot(DATA, 256), 0xffffffff]);
    assert.deepEqual(trapOf(hart, () => hart.mem.lw(DATA + 254)), { cause: 5, tval: DATA + 254 });
  });

  it('matches TOR ranges from the previous address (from 0 for entry 0)', () => {
    const { hart } = sMode(TOR << 8 | (NAPOT | R | W | X) << 16, [DATA >>> 2, (DATA + 64) >>> 2, 0xffffffff]);
    assert.equal(canLoad(hart, DATA), false);
    assert.equal(canLoad(hart, DATA + 60), false);
    assert.equal(canLoad(hart, DATA + 64), true);
    assert.equal(canLoad(hart, DATA - 4), true);
    const t = sMode(TOR | R, [(DATA >>> 2)]).hart;
    assert.equal(canLoad(t, DATA - 4), true);
    assert.equal(canLoad(t, DATA), false);
  });

  it('matches NA4 on exactly four bytes, and the lowest-numbered entry wins', () => {
    const { hart } = sMode(NA4 | (NAPOT | R | W | X) << 8, [DATA >>> 2, 0xffffffff]);
    assert.equal(canLoad(hart, DATA), false);
    assert.equal(canLoad(hart, DATA + 4), true);
    assert.equal(canLoad(hart, DATA - 4), true);
  });

  it('checks every access on a page PMP splits (no TLB shortcut past a small region)', () => {
    const { hart } = sMode((NA4 | R | W) | (NAPOT | R) << 8, [DATA >>> 2, 0xffffffff]);
    hart.mem.sw(DATA, 1);
    hart.mem.sw(DATA, 2);
    assert.deepEqual(trapOf(hart, () => hart.mem.sw(DATA + 4, 0)), { cause: 7, tval: DATA + 4 });
  });

  it('drops cached permissions when PMP changes', () => {
    const { hart } = sMode(NAPOT | R | W | X, [0xffffffff]);
    hart.mem.lw(DATA);
    hart.mem.sw(DATA, 1);
    hart.priv = 3;
    const e = hart.mmuEpoch;
    hart.csrWrite(CSR.pmpcfg0, NAPOT | X, 0, 0);
    assert.equal(hart.mmuEpoch, e + 1);
    enterMode(hart, 1);
    assert.equal(trapOf(hart, () => hart.mem.lw(DATA)).cause, 5);
    assert.equal(trapOf(hart, () => hart.mem.sw(DATA, 0)).cause, 7);
  });

  it('lets M-mode ignore unlocked entries but obey locked ones', () => {
    const { hart } = newHart();
    hart.pokeCsr(CSR.pmpaddr0, napot(DATA, 256));
    hart.pokeCsr(CSR.pmpcfg0, NAPOT);
    hart.mem.sw(DATA, 1);
    hart.pokeCsr(CSR.pmpcfg0, NAPOT | R | L);
    assert.equal(hart.mem.lw(DATA), 1);
    assert.deepEqual(trapOf(hart, () => hart.mem.sw(DATA, 0)), { cause: 7, tval: DATA });
    hart.mem.sw(DATA + 256, 0);
  });

  it('ignores writes to locked entries, and to the address below a locked TOR entry', () => {
    const { hart } = newHart();
    hart.csrWrite(CSR.pmpaddr0, 0x1234, 0, 0);
    hart.csrWrite(CSR.pmpcfg0, (TOR | L) << 8 | NA4 | L, 0, 0);
    hart.csrWrite(CSR.pmpcfg0, 0, 0, 0);
    assert.equal(hart.peekCsr(CSR.pmpcfg0), ((TOR | L) << 8 | NA4 | L) >>> 0);
    hart.csrWrite(CSR.pmpaddr0, 0, 0, 0);
    assert.equal(hart.peekCsr(CSR.pmpaddr0), 0x1234);
    hart.csrWrite(CSR.pmpaddr2, 0x55, 0, 0);
    hart.csrWrite(CSR.pmpcfg0, ((TOR | L) << 24) >>> 0, 0, 0);
    hart.csrWrite(CSR.pmpaddr2, 0x66, 0, 0);
    assert.equal(hart.peekCsr(CSR.pmpaddr2), 0x55);
  });

  it('reads cfg bits 6:5 as zero and keeps the reserved R=0 W=1 as written (QEMU)', () => {
    const { hart } = newHart();
    hart.csrWrite(CSR.pmpcfg1, 0x7f601802, 0, 0);
    assert.equal(hart.peekCsr(CSR.pmpcfg1), 0x1f001802);
  });

  it('checks page-table reads as S-mode accesses', () => {
    const { hart, bus } = newHart();
    const pt = new PageTables(bus);
    pt.map4k(0x4000_0000, DATA, Pte.V | Pte.R | Pte.W | Pte.X | Pte.A | Pte.D);
    // Everything allowed except the page-table area.
    hart.pokeCsr(CSR.pmpaddr0, napot(pt.root, 0x1_0000));
    hart.pokeCsr(CSR.pmpaddr1, 0xffffffff);
    hart.pokeCsr(CSR.pmpcfg0, NAPOT | (NAPOT | R | W | X) << 8);
    hart.pokeCsr(CSR.satp, pt.satp);
    enterMode(hart, 1);
    assert.deepEqual(trapOf(hart, () => hart.mem.lw(0x4000_0000)), { cause: 5, tval: 0x4000_0000 });
  });

  it('decodes NAPOT sizes from trailing ones, up to the whole space', () => {
    const pmp = new Pmp();
    pmp.writeAddr(0, napot(0x8000_0000, 0x1000));
    pmp.writeCfg(0, NAPOT | R);
    assert.equal(pmp.check(0x8000_0ffc, 4, PmpPerm.R, false), true);
    assert.equal(pmp.check(0x8000_1000, 4, PmpPerm.R, false), false);
    assert.equal(pmp.check(0x7fff_fffc, 4, PmpPerm.R, false), false);
    pmp.writeAddr(0, 0xffffffff);
    assert.equal(pmp.check(0xffff_fffc, 4, PmpPerm.R, false), true);
    assert.equal(pmp.check(0, 4, PmpPerm.R, false), true);
    assert.equal(pmp.check(0, 4, PmpPerm.W, false), false);
  });
});
