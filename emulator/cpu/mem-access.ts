/**
 * Guest loads, stores and instruction fetch at virtual addresses (`hart.mem`).
 *
 * Fast path: one TLB compare whose tag also encodes alignment (the address masked with the page and
 * the access's low bits must equal the page tag), one add, one typed-array access. Everything else
 * (misses, misaligned accesses, devices, PMP-fragmented pages, faults) takes the slow path here.
 *
 * Misaligned loads and stores are performed, not trapped, as QEMU 7.2 does for -M virt; one that
 * crosses a page translates both pages before touching memory and reports a fault in the second page
 * with that page's address as tval (both checked on QEMU).
 */
import type { MemAccess } from './hart-api';
import type { Bus } from '../machine/bus-api';
import type { Hart } from './hart';
import { SMC_SIGNAL } from './trap-signal';
import { Access, ACCESS_FAULT, Cause, PAGE_FAULT } from './causes';
import { MS } from './mstatus';
import { PERM_FOR_ACCESS } from './pmp';
import { Priv } from './privilege';
import { Sv32, Walk } from './mmu';
import { Tlb, TlbCtx, TLB_MASK } from './tlb';
import { SATP_MODE } from './csr-table';

const PAGE = 4096;
/** Tag masks: the page plus the low bits that must be zero for an aligned access of that size. */
const TAG1 = -4096;
const TAG2 = -4096 | 1;
const TAG4 = -4096 | 3;

/**
 * Debugger data watchpoints. Only the slow path consults them: a watched page never gets a TLB entry,
 * so every access to it comes here, and pages without watchpoints keep the one-compare fast path.
 */
export interface WatchHook {
  /** Whether the 4 KiB virtual page holding `va` has a watchpoint (then it must not enter the TLB). */
  watchesPage(va: number): boolean;
  /** Called before a data access of `size` bytes at `va`; true stops before it (WATCH_SIGNAL). */
  hit(va: number, size: number, write: boolean): boolean;
}

/**
 * Thrown (preallocated, like TRAP_SIGNAL) before an access a watchpoint matched: nothing of the
 * instruction has happened, pc is synced to it, and the dispatcher stops (StopReason.Watchpoint).
 */
export const WATCH_SIGNAL: { readonly kind: 'watchpoint' } = Object.freeze({ kind: 'watchpoint' as const });

/** A bus that may overlay devices on RAM pages (machine/bus.ts marks those in ioPages). */
interface MaybeOverlaidBus extends Bus {
  readonly ioPages?: Uint8Array;
}

export class MemUnit implements MemAccess {
  // The current contexts' TLB views (repointed by updateContext, never reallocated).
  private rTag: Int32Array;
  private rAdd: Int32Array;
  private wTag: Int32Array;
  private wAdd: Int32Array;
  private xTag: Int32Array;
  private xAdd: Int32Array;

  private readonly ram: Uint8Array;
  private readonly ram16: Uint16Array;
  private readonly ram32: Int32Array;
  private readonly ramView: DataView;
  private readonly codePages: Uint8Array;
  private readonly ioPages: Uint8Array | null;
  private readonly ramBase: number;
  private readonly ramSize: number;

  readonly tlb = new Tlb();
  private readonly sv32: Sv32;
  /** Data watchpoints (set through setWatch), or null: then nothing here looks at them. */
  private watch: WatchHook | null = null;

  // The translation state the slow path needs, derived from privilege, mstatus and satp.
  private dataCtx = TlbCtx.M;
  private fetchCtx = TlbCtx.M;
  private dataPriv: number = Priv.M;
  private dataMmu = false;
  private fetchMmu = false;
  private sum = false;
  private mxr = false;

  constructor(private readonly hart: Hart, private readonly bus: Bus) {
    this.ram = bus.ram;
    this.ram16 = bus.ram16;
    this.ram32 = bus.ram32;
    this.ramView = bus.ramView;
    this.codePages = bus.codePages;
    this.ioPages = (bus as MaybeOverlaidBus).ioPages ?? null;
    this.ramBase = bus.ramBase;
    this.ramSize = bus.ramSize;
    this.sv32 = new Sv32(bus, hart.csr.pmp);
    [this.rTag, this.rAdd] = this.tlb.view(Access.Load, TlbCtx.M);
    [this.wTag, this.wAdd] = this.tlb.view(Access.Store, TlbCtx.M);
    [this.xTag, this.xAdd] = this.tlb.view(Access.Fetch, TlbCtx.M);
  }

  // ---- MemAccess: the fast paths ----

