/**
 * One line of prose per mnemonic: every table entry (base and compressed), every alias the
 * disassembler prints or the assembler accepts, and the assembler's multi-instruction macros. Hovers
 * and completion lists show these; the encodings, operand syntax and expansions they sit next to come
 * from the instruction table, so the lines only say what the instruction is for.
 *
 * The A extension's ordering variants (`amoadd.w.aqrl`) are described through their base spelling.
 */

export const DESCRIPTIONS: Readonly<Record<string, string>> = {
  // RV32I
  lui: 'Load upper immediate: rd = imm << 12.',
  auipc: 'Add upper immediate to pc: rd = pc + (imm << 12); the first half of pc-relative addressing.',
  jal: 'Jump and link: rd = pc + 4, then jump to the target (within ±1 MiB); rd defaults to ra.',
  jalr: 'Jump and link register: rd = pc + 4, then jump to rs1 + imm (bit 0 cleared).',
  beq: 'Branch if equal: jump to the target (within ±4 KiB) if rs1 == rs2.',
  bne: 'Branch if not equal: jump to the target if rs1 != rs2.',
  blt: 'Branch if less than, signed: jump to the target if rs1 < rs2.',
  bge: 'Branch if greater than or equal, signed: jump to the target if rs1 >= rs2.',
  bltu: 'Branch if less than, unsigned: jump to the target if rs1 < rs2.',
  bgeu: 'Branch if greater than or equal, unsigned: jump to the target if rs1 >= rs2.',
  lb: 'Load byte: rd = the sign-extended byte at rs1 + imm (or at a label).',
  lh: 'Load halfword: rd = the sign-extended 16 bits at rs1 + imm (or at a label).',
  lw: 'Load word: rd = the 32 bits at rs1 + imm (or at a label).',
  lbu: 'Load byte unsigned: rd = the zero-extended byte at rs1 + imm (or at a label).',
  lhu: 'Load halfword unsigned: rd = the zero-extended 16 bits at rs1 + imm (or at a label).',
  sb: 'Store byte: the low 8 bits of rs2 go to rs1 + imm (or to a label, through a temporary).',
  sh: 'Store halfword: the low 16 bits of rs2 go to rs1 + imm (or to a label, through a temporary).',
  sw: 'Store word: rs2 goes to rs1 + imm (or to a label, through a temporary).',
  addi: 'Add immediate: rd = rs1 + imm.',
  slti: 'Set if less than immediate, signed: rd = rs1 < imm ? 1 : 0.',
  sltiu: 'Set if less than immediate, unsigned: rd = rs1 < imm ? 1 : 0 (imm sign-extended, then compared unsigned).',
  xori: 'Exclusive-or immediate: rd = rs1 ^ imm.',
  ori: 'Or immediate: rd = rs1 | imm.',
  andi: 'And immediate: rd = rs1 & imm.',
  slli: 'Shift left logical by a constant: rd = rs1 << shamt.',
  srli: 'Shift right logical by a constant: rd = rs1 >>> shamt (zeros shift in).',
  srai: 'Shift right arithmetic by a constant: rd = rs1 >> shamt (the sign bit shifts in).',
  add: 'Add: rd = rs1 + rs2, wrapping (with an immediate operand, the same as addi).',
  sub: 'Subtract: rd = rs1 - rs2, wrapping.',
  sll: 'Shift left logical: rd = rs1 << (rs2 & 31) (with a constant, the same as slli).',
  slt: 'Set if less than, signed: rd = rs1 < rs2 ? 1 : 0.',
  sltu: 'Set if less than, unsigned: rd = rs1 < rs2 ? 1 : 0.',
  xor: 'Exclusive-or: rd = rs1 ^ rs2 (with an immediate operand, the same as xori).',
  srl: 'Shift right logical: rd = rs1 >>> (rs2 & 31) (with a constant, the same as srli).',
  sra: 'Shift right arithmetic: rd = rs1 >> (rs2 & 31) (with a constant, the same as srai).',
  or: 'Or: rd = rs1 | rs2 (with an immediate operand, the same as ori).',
  and: 'And: rd = rs1 & rs2 (with an immediate operand, the same as andi).',
  fence: 'Memory fence: the pred accesses (i, o, r, w) happen before the succ accesses; plain `fence` is iorw, iorw.',
  ecall: 'Environment call: raises an environment-call exception from the current privilege level.',
  ebreak: 'Breakpoint: raises a breakpoint exception (between slli/srai x0 markers, a semihosting call).',

  // Zifencei, Zicsr
  'fence.i': 'Instruction fence: later instruction fetches see the stores made before it.',
  csrrw: 'CSR read and write: rd = csr, csr = rs1, atomically (the CSR is not read when rd is zero).',
  csrrs: 'CSR read and set bits: rd = csr, csr |= rs1 (no write when rs1 is zero).',
  csrrc: 'CSR read and clear bits: rd = csr, csr &= ~rs1 (no write when rs1 is zero).',
  csrrwi: 'CSR read and write immediate: rd = csr, csr = imm (5 bits, zero-extended).',
  csrrsi: 'CSR read and set bits immediate: rd = csr, csr |= imm (no write when imm is 0).',
  csrrci: 'CSR read and clear bits immediate: rd = csr, csr &= ~imm (no write when imm is 0).',

  // M
  mul: 'Multiply: rd = the low 32 bits of rs1 × rs2.',
  mulh: 'Multiply high, signed × signed: rd = the high 32 bits of the 64-bit product.',
  mulhsu: 'Multiply high, signed rs1 × unsigned rs2: rd = the high 32 bits of the product.',
  mulhu: 'Multiply high, unsigned × unsigned: rd = the high 32 bits of the product.',
  div: 'Divide, signed, rounding toward zero: rd = rs1 / rs2 (divide by zero gives -1).',
  divu: 'Divide, unsigned: rd = rs1 / rs2 (divide by zero gives 0xffffffff).',
  rem: 'Remainder, signed (sign of the dividend): rd = rs1 % rs2 (divide by zero gives rs1).',
  remu: 'Remainder, unsigned: rd = rs1 % rs2 (divide by zero gives rs1).',

  // A
  'lr.w': 'Load-reserved word: rd = the word at (rs1), and reserve that address for a following sc.w.',
  'sc.w': 'Store-conditional word: store rs2 at (rs1) if the reservation holds; rd = 0 on success, 1 on failure.',
  'amoswap.w': 'Atomic swap: rd = the word at (rs1), which becomes rs2.',
  'amoadd.w': 'Atomic add: rd = the word at (rs1), which becomes rd + rs2.',
  'amoxor.w': 'Atomic exclusive-or: rd = the word at (rs1), which becomes rd ^ rs2.',
  'amoand.w': 'Atomic and: rd = the word at (rs1), which becomes rd & rs2.',
  'amoor.w': 'Atomic or: rd = the word at (rs1), which becomes rd | rs2.',
  'amomin.w': 'Atomic minimum, signed: rd = the word at (rs1), which becomes min(rd, rs2).',
  'amomax.w': 'Atomic maximum, signed: rd = the word at (rs1), which becomes max(rd, rs2).',
  'amominu.w': 'Atomic minimum, unsigned: rd = the word at (rs1), which becomes min(rd, rs2).',
  'amomaxu.w': 'Atomic maximum, unsigned: rd = the word at (rs1), which becomes max(rd, rs2).',

  // Privileged
  mret: 'Return from a machine-mode trap: pc = mepc; privilege and MIE restored from mstatus.MPP/MPIE.',
  sret: 'Return from a supervisor-mode trap: pc = sepc; privilege and SIE restored from sstatus.SPP/SPIE.',
  wfi: 'Wait for interrupt: idle until an interrupt is pending (Translucent skips to the next timer deadline).',
  'sfence.vma': 'Flush cached address translations for virtual address rs1 in address space rs2 (zero: all).',

  // RV32C: each expands to one base instruction
  'c.addi4spn': 'Compressed: rd\' = sp + imm, a nonzero multiple of 4 (4..1020); makes pointers into the stack frame.',
  'c.lw': 'Compressed load word: rd\' = the word at rs1\' + imm (a multiple of 4, 0..124).',
  'c.sw': 'Compressed store word: rs2\' goes to rs1\' + imm (a multiple of 4, 0..124).',
  'c.nop': 'Compressed no-op (with a nonzero immediate, a HINT).',
  'c.addi': 'Compressed add immediate in place: rd += imm (-32..31).',
  'c.jal': 'Compressed call: ra = pc + 2, then jump to the target (within ±2 KiB).',
  'c.li': 'Compressed load immediate: rd = imm (-32..31).',
  'c.addi16sp': 'Compressed stack adjust: sp += imm, a nonzero multiple of 16 (-512..496).',
  'c.lui': 'Compressed load upper immediate: rd = imm << 12 (imm nonzero, 6 bits signed); rd not sp.',
  'c.srli': 'Compressed shift right logical in place: rd\' >>>= shamt.',
  'c.srai': 'Compressed shift right arithmetic in place: rd\' >>= shamt.',
  'c.andi': 'Compressed and immediate in place: rd\' &= imm (-32..31).',
  'c.sub': 'Compressed subtract in place: rd\' -= rs2\'.',
  'c.xor': 'Compressed exclusive-or in place: rd\' ^= rs2\'.',
  'c.or': 'Compressed or in place: rd\' |= rs2\'.',
  'c.and': 'Compressed and in place: rd\' &= rs2\'.',
  'c.j': 'Compressed jump to the target (within ±2 KiB).',
  'c.beqz': 'Compressed branch if zero: jump to the target (within ±256 bytes) if rs1\' == 0.',
  'c.bnez': 'Compressed branch if not zero: jump to the target (within ±256 bytes) if rs1\' != 0.',
  'c.slli': 'Compressed shift left logical in place: rd <<= shamt.',
  'c.lwsp': 'Compressed load word from the stack: rd = the word at sp + imm (a multiple of 4, 0..252).',
  'c.jr': 'Compressed jump to the address in rs1.',
  'c.mv': 'Compressed move: rd = rs2.',
  'c.ebreak': 'Compressed breakpoint.',
  'c.jalr': 'Compressed call through a register: ra = pc + 2, then jump to rs1.',
  'c.add': 'Compressed add in place: rd += rs2.',
  'c.swsp': 'Compressed store word to the stack: rs2 goes to sp + imm (a multiple of 4, 0..252).',
  'c.srli64': 'Compressed logical right shift by zero: a HINT that does nothing (RV128\'s spelling).',
  'c.srai64': 'Compressed arithmetic right shift by zero: a HINT that does nothing (RV128\'s spelling).',
  'c.slli64': 'Compressed left shift by zero: a HINT that does nothing (RV128\'s spelling).',
  'c.unimp': 'The all-zero halfword: always an illegal instruction.',

  // Aliases of one base instruction
  j: 'Jump to the target (jal with rd = zero: no link).',
  ret: 'Return from a function: jump to ra.',
  jr: 'Jump to the address in a register (jalr with rd = zero).',
  beqz: 'Branch if zero: jump to the target if rs1 == 0.',
  bnez: 'Branch if not zero: jump to the target if rs1 != 0.',
  bltz: 'Branch if negative: jump to the target if rs1 < 0.',
  bgez: 'Branch if not negative: jump to the target if rs1 >= 0.',
  bgtz: 'Branch if positive: jump to the target if rs2 > 0.',
  blez: 'Branch if not positive: jump to the target if rs2 <= 0.',
  bgt: 'Branch if greater than, signed (blt with the operands exchanged).',
  ble: 'Branch if less than or equal, signed (bge with the operands exchanged).',
  bgtu: 'Branch if greater than, unsigned (bltu with the operands exchanged).',
  bleu: 'Branch if less than or equal, unsigned (bgeu with the operands exchanged).',
  nop: 'No operation (addi zero, zero, 0).',
  mv: 'Copy a register: rd = rs1.',
  not: 'Bitwise not: rd = ~rs1.',
  neg: 'Negate: rd = -rs2.',
  seqz: 'Set if zero: rd = rs1 == 0 ? 1 : 0.',
  snez: 'Set if not zero: rd = rs2 != 0 ? 1 : 0.',
  sltz: 'Set if negative: rd = rs1 < 0 ? 1 : 0.',
  sgtz: 'Set if positive: rd = rs2 > 0 ? 1 : 0.',
  'zext.b': 'Zero-extend the low byte: rd = rs1 & 0xff.',
  'fence.tso': 'Total-store-order fence: loads and stores before it happen before those after it, except stores before loads.',
  csrr: 'Read a CSR: rd = csr.',
  csrw: 'Write a CSR: csr = rs1 (or an immediate); the old value is not read.',
  csrs: 'Set bits in a CSR: csr |= rs1 (or an immediate).',
  csrc: 'Clear bits in a CSR: csr &= ~rs1 (or an immediate).',
  csrwi: 'Write a CSR from a 5-bit immediate: csr = imm.',
  csrsi: 'Set bits in a CSR from a 5-bit immediate: csr |= imm.',
  csrci: 'Clear bits in a CSR from a 5-bit immediate: csr &= ~imm.',
  rdcycle: 'Read the cycle counter (low 32 bits).',
  rdcycleh: 'Read the cycle counter (high 32 bits).',
  rdtime: 'Read the real-time counter (low 32 bits).',
  rdtimeh: 'Read the real-time counter (high 32 bits).',
  rdinstret: 'Read the retired-instruction counter (low 32 bits).',
  rdinstreth: 'Read the retired-instruction counter (high 32 bits).',

  // Assembler macros: one or more instructions chosen by the operands
  li: 'Load immediate: any 32-bit constant, as addi, lui, or lui + addi.',
  la: 'Load address: rd = the address of a symbol (auipc + addi, pc-relative).',
  lla: 'Load local address: rd = the address of a symbol (auipc + addi, pc-relative).',
  call: 'Call a function anywhere within ±2 GiB: auipc + jalr, linking through ra (or rd).',
  tail: 'Tail call: jump to a function anywhere within ±2 GiB without linking (auipc t1 + jalr).',
  unimp: 'The canonical illegal instruction (c.unimp, or csrrw zero, cycle, zero without RVC).',
};

const ORDERING: readonly [suffix: string, meaning: string][] = [
  ['.aqrl', 'acquire and release ordering'],
  ['.aq', 'acquire ordering'],
  ['.rl', 'release ordering'],
];

/** The description of a mnemonic, its A-extension ordering variants included; undefined if unknown. */
export function describeMnemonic(mnemonic: string): string | undefined {
  const own = DESCRIPTIONS[mnemonic];
  if (own !== undefined) return own;
  for (const [suffix, meaning] of ORDERING) {
    if (!mnemonic.endsWith(suffix)) continue;
    const base = DESCRIPTIONS[mnemonic.slice(0, -suffix.length)];
    if (base !== undefined) return `${base.replace(/\.$/, '')}; with ${meaning}.`;
  }
  return undefined;
}
