/**
 * The contract between the instruction table (isa/) and its users (translate/, the disassembler,
 * later the assembler). The table itself is in isa/table.ts; this file only names what a decoded
 * instruction looks like.
 */

/**
 * Every instruction the translator implements, by its base (uncompressed) mnemonic. Compressed
 * instructions decode to one of these (their expansion), so semantics are written once per base form.
 */
export const BASE_MNEMONICS = [
  // RV32I
  'lui', 'auipc', 'jal', 'jalr',
  'beq', 'bne', 'blt', 'bge', 'bltu', 'bgeu',
  'lb', 'lh', 'lw', 'lbu', 'lhu', 'sb', 'sh', 'sw',
  'addi', 'slti', 'sltiu', 'xori', 'ori', 'andi', 'slli', 'srli', 'srai',
  'add', 'sub', 'sll', 'slt', 'sltu', 'xor', 'srl', 'sra', 'or', 'and',
  'fence', 'ecall', 'ebreak',
  // Zifencei
  'fence.i',
  // Zicsr
  'csrrw', 'csrrs', 'csrrc', 'csrrwi', 'csrrsi', 'csrrci',
  // M
  'mul', 'mulh', 'mulhsu', 'mulhu', 'div', 'divu', 'rem', 'remu',
  // A
  'lr.w', 'sc.w', 'amoswap.w', 'amoadd.w', 'amoxor.w', 'amoand.w', 'amoor.w',
  'amomin.w', 'amomax.w', 'amominu.w', 'amomaxu.w',
  // Privileged
  'mret', 'sret', 'wfi', 'sfence.vma',
] as const;

export type BaseMnemonic = (typeof BASE_MNEMONICS)[number];

/**
 * A decoded instruction, in the operands of its base form. Fields an instruction does not have are 0.
 * fence and fence.i also report their reserved rd/rs1 (and fence.i's imm) fields, which the spec says
 * to ignore: they are there for listings, not for semantics.
 * For a compressed instruction, `len` is 2, `raw` holds its 16 bits, and the fields are those of the
 * expansion (e.g. c.addi16sp decodes to addi sp,sp,imm).
 */
export interface Decoded {
  /** The base mnemonic the translator implements. */
  readonly mnemonic: BaseMnemonic;
  /**
   * The table entry's own name, e.g. `c.addi16sp` or `addi`: what `-M no-aliases` prints, apart from
   * the few spellings in print-rules.ts (binutils 2.40 prints c.nop as `c.addi`, for one).
   */
  readonly name: string;
  readonly len: 2 | 4;
  readonly raw: number;
  readonly rd: number;
  readonly rs1: number;
  readonly rs2: number;
  /** Sign-extended immediate (shift amount for shifts, zimm for csr*i, offset for branches/jumps). */
  readonly imm: number;
  /** CSR number for Zicsr instructions. */
  readonly csr: number;
  /** A extension ordering bits. */
  readonly aq: boolean;
  readonly rl: boolean;
  /** fence predecessor/successor sets (4 bits each: i o r w) and fm. */
  readonly pred: number;
  readonly succ: number;
  readonly fm: number;
}
