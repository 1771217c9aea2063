/**
 * The storage behind the CSRs: the values as the hart holds them. What each CSR number reads and
 * writes (masks, views, side effects) is in csr-table.ts; this file only knows the power-on state.
 * All values are int32, as in the register file.
 */
import { Counter, HPM_COUNTERS } from './counters';
import { Pmp } from './pmp';

/** Counter indices, as in the CSR numbers and mcountinhibit: 0 cycle, 2 instret, 3.. hpm. */
export const FIRST_HPM = 3;
export const LAST_HPM = FIRST_HPM + HPM_COUNTERS - 1;

export class CsrState {
  mstatus = 0;
  medeleg = 0;
  mideleg = 0;
  mie = 0;
  /** mip bits software wrote (SSIP, STIP, SEIP, LCOFIP). */
  mipSw = 0;
  /** mip bits driven by devices through setPending; reads see the OR of both (the spec's SEIP rule). */
  mipHw = 0;
  mtvec = 0;
  mcounteren = 0;
  mcountinhibit = 0;
  mscratch = 0;
  mepc = 0;
  mcause = 0;
  mtval = 0;
  menvcfg = 0;
  menvcfgh = 0;

  stvec = 0;
  scounteren = 0;
  senvcfg = 0;
  sscratch = 0;
  sepc = 0;
  scause = 0;
  stval = 0;
  satp = 0;

  /** mhpmevent3..31 (indexed by counter number; 0..2 unused). */
  readonly mhpmevent = new Int32Array(32);
  /** Counters by index; undefined where there is none (1 is time, which comes from the CLINT). */
  readonly counters: (Counter | undefined)[] = [];
  readonly pmp = new Pmp();

  constructor() {
    for (const n of [0, 2]) this.counters[n] = new Counter();
    for (let n = FIRST_HPM; n <= LAST_HPM; n++) this.counters[n] = new Counter();
    this.reset();
  }

  get mip(): number {
    return this.mipSw | this.mipHw;
  }

  /** Power-on values (QEMU 7.2: all of these read zero after reset; -M virt then boots at 0x1000). */
  reset(): void {
    this.mstatus = this.medeleg = this.mideleg = this.mie = this.mipSw = 0;
    this.mtvec = this.mcounteren = this.mcountinhibit = this.mscratch = 0;
    this.mepc = this.mcause = this.mtval = this.menvcfg = this.menvcfgh = 0;
    this.stvec = this.scounteren = this.senvcfg = this.sscratch = 0;
    this.sepc = this.scause = this.stval = this.satp = 0;
    this.mhpmevent.fill(0);
    for (const c of this.counters) c?.reset();
    // An hpm counter counts only with an event selected (mhpmevent 0 = none).
    for (let n = FIRST_HPM; n <= LAST_HPM; n++) this.counters[n]!.setCounting(0, false);
    this.pmp.reset();
  }
}
