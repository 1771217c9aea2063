/**
 * What translated code and the translator's helpers may ask of a hart. The Hart class (cpu/hart.ts)
 * implements this; translate/helpers.ts and the back ends depend only on this interface.
 *
 * Every method that can fault records the trap on the hart and throws TRAP_SIGNAL (cpu/trap-signal.ts).
 */

/** Memory accesses from guest code, at virtual addresses, through MMU, PMP and the bus. */
export interface MemAccess {
  lb(va: number): number;
  lbu(va: number): number;
  lh(va: number): number;
  lhu(va: number): number;
  lw(va: number): number;
  sb(va: number, v: number): void;
  sh(va: number, v: number): void;
  sw(va: number, v: number): void;
}

/** The read-modify-write of an AMO instruction (the value stored is f(old, operand)). */
export const enum AmoOp { Swap = 0, Add, Xor, And, Or, Min, Max, Minu, Maxu }

export interface HartApi {
  /** x0..x31 then pc at index 32 (ir.ts PC_INDEX). */
  readonly x: Int32Array;
  readonly mem: MemAccess;
  /** 0 = U, 1 = S, 3 = M. */
  readonly priv: number;

  /** Records an exception (cause without the interrupt bit, tval) and throws TRAP_SIGNAL. */
  raise(cause: number, tval: number): never;

  /**
   * Zicsr access. `insnIndex` is the position of the instruction in its block, so counters read exactly
   * (the hart's retired count is only brought up to date at block ends). Reads/writes check privilege,
   * read-only CSRs and existence, raising illegal instruction (tval = the instruction bits `raw`).
   * `write` false means the instruction does not write (csrrs/csrrc with rs1 = x0, or zimm = 0).
   */
  csrRead(csr: number, raw: number, insnIndex: number, write: boolean): number;
  csrWrite(csr: number, value: number, raw: number, insnIndex: number): void;

  /** xRET: checks privilege (TSR for sret), updates status and privilege, sets pc (x[32]). */
  mret(raw: number): void;
  sret(raw: number): void;
  /** WFI: checks privilege (TW), then marks the hart waiting; the dispatcher skips ahead in time. */
  wfi(raw: number): void;
  /** sfence.vma: checks privilege (TVM), flushes TLB entries and the affected translations. */
  sfenceVma(va: number, asid: number, raw: number): void;
  /** fence.i: makes stores visible to instruction fetch (invalidates stale translations). */
  fenceI(): void;

  /** lr.w / sc.w: alignment and access checks as a load (lr) or store (sc); sc returns 0 on success. */
  lr(va: number): number;
  sc(va: number, v: number, rd: number): number;
  /**
   * AMO: alignment, store/AMO access checks, the read-modify-write; returns the old value. `rd` (of sc
   * too) is written here as well when the store overwrites the running block's own code: the block is
   * left at once then, before its micro-ops could write the result.
   */
  amo(op: AmoOp, va: number, v: number, rd: number): number;

  /** Semihosting call (a0 = op, a1 = parameter block); returns the new a0. Only when enabled. */
  semihosting(): void;
  readonly semihostingEnabled: boolean;
}

/** mip/mie bit numbers (interrupt causes). */
export const enum Irq { SSIP = 1, MSIP = 3, STIP = 5, MTIP = 7, SEIP = 9, MEIP = 11 }

/**
 * What the machine (devices, board) and the dispatcher (tb/, the run loop) use of a hart, beyond HartApi.
 */
export interface HartControl extends HartApi {
  readonly hartId: number;
  /** Guest pc (alias of x[32]). */
  pc: number;
  /** Retired instructions since reset; minstret/mcycle derive from it. Advanced by the dispatcher. */
  icount: number;
  /** Set by WFI, cleared when an interrupt becomes pending (enabled or not, as the spec says). */
  waiting: boolean;
  /**
   * Set whenever the dispatcher must look at the hart between blocks: an interrupt line rose, a CSR
   * write or xRET may have enabled interrupts, WFI, or a stop was requested. The dispatcher clears it.
   */
  attention: boolean;
  /** Set (with attention) by a device that ends the run (test finisher, HTIF, semihosting exit). */
  stopRequested: boolean;
  /** The semihosting handler installed by the board, or null when semihosting is off. */
  onSemihosting: ((h: HartControl) => void) | null;
  /** The exception recorded by the last raise(); enterTrap() takes it with epc = pc. */
  pendingCause: number;
  pendingTval: number;

  /** Takes the exception recorded by raise(): sets xcause/xepc/xtval/status, privilege and pc. */
  enterTrap(): void;
  /** Takes the highest-priority pending and enabled interrupt, if any (spec priorities, delegation). */
  takeInterrupt(): boolean;
  /** True when some interrupt is pending and enabled in mie (what wakes WFI). */
  wakeupPending(): boolean;
  /** Devices raise or lower interrupt lines (bit numbers from Irq) through this. */
  setPending(irq: Irq, level: boolean): void;

  /** Instruction fetch address translation (MMU + PMP + executable bus region); raises fetch faults. */
  translateFetch(va: number): number;
  /**
   * The state instruction translation depends on, as a small integer (privilege, MMU on/off):
   * part of every translation block's key.
   */
  fetchFlags(): number;
  /** Incremented whenever virtual-to-physical mappings may have changed (satp write, sfence.vma). */
  readonly mmuEpoch: number;

  /** The `time` CSR's source (the CLINT's mtime), set by the board. */
  timeSource: () => number;
  /** Debugger access to CSRs without side effects or privilege checks; undefined if it does not exist. */
  peekCsr(csr: number): number | undefined;
  pokeCsr(csr: number, value: number): boolean;
  /** Power-on state with pc at `resetPc`. */
  reset(resetPc: number): void;
}
