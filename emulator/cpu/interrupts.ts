/**
 * Which pending interrupt a hart takes, if any: the spec's target-mode and priority rules as a pure
 * function of the state, so the hart and the tests share it.
 */
import { MS } from './mstatus';
import { Priv } from './privilege';

/**
 * Decreasing priority among interrupts bound for the same mode (privileged spec 3.1.9: MEI, MSI, MTI,
 * SEI, SSI, STI, then the counter-overflow interrupt). QEMU 7.2 without AIA instead takes the
 * lowest-numbered cause first; the spec leaves no choice here, so we follow the spec.
 */
const PRIORITY: readonly number[] = [11, 3, 7, 9, 1, 5, 13];

/** Interrupt bits software can see in mie/mip on this hart (no H extension): SSI MSI STI MTI SEI MEI LCOFI. */
export const ALL_INTERRUPTS = 0x2aaa;
/** Interrupts that mideleg can delegate to S-mode (QEMU 7.2's mask without H). */
export const DELEGABLE_INTERRUPTS = 0x2222;

function highest(bits: number): number {
  for (let i = 0; i < PRIORITY.length; i++) {
    if ((bits >>> PRIORITY[i]) & 1) return PRIORITY[i];
  }
  return -1;
}

/**
 * The interrupt to take now, or -1. Interrupts not delegated go to M-mode and are enabled in lower modes
 * regardless of MIE; delegated ones go to S-mode, are never taken in M-mode, and are enabled below S
 * regardless of SIE. M-bound interrupts come before S-bound ones.
 */
export function pickInterrupt(pendingAndEnabled: number, mideleg: number, priv: number, mstatus: number): number {
  if (pendingAndEnabled === 0) return -1;
  const toM = pendingAndEnabled & ~mideleg;
  if (toM !== 0 && (priv < Priv.M || (mstatus & MS.MIE) !== 0)) return highest(toM);
  const toS = pendingAndEnabled & mideleg;
  if (toS !== 0 && (priv < Priv.S || (priv === Priv.S && (mstatus & MS.SIE) !== 0))) return highest(toS);
  return -1;
}
