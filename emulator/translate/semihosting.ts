/**
 * Recognising the RISC-V semihosting call: an uncompressed ebreak between two shifts of x0 that are
 * architectural no-ops and serve only as a marker.
 */
import { TRAP_SIGNAL } from '../cpu/trap-signal';
import { TranslateEnv } from './context';

const SLLI_X0_X0_31 = 0x01f01013;
const EBREAK = 0x00100073;
const SRAI_X0_X0_7 = 0x40705013;

const PAGE_MASK = ~0xfff;

function fetch32(env: TranslateEnv, va: number): number {
  return (env.fetch16(va) | (env.fetch16(va + 2) << 16)) | 0;
}

/**
 * Whether the ebreak at `pc` (with bits `raw`) is a semihosting call. Only a sequence lying in one page
 * counts (it is then fetchable as a whole, as the ebreak's own page is), as in QEMU.
 */
export function isSemihostingCall(env: TranslateEnv, pc: number, raw: number): boolean {
  if (!env.semihosting || raw !== EBREAK) return false;
  if (((pc - 4) & PAGE_MASK) !== ((pc + 4) & PAGE_MASK)) return false;
  try {
    return fetch32(env, pc - 4) === SLLI_X0_X0_31 && fetch32(env, pc + 4) === SRAI_X0_X0_7;
  } catch (e) {
    // Finer-grained protection (PMP) could still refuse a neighbour: then it is a plain ebreak.
    if (e === TRAP_SIGNAL) return false;
    throw e;
  }
}
