/**
 * What each operand of a spelling accepts, in words, for signature help: the register's role and
 * any restriction the encoding puts on it, and the immediate's range, all read from the instruction
 * table's fields (encoder.ts fieldRange) rather than written down per instruction.
 */
import { fieldRange } from '../../emulator/isa/encoder';
import { FieldName } from '../../emulator/isa/fields';
import { Slot } from '../../emulator/isa/table';
import { regName } from '../../emulator/isa/registers';
import { FormOperand } from '../../emulator/asm/forms';
import { Spelling } from './mnemonics';

const REGISTER_ROLES: Readonly<Record<string, string>> = {
  rd: 'destination register',
  rs1: 'source register',
  rs2: 'source register',
  rt: 'temporary register (receives the upper part of the address)',
};

/** Operands whose meaning does not depend on the encoding. */
const FIXED_DOCS: Readonly<Record<string, string>> = {
  csr: 'a CSR: a name (mstatus) or a number 0..0xfff',
  pred: 'fence predecessor set: some of i, o, r, w (device input, device output, memory reads, memory writes)',
  succ: 'fence successor set: some of i, o, r, w',
  symbol: 'a label or address expression',
  '(rs1)': 'the address, in a register',
};

/** The 3-bit register fields of compressed instructions name x8..x15. */
const PRIME_REGISTERS = 'one of s0, s1, a0-a5: x8-x15';

function sourceOf(sp: Spelling, slot: Slot): FieldName | number | undefined {
  return sp.form?.entry.spec.operands[slot];
}

function nonzero(sp: Spelling, slot: Slot): boolean {
  return sp.form?.entry.spec.nonzero?.includes(slot) ?? false;
}

function registerDoc(sp: Spelling, token: string, slot: Slot | undefined): string {
  const role = REGISTER_ROLES[token] ?? 'register';
  if (slot === undefined) return `${token}: ${role}`;
  const source = sourceOf(sp, slot);
  const notes: string[] = [];
  if (typeof source === 'number') notes.push(`must be ${regName(source)}`);
  else if (source !== undefined && fieldRange(source).min === 8) notes.push(PRIME_REGISTERS);
  if (nonzero(sp, slot)) notes.push('not zero');
  return `${token}: ${role}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

function hexRange(lo: number, hi: number): string {
  return `0x${lo.toString(16)}..0x${hi.toString(16)}`;
}

function immediateRange(field: FieldName, kind: string): string {
  const r = fieldRange(field);
  const step = r.align > 1 ? `, a multiple of ${r.align}` : '';
  if (kind === 'uimm20') {
    // lui's field is the whole upper 20 bits: every pattern is allowed.
    if (r.max - r.min >= 2 ** 32 - r.align) return hexRange(0, 0xfffff);
    const lo = r.min / 4096;
    const hi = r.max / 4096;
    // A signed upper field (c.lui) is written as the 20-bit pattern its value sign-extends from.
    return lo < 0 ? `${hexRange(2 ** 20 + lo, 0xfffff)} or ${hexRange(0, hi)}` : hexRange(lo, hi);
  }
  if (kind === 'target') return `${r.min}..${r.max} bytes from this instruction${step}`;
  return `${r.min}..${r.max}${step}`;
}

const IMMEDIATE_ROLES: Readonly<Record<string, string>> = {
  imm: 'immediate',
  shamt: 'shift amount',
  uimm20: 'upper immediate (bits 31:12 of the value)',
  target: 'branch or jump target: a label',
};

function immediateDoc(sp: Spelling, token: string, op: FormOperand | undefined, role = IMMEDIATE_ROLES[token]): string {
  const source = op === undefined ? undefined : sourceOf(sp, op.slot);
  if (typeof source !== 'string') return `${token}: ${role}${sp.form === undefined && token === 'imm' ? ', any 32-bit value' : ''}`;
  const zero = op !== undefined && nonzero(sp, op.slot) ? ', not zero' : '';
  return `${token}: ${role}, ${immediateRange(source, op!.kind)}${zero}`;
}

/** One line about operand `index` of a spelling. */
export function operandDoc(sp: Spelling, index: number): string {
  const token = sp.operands[index];
  const op = sp.form?.operands[index];
  if (token === 'imm(rs1)') {
    const base = registerDoc(sp, 'rs1', 'rs1').replace(/^rs1: source register/, 'base register');
    return `${immediateDoc(sp, 'imm', op, 'offset')}; rs1: ${base}`;
  }
  if (token in IMMEDIATE_ROLES) return immediateDoc(sp, token, op);
  if (token in REGISTER_ROLES) return registerDoc(sp, token, op?.slot);
  return `${token}: ${FIXED_DOCS[token] ?? token}`;
}
