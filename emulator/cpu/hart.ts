/**
 * One RV32IMAC hart with M, S and U modes: registers, privilege, CSRs, traps and interrupts. Memory
 * access lives in mem-access.ts (MemUnit, exposed as `mem`), CSR behaviour in csr-table.ts, trap entry
 * and return in traps.ts; this class ties them together and implements the contracts in hart-api.ts.
 */
import type { Bus } from '../machine/bus-api';
import { AmoOp, HartControl, Irq } from './hart-api';
import { TRAP_SIGNAL } from './trap-signal';
import { PC_INDEX } from '../ir/ir';
import { Cause } from './causes';
import { CsrState } from './csr-state';
import { CSR_TABLE, CsrRow, SATP_MODE } from './csr-table';
import { MS } from './mstatus';
import { pickInterrupt } from './interrupts';
import { Priv } from './privilege';
import { MemUnit } from './mem-access';
import { AtomicUnit } from './atomics';
import { mret, sret, takeTrap } from './traps';

export interface HartOptions {
  readonly bus: Bus;
  readonly hartId: number;
}

/** fetchFlags() layout: privilege in bits 1:0, address translation on in bit 2 (tb/engine.ts FLAG_MMU). */
export const FETCH_FLAG_MMU = 4;

/** Retired instructions per 10 MHz timebase tick at the nominal 1 GHz (the default time source). */
const INSNS_PER_TICK = 100;

export class Hart implements HartControl {
  readonly x = new Int32Array(33);
  readonly hartId: number;
  readonly bus: Bus;
  readonly csr = new CsrState();
  readonly mem: MemUnit;
  private readonly atomics: AtomicUnit;

  priv: number = Priv.M;
  icount = 0;
  waiting = false;
  attention = false;
  stopRequested = false;
  onSemihosting: ((h: HartControl) => void) | null = null;
  pendingCause = 0;
  pendingTval = 0;
  mmuEpoch = 0;
  /** Until the board connects the CLINT: mtime as ARCHITECTURE.md defines it from icount. */
  timeSource: () => number = () => Math.floor(this.icount / INSNS_PER_TICK);

  constructor(opts: HartOptions) {
    this.bus = opts.bus;
    this.hartId = opts.hartId;
    this.mem = new MemUnit(this, opts.bus);
    this.atomics = new AtomicUnit(this, this.mem);
    this.reset(0);
  }

  get pc(): number {
    return this.x[PC_INDEX] >>> 0;
  }

  set pc(v: number) {
    this.x[PC_INDEX] = v;
  }

  get semihostingEnabled(): boolean {
    return this.onSemihosting !== null;
  }

  raise(cause: number, tval: number): never {
    this.pendingCause = cause;
    this.pendingTval = tval | 0;
    throw TRAP_SIGNAL;
  }

  // ---- CSRs ----

  csrRead(csr: number, raw: number, insnIndex: number, write: boolean): number {
    const row = this.checkedRow(csr, raw, write);
    return row.read(this, this.icount + insnIndex, write) | 0;
  }

  csrWrite(csr: number, value: number, raw: number, insnIndex: number): void {
    const row = this.checkedRow(csr, raw, true);
    // The written value is what the next instruction sees, so counters start from it one later.
    row.write?.(this, value | 0, this.icount + insnIndex + 1);
  }

  /** The row for an access the current privilege may make; raises illegal instruction otherwise. */
  private checkedRow(csr: number, raw: number, write: boolean): CsrRow {
    const row = CSR_TABLE[csr & 0xfff];
    if (row === undefined || ((csr >>> 8) & 3) > this.priv || (write && (csr >>> 10) === 3) ||
        (row.allowed !== undefined && !row.allowed(this))) {
      this.raise(Cause.IllegalInsn, raw);
    }
    return row;
  }

  peekCsr(csr: number): number | undefined {
    const row = CSR_TABLE[csr & 0xfff];
    return row === undefined ? undefined : row.read(this, this.icount, false) >>> 0;
  }

  pokeCsr(csr: number, value: number): boolean {
    const row = CSR_TABLE[csr & 0xfff];
    if (row === undefined || row.write === undefined) return false;
    row.write(this, value | 0, this.icount);
    return true;
  }

  /** After a write to mstatus/sstatus: translation context, and interrupts may have been enabled. */
  statusChanged(): void {
    this.mem.updateContext();
    this.attention = true;
  }

