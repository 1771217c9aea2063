/**
 * A hart running the built-in SBI firmware in its M-mode: what OpenSBI would do on it, done by the
 * emulator instead of by guest code. Nothing of the firmware lives in guest memory.
 *
 * - Boot (`bootSupervisor`): the M-mode set-up a firmware leaves behind (delegation, counters, PMP,
 *   timer off), then a real `mret` into S-mode at the kernel with a0 = hart id, a1 = device tree.
 * - Traps: every trap bound for M-mode from S or U is the firmware's. An ecall from S-mode is an SBI
 *   call, answered before any trap state changes (mepc/mcause keep their values, as if the firmware
 *   had saved and restored them); anything else is handed to S-mode as the trap S would have taken had
 *   it been delegated (OpenSBI's sbi_trap_redirect). Traps in M-mode cannot happen (no M-mode code
 *   runs) and are taken normally.
 * - Timer: SBI set_timer programs the CLINT's mtimecmp; OpenSBI's M-timer handler then raises
 *   mip.STIP and the next set_timer clears it, so STIP is exactly the MTIP line. The CLINT's MTIP
 *   stays pending in M-mode but disabled (mie.MTIE = 0), so it never traps to M.
 */
import { Hart, type HartOptions } from '../cpu/hart';
import { Irq } from '../cpu/hart-api';
import { Cause } from '../cpu/causes';
import { MS } from '../cpu/mstatus';
import { Priv } from '../cpu/privilege';
import { TRAP_SIGNAL } from '../cpu/trap-signal';
import { PC_INDEX } from '../ir/ir';
import { CSR } from '../isa/csr-names';
import { SbiFirmware, type SbiHost } from './sbi';
import type { VirtSbiPlatform } from './virt-platform';
import { supervisorEntryState } from './entry-state';

const MRET = 0x30200073;
/** `sfence.vma zero, zero`: what the firmware executes for a remote fence on its own hart. */
const SFENCE_VMA_ALL = 0x12000073;
const SSIP = 1 << Irq.SSIP;

export class SbiHart extends Hart {
  readonly firmware: SbiFirmware;
  private readonly host: SbiHost;
  /** Stopped through HSM hart_stop: nothing wakes it (no other hart can start it). */
  private parked = false;

  constructor(opts: HartOptions, private readonly platform: VirtSbiPlatform) {
    super(opts);
    this.firmware = new SbiFirmware(platform);
    this.host = this.makeHost();
  }

  /** Power-on: the firmware's M-mode set-up, then mret into S-mode at `entry`. */
  bootSupervisor(entry: number, fdtAddress: number): void {
    this.platform.reset();
    for (const [csr, value] of supervisorEntryState(entry)) this.pokeCsr(csr, value);
    this.x[10] = this.hartId;
    this.x[11] = fdtAddress;
    this.mret(MRET);
  }

  override enterTrap(): void {
    const cause = this.pendingCause;
    if (this.priv === Priv.M || ((this.csr.medeleg >>> cause) & 1) !== 0) {
      super.enterTrap();
    } else if (cause === Cause.EcallFromS) {
      this.sbiCall();
    } else {
      this.redirect(cause, this.pendingTval);
    }
  }

  override setPending(irq: Irq, level: boolean): void {
    super.setPending(irq, level);
    if (irq === Irq.MTIP) super.setPending(Irq.STIP, level);
  }

  override wakeupPending(): boolean {
    return !this.parked && super.wakeupPending();
  }

  override takeInterrupt(): boolean {
    return !this.parked && super.takeInterrupt();
  }

  override reset(resetPc: number): void {
    super.reset(resetPc);
    this.parked = false;
  }

  private sbiCall(): void {
    try {
      this.firmware.call(this.host);
      // The ecall counts as one retired instruction, so time moves; the firmware's own instructions
      // cost nothing (deterministic, and independent of how the call is implemented).
      this.icount++;
    } catch (e) {
      // A fault reading the caller's memory (a legacy hart mask) goes back to the caller, at the ecall.
      if (e !== TRAP_SIGNAL) throw e;
      this.redirect(this.pendingCause, this.pendingTval);
    }
  }

  /** Takes the trap in S-mode as if it had been delegated (exceptions only: they go to stvec's base). */
  private redirect(cause: number, tval: number): void {
    const c = this.csr;
    c.scause = cause;
    c.sepc = this.x[PC_INDEX] & ~1;
    c.stval = tval;
    let s = c.mstatus;
    s = (s & MS.SIE) !== 0 ? s | MS.SPIE : s & ~MS.SPIE;
    s &= ~MS.SIE;
    s = this.priv === Priv.S ? s | MS.SPP : s & ~MS.SPP;
    c.mstatus = s;
    this.priv = Priv.S;
    this.x[PC_INDEX] = c.stvec & ~3;
    this.privilegeChanged();
  }

  private waitForInterrupt(): void {
    if (!this.wakeupPending()) this.waiting = true;
    this.attention = true;
  }

  private makeHost(): SbiHost {
    return {
      x: this.x,
      hartId: this.hartId,
      csr: (num) => this.peekCsr(num) ?? 0,
      setSoftwareInterrupt: (level) => {
        this.csr.mipSw = level ? this.csr.mipSw | SSIP : this.csr.mipSw & ~SSIP;
        this.attention = true;
      },
      fenceI: () => this.fenceI(),
      sfenceVma: () => this.sfenceVma(0, 0, SFENCE_VMA_ALL),
      loadWord: (va) => this.mem.lw(va),
      suspend: () => this.waitForInterrupt(),
      suspendAndResumeAt: (addr, opaque) => {
        this.x[PC_INDEX] = addr;
        this.x[10] = this.hartId;
        this.x[11] = opaque;
        this.pokeCsr(CSR.satp, 0);
        this.pokeCsr(CSR.sstatus, this.csr.mstatus & ~MS.SIE);
        this.waitForInterrupt();
      },
      stop: () => {
        this.parked = true;
        this.waiting = true;
        this.attention = true;
      },
    };
  }
}