  lb(va: number): number {
    const i = (va >>> 12) & TLB_MASK;
    if (this.rTag[i] === (va & TAG1)) return (this.ram[(va + this.rAdd[i]) | 0] << 24) >> 24;
    return (this.loadSlow(va, 1) << 24) >> 24;
  }

  lbu(va: number): number {
    const i = (va >>> 12) & TLB_MASK;
    if (this.rTag[i] === (va & TAG1)) return this.ram[(va + this.rAdd[i]) | 0];
    return this.loadSlow(va, 1) & 0xff;
  }

  lh(va: number): number {
    const i = (va >>> 12) & TLB_MASK;
    if (this.rTag[i] === (va & TAG2)) return (this.ram16[((va + this.rAdd[i]) | 0) >>> 1] << 16) >> 16;
    return (this.loadSlow(va, 2) << 16) >> 16;
  }

  lhu(va: number): number {
    const i = (va >>> 12) & TLB_MASK;
    if (this.rTag[i] === (va & TAG2)) return this.ram16[((va + this.rAdd[i]) | 0) >>> 1];
    return this.loadSlow(va, 2) & 0xffff;
  }

  lw(va: number): number {
    const i = (va >>> 12) & TLB_MASK;
    if (this.rTag[i] === (va & TAG4)) return this.ram32[((va + this.rAdd[i]) | 0) >>> 2];
    return this.loadSlow(va, 4) | 0;
  }

  sb(va: number, v: number): void {
    const i = (va >>> 12) & TLB_MASK;
    if (this.wTag[i] === (va & TAG1)) {
      const off = (va + this.wAdd[i]) | 0;
      this.ram[off] = v;
      if (this.codePages[off >>> 12] !== 0) this.bus.onCodeWrite(this.ramBase + off);
      return;
    }
    this.storeSlow(va, 1, v);
  }

  sh(va: number, v: number): void {
    const i = (va >>> 12) & TLB_MASK;
    if (this.wTag[i] === (va & TAG2)) {
      const off = (va + this.wAdd[i]) | 0;
      this.ram16[off >>> 1] = v;
      if (this.codePages[off >>> 12] !== 0) this.bus.onCodeWrite(this.ramBase + off);
      return;
    }
    this.storeSlow(va, 2, v);
  }

  sw(va: number, v: number): void {
    const i = (va >>> 12) & TLB_MASK;
    if (this.wTag[i] === (va & TAG4)) {
      const off = (va + this.wAdd[i]) | 0;
      this.ram32[off >>> 2] = v;
      if (this.codePages[off >>> 12] !== 0) this.bus.onCodeWrite(this.ramBase + off);
      return;
    }
    this.storeSlow(va, 4, v);
  }

  /** Physical address of an instruction fetch at `va` (MMU, PMP, executable memory); raises 12 or 1. */
  translateFetch(va: number): number {
    const i = (va >>> 12) & TLB_MASK;
    if (this.xTag[i] === (va & TAG1)) return (va + this.xAdd[i]) >>> 0;
    return this.fetchSlow(va);
  }

  // ---- State changes ----

  /** Recomputes the translation contexts after a change of privilege, mstatus or satp. */
  updateContext(): void {
    const h = this.hart;
    const s = h.csr.mstatus;
    const priv = h.priv;
    const dataPriv = priv === Priv.M && (s & MS.MPRV) !== 0 ? (s & MS.MPP) >>> MS.MPP_SHIFT : priv;
    const mxr = (s & MS.MXR) !== 0;
    // MXR changes what translated loads may read, and it is not part of the context.
    if (mxr !== this.mxr) this.tlb.flushTranslated();
    this.mxr = mxr;
    this.sum = (s & MS.SUM) !== 0;
    this.dataPriv = dataPriv;
    const paging = (h.csr.satp & SATP_MODE) !== 0;
    this.dataMmu = paging && dataPriv !== Priv.M;
    this.fetchMmu = paging && priv !== Priv.M;
    this.dataCtx = dataPriv === Priv.M ? TlbCtx.M : dataPriv === Priv.S ? (this.sum ? TlbCtx.SSum : TlbCtx.S) : TlbCtx.U;
    this.fetchCtx = priv === Priv.M ? TlbCtx.M : priv === Priv.S ? TlbCtx.S : TlbCtx.U;
    const r = this.tlb.view(Access.Load, this.dataCtx);
    const w = this.tlb.view(Access.Store, this.dataCtx);
    const x = this.tlb.view(Access.Fetch, this.fetchCtx);
    this.rTag = r[0];
    this.rAdd = r[1];
    this.wTag = w[0];
    this.wAdd = w[1];
    this.xTag = x[0];
    this.xAdd = x[1];
  }

