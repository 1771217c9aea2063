/**
 * Zicsr. Which helper runs depends on whether the instruction reads and whether it writes, as the spec
 * defines it: csrrw/csrrwi with rd = x0 do not read; csrrs/csrrc(i) with rs1 = x0 (or zimm = 0) do
 * not write. An instruction that writes ends the block, because a CSR write can change what the next
 * instructions mean (privilege, translation, interrupt enables) and the dispatcher must look first.
 */
import { Decoded } from '../isa/types';
import { TransCtx, TransFn, fromTable, exitToNext } from './context';
import { H } from './helpers';

interface CsrKind {
  /** Helper for the read-write form. */
  readonly helper: number;
  /** The operand is the 5-bit zimm (in imm) rather than rs1. */
  readonly imm: boolean;
  /** The set/clear forms: an all-zero operand field means "read only". */
  readonly maskForm: boolean;
}

const CSR_KINDS = {
  csrrw: { helper: H.csrrw, imm: false, maskForm: false },
  csrrs: { helper: H.csrrs, imm: false, maskForm: true },
  csrrc: { helper: H.csrrc, imm: false, maskForm: true },
  csrrwi: { helper: H.csrrw, imm: true, maskForm: false },
  csrrsi: { helper: H.csrrs, imm: true, maskForm: true },
  csrrci: { helper: H.csrrc, imm: true, maskForm: true },
} as const satisfies Record<string, CsrKind>;

function genCsr(ctx: TransCtx, d: Decoded, kind: CsrKind): void {
  const { b } = ctx;
  const consts = [d.csr, ctx.raw, ctx.insnIndex];
  // Whether the operand field is x0/zero is a property of the encoding, not of the register's value.
  const field = kind.imm ? d.imm : d.rs1;
  const operand = kind.imm ? b.k(d.imm) : b.reg(d.rs1);

  if (kind.maskForm && field === 0) {
    const old = b.temp();
    b.call(H.csrr, old, [], consts);
    b.setReg(d.rd, old);
    return;
  }
  if (!kind.maskForm && d.rd === 0) {
    b.call(H.csrw, -1, [operand], consts);
  } else {
    const old = b.temp();
    b.call(kind.helper, old, [operand], consts);
    b.setReg(d.rd, old);
  }
  exitToNext(ctx);
}

export const CSR_TRANSLATORS = fromTable(CSR_KINDS, (kind): TransFn => (ctx, d) => genCsr(ctx, d, kind));
