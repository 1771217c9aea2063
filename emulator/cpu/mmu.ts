/**
 * The Sv32 page-table walk (privileged spec 4.3.2): two levels, 4 MiB superpages, permission checks
 * with U/SUM/MXR, and hardware A/D updates as QEMU 7.2 does them (A on any access, D on stores, written
 * back into the PTE; a PTE that is not in RAM cannot be updated and the access page-faults, as in QEMU).
 *
 * Physical addresses are 34 bits in Sv32; this machine has only the low 4 GiB, so a PTE or a leaf
 * beyond it is an access fault (the spec's PMA violation; QEMU 7.2 reports a page fault for a PTE it
 * cannot read, but the spec leaves no choice there).
 */
import type { Bus } from '../machine/bus-api';
import { Access } from './causes';
import { Pmp, PmpPerm } from './pmp';
import { Priv } from './privilege';

export const enum Walk { PageFault = -1, AccessFault = -2 }

const enum Pte { V = 1, R = 2, W = 4, X = 8, U = 16, G = 32, A = 64, D = 128 }

const TWO32 = 0x1_0000_0000;
const PAGE = 4096;

export class Sv32 {
  /** Whether the last successful walk ended at a superpage leaf (for TLB flushing). */
  superpage = false;

  constructor(private readonly bus: Bus, private readonly pmp: Pmp) {}

  /**
   * The physical address for `va`, or a Walk fault code. `priv` is the effective privilege of the
   * access (U or S); `satp` has MODE = Sv32.
   */
  translate(va: number, access: Access, priv: number, sum: boolean, mxr: boolean, satp: number): number {
    let table = (satp & 0x3f_ffff) * PAGE;
    let pteAddr = table + (va >>> 22) * 4;
    let pte = this.readPte(pteAddr);
    if (pte === null) return Walk.AccessFault;
    let level = 1;
    if (!valid(pte)) return Walk.PageFault;
    if ((pte & (Pte.R | Pte.X)) === 0) {
      table = (pte >>> 10) * PAGE;
      pteAddr = table + ((va >>> 12) & 0x3ff) * 4;
      pte = this.readPte(pteAddr);
      if (pte === null) return Walk.AccessFault;
      level = 0;
      if (!valid(pte) || (pte & (Pte.R | Pte.X)) === 0) return Walk.PageFault;
    }
    if (!permits(pte, access, priv, sum, mxr)) return Walk.PageFault;
    // A superpage's PPN[0] must be zero.
    if (level === 1 && ((pte >>> 10) & 0x3ff) !== 0) return Walk.PageFault;

    const want = access === Access.Store ? (Pte.A | Pte.D) : Pte.A;
    if ((pte & want) !== want && !this.updatePte(pteAddr, pte | want)) return Walk.PageFault;

    const ppn = pte >>> 10;
    const pa = level === 1
      ? (ppn >>> 10) * 0x40_0000 + (va & 0x3f_ffff)
      : ppn * PAGE + (va & 0xfff);
    if (pa >= TWO32) return Walk.AccessFault;
    this.superpage = level === 1;
    return pa;
  }

  /** A PTE, or null when it lies outside the physical space, PMP refuses it (as S-mode) or nothing answers. */
  private readPte(pa: number): number | null {
    if (pa >= TWO32 || !this.pmp.check(pa, 4, PmpPerm.R, false)) return null;
    const bus = this.bus;
    const off = pa - bus.ramBase;
    if (off >= 0 && off + 4 <= bus.ramSize) return bus.ram32[off >>> 2];
    bus.fault = false;
    const v = bus.read(pa, 4);
    return bus.fault ? null : v | 0;
  }

  private updatePte(pa: number, pte: number): boolean {
    const bus = this.bus;
    const off = pa - bus.ramBase;
    if (off < 0 || off + 4 > bus.ramSize) return false;
    bus.ram32[off >>> 2] = pte;
    return true;
  }
}

/** V set, and not the reserved W-without-R encoding. */
function valid(pte: number): boolean {
  return (pte & Pte.V) !== 0 && (pte & (Pte.R | Pte.W)) !== Pte.W;
}

function permits(pte: number, access: Access, priv: number, sum: boolean, mxr: boolean): boolean {
  if (pte & Pte.U) {
    // S-mode reaches user pages only for data, and only with SUM; it never executes them.
    if (priv === Priv.S && (access === Access.Fetch || !sum)) return false;
  } else if (priv === Priv.U) {
    return false;
  }
  switch (access) {
    case Access.Fetch: return (pte & Pte.X) !== 0;
    case Access.Load: return (pte & Pte.R) !== 0 || (mxr && (pte & Pte.X) !== 0);
    default: return (pte & Pte.W) !== 0;
  }
}