  // ---- Slow paths ----

  private loadSlow(va: number, size: 1 | 2 | 4): number {
    if ((va & (size - 1)) === 0) {
      const pa = this.translateData(va, Access.Load, size, PERM_FOR_ACCESS[Access.Load]);
      return this.readPhys(pa, size, va, Access.Load);
    }
    return this.loadMisaligned(va, size);
  }

  private storeSlow(va: number, size: 1 | 2 | 4, v: number): void {
    if ((va & (size - 1)) === 0) {
      const pa = this.translateData(va, Access.Store, size, PERM_FOR_ACCESS[Access.Store]);
      this.writePhys(pa, size, v, va, Access.Store);
      return;
    }
    this.storeMisaligned(va, size, v);
  }

  private loadMisaligned(va: number, size: number): number {
    const inPage = PAGE - (va & 0xfff);
    const i = (va >>> 12) & TLB_MASK;
    if (inPage >= size && this.rTag[i] === (va & TAG1)) {
      const off = (va + this.rAdd[i]) | 0;
      return size === 2 ? this.ramView.getUint16(off, true) : this.ramView.getInt32(off, true);
    }
    const first = Math.min(inPage, size);
    const need = PERM_FOR_ACCESS[Access.Load];
    const pa1 = this.translateData(va, Access.Load, first, need);
    if (first === size) return this.readBytes(pa1, size, va);
    const va2 = (va + first) | 0;
    const pa2 = this.translateData(va2, Access.Load, size - first, need);
    return (this.readBytes(pa1, first, va) | (this.readBytes(pa2, size - first, va2) << (8 * first))) | 0;
  }

  private storeMisaligned(va: number, size: number, v: number): void {
    const inPage = PAGE - (va & 0xfff);
    const first = Math.min(inPage, size);
    const need = PERM_FOR_ACCESS[Access.Store];
    // Both halves are translated (and may fault) before any byte is written.
    const pa1 = this.translateData(va, Access.Store, first, need);
    const va2 = (va + first) | 0;
    const pa2 = first === size ? 0 : this.translateData(va2, Access.Store, size - first, need);
    for (let k = 0; k < size; k++) {
      const pa = k < first ? pa1 + k : pa2 + (k - first);
      this.writeByteQuiet(pa, (v >>> (8 * k)) & 0xff, k < first ? va : va2);
    }
    this.codeWritten(pa1, first, pa2, size - first);
  }

  private readBytes(pa: number, n: number, va: number): number {
    let v = 0;
    for (let k = 0; k < n; k++) v |= this.readPhys(pa + k, 1, va, Access.Load) << (8 * k);
    return v;
  }

  /**
   * Translates a data access of `size` bytes at `va` (within one page) and checks PMP for `need`.
   * When the whole page is plain RAM and PMP allows all of it, the TLB learns the page.
   */
  translateData(va: number, access: Access, size: number, need: number): number {
    if (this.watch !== null && this.watch.hit(va, size, access === Access.Store)) throw WATCH_SIGNAL;
    let pa: number;
    if (this.dataMmu) {
      pa = this.sv32.translate(va, access, this.dataPriv, this.sum, this.mxr, this.hart.csr.satp);
      if (pa < 0) this.hart.raise(pa === Walk.PageFault ? PAGE_FAULT[access] : ACCESS_FAULT[access], va);
    } else {
      pa = va >>> 0;
    }
    const isM = this.dataPriv === Priv.M;
    const pmp = this.hart.csr.pmp;
    const pagePa = pa - (pa % PAGE);
    if (pmp.allowsPage(pagePa, need, isM)) {
      const off = this.ramPageOffset(pagePa);
      if (off >= 0 && (this.watch === null || !this.watch.watchesPage(va))) {
        this.tlb.fill(access, this.dataCtx, va, off - (va & ~0xfff), this.dataMmu && this.sv32.superpage);
      }
    } else if (!pmp.check(pa, size, need, isM)) {
      this.hart.raise(ACCESS_FAULT[access], va);
    }
    return pa;
  }

