/**
 * Trap entry and return (privileged spec 3.1.6.1, 3.3.2): which mode takes a trap, what it records,
 * and what xRET restores. The hart calls these; they change privilege and pc and leave the TLB
 * context and reservation bookkeeping to the hart's `privilegeChanged`.
 */
import type { Hart } from './hart';
import { Cause, INTERRUPT_BIT } from './causes';
import { MS } from './mstatus';
import { Priv } from './privilege';
import { PC_INDEX } from '../ir/ir';

/** Where a trap goes: the base, plus 4 * cause for an interrupt when the vector mode is 1. */
function target(tvec: number, cause: number, interrupt: boolean): number {
  const base = tvec & ~3;
  return (tvec & 1) !== 0 && interrupt ? (base + 4 * cause) | 0 : base;
}

/**
 * Takes a trap at the current pc (the faulting instruction, or the next one to run for an interrupt).
 * It goes to S-mode when delegated and the hart is not in M-mode, otherwise to M-mode.
 */
export function takeTrap(h: Hart, cause: number, tval: number, interrupt: boolean): void {
  const c = h.csr;
  const x = h.x;
  const from = h.priv;
  const deleg = interrupt ? c.mideleg : c.medeleg;
  const code = interrupt ? (cause | INTERRUPT_BIT) : cause;
  let s = c.mstatus;
  if (from <= Priv.S && ((deleg >>> cause) & 1) !== 0) {
    c.scause = code;
    c.sepc = x[PC_INDEX] & ~1;
    c.stval = tval;
    s = (s & MS.SIE) !== 0 ? s | MS.SPIE : s & ~MS.SPIE;
    s &= ~MS.SIE;
    s = from === Priv.S ? s | MS.SPP : s & ~MS.SPP;
    c.mstatus = s;
    h.priv = Priv.S;
    x[PC_INDEX] = target(c.stvec, cause, interrupt);
  } else {
    c.mcause = code;
    c.mepc = x[PC_INDEX] & ~1;
    c.mtval = tval;
    s = (s & MS.MIE) !== 0 ? s | MS.MPIE : s & ~MS.MPIE;
    s &= ~MS.MIE;
    s = (s & ~MS.MPP) | (from << MS.MPP_SHIFT);
    c.mstatus = s;
    h.priv = Priv.M;
    x[PC_INDEX] = target(c.mtvec, cause, interrupt);
  }
  h.privilegeChanged();
}

/** mret: M-mode only. Restores MIE and privilege from MPIE/MPP; leaving M-mode clears MPRV. */
export function mret(h: Hart, raw: number): void {
  if (h.priv !== Priv.M) h.raise(Cause.IllegalInsn, raw);
  const c = h.csr;
  let s = c.mstatus;
  const to = (s & MS.MPP) >>> MS.MPP_SHIFT;
  s = (s & MS.MPIE) !== 0 ? s | MS.MIE : s & ~MS.MIE;
  s = (s | MS.MPIE) & ~MS.MPP;
  if (to !== Priv.M) s &= ~MS.MPRV;
  c.mstatus = s;
  h.priv = to;
  h.x[PC_INDEX] = c.mepc;
  h.privilegeChanged();
}

/** sret: S-mode (unless mstatus.TSR) or M-mode. Returns to SPP's mode, which is never M: MPRV clears. */
export function sret(h: Hart, raw: number): void {
  const c = h.csr;
  if (h.priv === Priv.U || (h.priv === Priv.S && (c.mstatus & MS.TSR) !== 0)) h.raise(Cause.IllegalInsn, raw);
  let s = c.mstatus;
  const to = (s & MS.SPP) !== 0 ? Priv.S : Priv.U;
  s = (s & MS.SPIE) !== 0 ? s | MS.SIE : s & ~MS.SIE;
  s = (s | MS.SPIE) & ~(MS.SPP | MS.MPRV);
  c.mstatus = s;
  h.priv = to;
  h.x[PC_INDEX] = c.sepc;
  h.privilegeChanged();
}