  satpChanged(): void {
    this.mem.tlb.flushTranslated();
    this.mem.updateContext();
    this.mmuEpoch++;
  }

  /** PMP decides fetch permission too, so translations made under the old rules are dropped as well. */
  pmpChanged(): void {
    this.mem.tlb.flushAll();
    this.mmuEpoch++;
  }

  /** After a trap or xRET: new privilege (and maybe mstatus) for translation; reservations end. */
  privilegeChanged(): void {
    this.atomics.clearReservation();
    this.mem.updateContext();
    this.attention = true;
  }

  // ---- Privileged instructions ----

  mret(raw: number): void {
    mret(this, raw);
  }

  sret(raw: number): void {
    sret(this, raw);
  }

  /** U-mode may never wait (S-mode exists); S-mode may not when TW is set (QEMU traps at once). */
  wfi(raw: number): void {
    if (this.priv === Priv.U || (this.priv === Priv.S && (this.csr.mstatus & MS.TW) !== 0)) {
      this.raise(Cause.IllegalInsn, raw);
    }
    if (!this.wakeupPending()) this.waiting = true;
    this.attention = true;
  }

  /**
   * Flushes one page (rs1 != x0) or everything. Entries are not tagged with ASIDs (every satp write
   * flushes), so the ASID operand only narrows what the guest asked for and is ignored.
   */
  sfenceVma(va: number, _asid: number, raw: number): void {
    if (this.priv === Priv.U || (this.priv === Priv.S && (this.csr.mstatus & MS.TVM) !== 0)) {
      this.raise(Cause.IllegalInsn, raw);
    }
    if (((raw >>> 15) & 31) === 0) this.mem.tlb.flushTranslated();
    else this.mem.tlb.flushPage(va);
    this.mmuEpoch++;
  }

  /**
   * Nothing to do: every store into a page holding translated code already invalidates that code
   * (bus.codePages / onCodeWrite), so no stale translation can exist when fence.i runs.
   */
  fenceI(): void {}

  lr(va: number): number {
    return this.atomics.lr(va);
  }

  sc(va: number, v: number, rd: number): number {
    return this.atomics.sc(va, v, rd);
  }

  amo(op: AmoOp, va: number, v: number, rd: number): number {
    return this.atomics.amo(op, va, v, rd);
  }

  semihosting(): void {
    this.onSemihosting?.(this);
  }

  // ---- Traps and interrupts ----

  enterTrap(): void {
    takeTrap(this, this.pendingCause, this.pendingTval, false);
  }

  takeInterrupt(): boolean {
    const c = this.csr;
    const irq = pickInterrupt(c.mip & c.mie, c.mideleg, this.priv, c.mstatus);
    if (irq < 0) return false;
    this.waiting = false;
    takeTrap(this, irq, 0, true);
    return true;
  }

  wakeupPending(): boolean {
    return (this.csr.mip & this.csr.mie) !== 0;
  }

  setPending(irq: Irq, level: boolean): void {
    const bit = 1 << irq;
    const c = this.csr;
    if (level) {
      c.mipHw |= bit;
      if ((c.mie & bit) !== 0) this.waiting = false;
      this.attention = true;
    } else {
      c.mipHw &= ~bit;
    }
  }

  // ---- Fetch ----

  translateFetch(va: number): number {
    return this.mem.translateFetch(va);
  }

  fetchFlags(): number {
    const paging = (this.csr.satp & SATP_MODE) !== 0 && this.priv !== Priv.M;
    return this.priv | (paging ? FETCH_FLAG_MMU : 0);
  }

  // ---- Reset ----

  /**
   * Power-on state, as QEMU 7.2 resets a hart: M-mode, every CSR zero except the constants (misa,
   * IDs), PMP off. Interrupt lines stay as the devices drive them; the devices reset themselves.
   */
  reset(resetPc: number): void {
    this.x.fill(0);
    this.x[PC_INDEX] = resetPc;
    this.priv = Priv.M;
    this.icount = 0;
    this.waiting = false;
    this.stopRequested = false;
    this.pendingCause = 0;
    this.pendingTval = 0;
    this.csr.reset();
    this.mem.flushTlb();
    this.privilegeChanged();
    this.mmuEpoch++;
  }
}