  private fetchSlow(va: number): number {
    let pa: number;
    if (this.fetchMmu) {
      pa = this.sv32.translate(va, Access.Fetch, this.hart.priv, false, false, this.hart.csr.satp);
      if (pa < 0) this.hart.raise(pa === Walk.PageFault ? Cause.FetchPage : Cause.FetchAccess, va);
    } else {
      pa = va >>> 0;
    }
    const bus = this.bus;
    if (!bus.isExecutable(pa)) this.hart.raise(Cause.FetchAccess, va);
    const isM = this.hart.priv === Priv.M;
    const pmp = this.hart.csr.pmp;
    const need = PERM_FOR_ACCESS[Access.Fetch];
    const pagePa = pa - (pa % PAGE);
    if (pmp.allowsPage(pagePa, need, isM)) {
      if (bus.isExecutable(pagePa) && bus.isExecutable(pagePa + PAGE - 2)) {
        this.tlb.fill(Access.Fetch, this.fetchCtx, va, pagePa - (va & ~0xfff), this.fetchMmu && this.sv32.superpage);
      }
    } else if (!pmp.check(pa, 2, need, isM)) {
      this.hart.raise(Cause.FetchAccess, va);
    }
    return pa;
  }

  /** The RAM offset of a page that is entirely plain RAM (no device overlay), or -1. */
  private ramPageOffset(pagePa: number): number {
    const off = pagePa - this.ramBase;
    if (off < 0 || off + PAGE > this.ramSize) return -1;
    if (this.ioPages !== null && this.ioPages[off >>> 12] !== 0) return -1;
    return off;
  }

  /** The RAM offset of [pa, pa + size) when it is plain RAM, or -1. */
  private ramOffset(pa: number, size: number): number {
    const off = pa - this.ramBase;
    if (off < 0 || off + size > this.ramSize) return -1;
    if (this.ioPages !== null && this.ioPages[off >>> 12] !== 0) return -1;
    return off;
  }

  /** Reads an aligned `size` at `pa`, zero-extended (a word may come back signed); faults report `va`. */
  readPhys(pa: number, size: 1 | 2 | 4, va: number, access: Access): number {
    const off = this.ramOffset(pa, size);
    if (off >= 0) return size === 4 ? this.ram32[off >>> 2] : size === 2 ? this.ram16[off >>> 1] : this.ram[off];
    const bus = this.bus;
    bus.fault = false;
    const v = bus.read(pa, size);
    if (bus.fault) this.hart.raise(ACCESS_FAULT[access], va);
    return v;
  }

  /** Writes an aligned `size` at `pa`, then tells the translation cache if it held code there. */
  writePhys(pa: number, size: 1 | 2 | 4, v: number, va: number, access: Access): void {
    const off = this.ramOffset(pa, size);
    if (off >= 0) {
      if (size === 4) this.ram32[off >>> 2] = v;
      else if (size === 2) this.ram16[off >>> 1] = v;
      else this.ram[off] = v;
      if (this.codePages[off >>> 12] !== 0) this.bus.onCodeWrite(pa);
      return;
    }
    const bus = this.bus;
    bus.fault = false;
    bus.write(pa, size, v);
    if (bus.fault) this.hart.raise(ACCESS_FAULT[access], va);
    // A device write that ends the run (test finisher, HTIF exit) leaves the block at once, as on QEMU:
    // nothing after the store executes.
    if (this.hart.stopRequested) throw SMC_SIGNAL;
  }

  /** One byte of a misaligned store; code notification waits until all bytes are written. */
  private writeByteQuiet(pa: number, v: number, va: number): void {
    const off = this.ramOffset(pa, 1);
    if (off >= 0) {
      this.ram[off] = v;
      return;
    }
    const bus = this.bus;
    bus.fault = false;
    bus.write(pa, 1, v);
    if (bus.fault) this.hart.raise(Cause.StoreAccess, va);
  }

  /**
   * Reports a completed misaligned store (`n1` bytes at `pa1`, then `n2` at `pa2`) to the translation
   * cache, one notification per word touched. The cache may throw SMC_SIGNAL; every word is reported
   * before it is rethrown.
   */
  private codeWritten(pa1: number, n1: number, pa2: number, n2: number): void {
    const smc = this.notifyCode(pa1, n1);
    if ((n2 > 0 && this.notifyCode(pa2, n2)) || smc) throw SMC_SIGNAL;
  }

  /** True when the cache said the running block was overwritten. */
  private notifyCode(pa: number, n: number): boolean {
    let smc = false;
    for (let w = pa - (pa % 4); w < pa + n; w += 4) {
      const off = this.ramOffset(w, 1);
      if (off < 0 || this.codePages[off >>> 12] === 0) continue;
      try {
        this.bus.onCodeWrite(w < pa ? pa : w);
      } catch (e) {
        if (e !== SMC_SIGNAL) throw e;
        smc = true;
      }
    }
    return smc;
  }

  flushTlb(): void {
    this.tlb.flushAll();
  }

  /** Installs (or removes) the debugger's watchpoints; TLB entries made before may cover watched pages. */
  setWatch(hook: WatchHook | null): void {
    this.watch = hook;
    this.tlb.flushAll();
  }
}
