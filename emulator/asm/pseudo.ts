/**
 * Assembler-only pseudo-instructions that are one base instruction with operands moved or implied:
 * the spellings GNU as accepts but objdump never prints (so print-rules.ts cannot supply them).
 * Syntax uses the instruction table's token language; `slots` sends the i-th operand to another slot.
 */
import type { Slot } from '../isa/table';

export interface OperandPseudo {
  readonly mnemonic: string;
  readonly syntax: string;
  readonly entry: string;
  readonly slots?: readonly (Slot | undefined)[];
  readonly fixed?: Readonly<Partial<Record<Slot, number>>>;
}

const swapped = (mnemonic: string, entry: string): OperandPseudo =>
  ({ mnemonic, syntax: 'rs1,rs2,target', entry, slots: ['rs2', 'rs1'] });

export const OPERAND_PSEUDOS: readonly OperandPseudo[] = [
  // a > b is b < a: the comparisons RISC-V lacks, with their operands exchanged.
  swapped('bgt', 'blt'),
  swapped('ble', 'bge'),
  swapped('bgtu', 'bltu'),
  swapped('bleu', 'bgeu'),
  // The immediate CSR forms under the names people write.
  { mnemonic: 'csrwi', syntax: 'csr,imm', entry: 'csrrwi', fixed: { rd: 0 } },
  { mnemonic: 'csrsi', syntax: 'csr,imm', entry: 'csrrsi', fixed: { rd: 0 } },
  { mnemonic: 'csrci', syntax: 'csr,imm', entry: 'csrrci', fixed: { rd: 0 } },
  // c.nop's immediate (a HINT when nonzero) is usually left out.
  { mnemonic: 'c.nop', syntax: '', entry: 'c.nop' },
  // GNU as also takes jalr's offset as a third operand.
  { mnemonic: 'jalr', syntax: 'rd,rs1,imm', entry: 'jalr' },
];
