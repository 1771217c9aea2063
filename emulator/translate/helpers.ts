/**
 * Helpers: the operations translated code delegates to the hart, called through `call` ops.
 *
 * Each helper is declared once here with its shape (inputs, output, constant arguments, flags) and its
 * function. `fn` receives the hart, then the call's inputs, then its constants, exactly in the order
 * declared. Helpers stay thin: privilege checks, CSR side effects and memory ordering live in the hart.
 */
import { HartApi, AmoOp } from '../cpu/hart-api';
import { HelperShape, registerHelperShapes } from '../ir/ir';
import { OpFlag } from '../ir/ops';

export interface Helper extends HelperShape {
  readonly fn: (h: HartApi, ...args: number[]) => number | void;
}

/** Exception causes the helpers raise directly (the hart raises the rest). */
const enum Cause { IllegalInsn = 2, Breakpoint = 3, EcallFromU = 8 }

// Every CSR helper takes the same constants, so the hart can re-raise with the instruction's bits and
// count retired instructions exactly: csr number, instruction bits, index of the instruction in its block.
const CSR_CONSTS = 3;

function helper(ins: number, out: boolean, consts: number, flags: number, fn: Helper['fn']): Omit<Helper, 'name'> {
  return { ins, out, consts, flags, fn };
}

const DEFS = {
  /** csrrs/csrrc with no bits to change: a pure read (no write side effects, no read-only check). */
  csrr: helper(0, true, CSR_CONSTS, OpFlag.MayTrap,
    (h, csr, raw, idx) => h.csrRead(csr, raw, idx, false)),
  /** csrrw/csrrwi with rd = x0: the spec says the CSR is not read at all. */
  csrw: helper(1, false, CSR_CONSTS, OpFlag.MayTrap,
    (h, v, csr, raw, idx) => h.csrWrite(csr, v, raw, idx)),
  csrrw: helper(1, true, CSR_CONSTS, OpFlag.MayTrap, (h, v, csr, raw, idx) => {
    const old = h.csrRead(csr, raw, idx, true);
    h.csrWrite(csr, v, raw, idx);
    return old;
  }),
  csrrs: helper(1, true, CSR_CONSTS, OpFlag.MayTrap, (h, mask, csr, raw, idx) => {
    const old = h.csrRead(csr, raw, idx, true);
    h.csrWrite(csr, old | mask, raw, idx);
    return old;
  }),
  csrrc: helper(1, true, CSR_CONSTS, OpFlag.MayTrap, (h, mask, csr, raw, idx) => {
    const old = h.csrRead(csr, raw, idx, true);
    h.csrWrite(csr, old & ~mask, raw, idx);
    return old;
  }),

  // U=0, S=1, M=3 map onto causes 8, 9, 11.
  ecall: helper(0, false, 0, OpFlag.MayTrap, (h) => h.raise(Cause.EcallFromU + h.priv, 0)),
  // QEMU 7.2 leaves tval 0 for ebreak and c.ebreak (checked on qemu-system-riscv32).
  ebreak: helper(0, false, 0, OpFlag.MayTrap, (h) => h.raise(Cause.Breakpoint, 0)),
  /** const: the instruction bits (16 for a compressed one), which QEMU reports as tval. */
  illegal: helper(0, false, 1, OpFlag.MayTrap, (h, raw) => h.raise(Cause.IllegalInsn, raw)),

  // xRET sets pc.
  mret: helper(0, false, 1, OpFlag.MayTrap | OpFlag.WritesGlobals, (h, raw) => h.mret(raw)),
  sret: helper(0, false, 1, OpFlag.MayTrap | OpFlag.WritesGlobals, (h, raw) => h.sret(raw)),
  wfi: helper(0, false, 1, OpFlag.MayTrap, (h, raw) => h.wfi(raw)),
  sfence_vma: helper(2, false, 1, OpFlag.MayTrap, (h, va, asid, raw) => h.sfenceVma(va, asid, raw)),
  fence_i: helper(0, false, 0, OpFlag.None, (h) => h.fenceI()),

  lr: helper(1, true, 0, OpFlag.MayTrap, (h, va) => h.lr(va)),
  /** const: rd. */
  sc: helper(2, true, 1, OpFlag.MayTrap, (h, va, v, rd) => h.sc(va, v, rd)),
  /** consts: AmoOp, rd. */
  amo: helper(2, true, 2, OpFlag.MayTrap, (h, va, v, op, rd) => h.amo(op as AmoOp, va, v, rd)),

  // QEMU honours the sequence only outside U-mode by default; there it is an ordinary breakpoint.
  // The call's result lands in a0.
  semihosting: helper(0, false, 0, OpFlag.MayTrap | OpFlag.WritesGlobals, (h) => {
    if (!h.semihostingEnabled || h.priv === 0) h.raise(Cause.Breakpoint, 0);
    h.semihosting();
  }),
} as const;

export type HelperName = keyof typeof DEFS;

/** All helpers; a helper's index here is its id in `call` ops. */
export const HELPERS: readonly Helper[] = Object.entries(DEFS).map(([name, d]) => ({ name, ...d }));

/** Helper ids by name, e.g. `H.csrrw`. */
export const H: Readonly<Record<HelperName, number>> =
  Object.fromEntries(HELPERS.map((h, i) => [h.name, i])) as Record<HelperName, number>;

registerHelperShapes(HELPERS);
