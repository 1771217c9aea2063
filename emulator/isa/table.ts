/**
 * The instruction table: every encoding Translucent understands, once. The decoder, the disassembler
 * (and later the assembler and hover text) are derived from it.
 *
 * Each line gives an instruction's name, its extension, its bit pattern (most significant bit first,
 * `0`/`1` fixed, `.` operand bits, spaces only for reading), which named field (fields.ts) or constant
 * fills each operand slot of `Decoded`, and its operand syntax. Compressed lines also name the base
 * instruction they expand to; their operand map *is* the expansion, so the translator only ever sees
 * base mnemonics.
 *
 * Where two patterns overlap, the one with more fixed bits wins (c.jr over c.mv, c.addi16sp over
 * c.lui), so the order of lines does not matter. A line whose `nonzero` slot decodes to 0 is a
 * reserved encoding: the word is illegal, it does not fall through to a less specific line.
 */
import { BaseMnemonic } from './types';
import { FIELDS, FieldName } from './fields';

export type Extension = 'I' | 'M' | 'A' | 'C' | 'Zicsr' | 'Zifencei' | 'Priv';

/** The numeric operand slots of `Decoded` (aq/rl are booleans made from 1-bit fields). */
export type Slot = 'rd' | 'rs1' | 'rs2' | 'imm' | 'csr' | 'aq' | 'rl' | 'pred' | 'succ' | 'fm';
export const SLOTS: readonly Slot[] = ['rd', 'rs1', 'rs2', 'imm', 'csr', 'aq', 'rl', 'pred', 'succ', 'fm'];

/** Where each slot's value comes from: a field of the instruction word, or a constant register. */
export type OperandMap = Partial<Record<Slot, FieldName | number>>;

export interface InsnSpec {
  /** The entry's own name: what `objdump -M no-aliases` calls it (with the exceptions in print-rules.ts). */
  readonly name: string;
  readonly ext: Extension;
  readonly pattern: string;
  /** The base instruction: the entry itself, or a compressed entry's expansion. */
  readonly base: BaseMnemonic;
  readonly operands: OperandMap;
  /**
   * Operand syntax, comma separated. Tokens: rd rs1 rs2 (registers), imm (signed decimal), shamt and
   * uimm20 (hex: a shift amount, the upper 20 bits of imm), target (pc + imm), csr, pred succ (fence
   * sets), and the memory forms `imm(rs1)` and `(rs1)`.
   */
  readonly syntax: string;
  /** Slots that must be non-zero; a zero makes the encoding reserved (illegal). */
  readonly nonzero?: readonly Slot[];
}

/** Operand maps shared by the 32-bit formats. */
const FORMATS = {
  R: { rd: 'rd', rs1: 'rs1', rs2: 'rs2' },
  I: { rd: 'rd', rs1: 'rs1', imm: 'imm_i' },
  S: { rs1: 'rs1', rs2: 'rs2', imm: 'imm_s' },
  B: { rs1: 'rs1', rs2: 'rs2', imm: 'imm_b' },
  U: { rd: 'rd', imm: 'imm_u' },
  J: { rd: 'rd', imm: 'imm_j' },
  Shift: { rd: 'rd', rs1: 'rs1', imm: 'shamt' },
  Csr: { rd: 'rd', rs1: 'rs1', csr: 'csr' },
  CsrI: { rd: 'rd', imm: 'zimm', csr: 'csr' },
  Amo: { rd: 'rd', rs1: 'rs1', rs2: 'rs2', aq: 'aq', rl: 'rl' },
  Lr: { rd: 'rd', rs1: 'rs1', aq: 'aq', rl: 'rl' },
  // rd and rs1 of FENCE are reserved (ignored by implementations) but still decoded, for listings.
  Fence: { rd: 'rd', rs1: 'rs1', fm: 'fm', pred: 'pred', succ: 'succ' },
  SfenceVma: { rs1: 'rs1', rs2: 'rs2' },
  None: {},
} as const satisfies Record<string, OperandMap>;
type Format = keyof typeof FORMATS;

function base(name: BaseMnemonic, ext: Extension, pattern: string, format: Format, syntax: string): InsnSpec {
  return { name, ext, pattern, base: name, operands: FORMATS[format], syntax };
}

function rvc(name: string, pattern: string, to: BaseMnemonic, operands: OperandMap, syntax: string,
  nonzero?: readonly Slot[]): InsnSpec {
  return { name, ext: 'C', pattern, base: to, operands, syntax, nonzero };
}

const SP = 2;
const RA = 1;
const ZERO = 0;

export const INSTRUCTIONS: readonly InsnSpec[] = [
  // RV32I
  base('lui',      'I', '.................... ..... 0110111', 'U', 'rd,uimm20'),
  base('auipc',    'I', '.................... ..... 0010111', 'U', 'rd,uimm20'),
  base('jal',      'I', '.................... ..... 1101111', 'J', 'rd,target'),
  base('jalr',     'I', '............ ..... 000 ..... 1100111', 'I', 'rd,imm(rs1)'),
  base('beq',      'I', '....... ..... ..... 000 ..... 1100011', 'B', 'rs1,rs2,target'),
  base('bne',      'I', '....... ..... ..... 001 ..... 1100011', 'B', 'rs1,rs2,target'),
  base('blt',      'I', '....... ..... ..... 100 ..... 1100011', 'B', 'rs1,rs2,target'),
  base('bge',      'I', '....... ..... ..... 101 ..... 1100011', 'B', 'rs1,rs2,target'),
  base('bltu',     'I', '....... ..... ..... 110 ..... 1100011', 'B', 'rs1,rs2,target'),
  base('bgeu',     'I', '....... ..... ..... 111 ..... 1100011', 'B', 'rs1,rs2,target'),
  base('lb',       'I', '............ ..... 000 ..... 0000011', 'I', 'rd,imm(rs1)'),
  base('lh',       'I', '............ ..... 001 ..... 0000011', 'I', 'rd,imm(rs1)'),
  base('lw',       'I', '............ ..... 010 ..... 0000011', 'I', 'rd,imm(rs1)'),
  base('lbu',      'I', '............ ..... 100 ..... 0000011', 'I', 'rd,imm(rs1)'),
  base('lhu',      'I', '............ ..... 101 ..... 0000011', 'I', 'rd,imm(rs1)'),
  base('sb',       'I', '....... ..... ..... 000 ..... 0100011', 'S', 'rs2,imm(rs1)'),
  base('sh',       'I', '....... ..... ..... 001 ..... 0100011', 'S', 'rs2,imm(rs1)'),
  base('sw',       'I', '....... ..... ..... 010 ..... 0100011', 'S', 'rs2,imm(rs1)'),
  base('addi',     'I', '............ ..... 000 ..... 0010011', 'I', 'rd,rs1,imm'),
  base('slti',     'I', '............ ..... 010 ..... 0010011', 'I', 'rd,rs1,imm'),
  base('sltiu',    'I', '............ ..... 011 ..... 0010011', 'I', 'rd,rs1,imm'),
  base('xori',     'I', '............ ..... 100 ..... 0010011', 'I', 'rd,rs1,imm'),
  base('ori',      'I', '............ ..... 110 ..... 0010011', 'I', 'rd,rs1,imm'),
  base('andi',     'I', '............ ..... 111 ..... 0010011', 'I', 'rd,rs1,imm'),
  // RV32 shifts: shamt[5] (bit 25) set is reserved.
  base('slli',     'I', '0000000 ..... ..... 001 ..... 0010011', 'Shift', 'rd,rs1,shamt'),
  base('srli',     'I', '0000000 ..... ..... 101 ..... 0010011', 'Shift', 'rd,rs1,shamt'),
  base('srai',     'I', '0100000 ..... ..... 101 ..... 0010011', 'Shift', 'rd,rs1,shamt'),
  base('add',      'I', '0000000 ..... ..... 000 ..... 0110011', 'R', 'rd,rs1,rs2'),
  base('sub',      'I', '0100000 ..... ..... 000 ..... 0110011', 'R', 'rd,rs1,rs2'),
  base('sll',      'I', '0000000 ..... ..... 001 ..... 0110011', 'R', 'rd,rs1,rs2'),
  base('slt',      'I', '0000000 ..... ..... 010 ..... 0110011', 'R', 'rd,rs1,rs2'),
  base('sltu',     'I', '0000000 ..... ..... 011 ..... 0110011', 'R', 'rd,rs1,rs2'),
  base('xor',      'I', '0000000 ..... ..... 100 ..... 0110011', 'R', 'rd,rs1,rs2'),
  base('srl',      'I', '0000000 ..... ..... 101 ..... 0110011', 'R', 'rd,rs1,rs2'),
  base('sra',      'I', '0100000 ..... ..... 101 ..... 0110011', 'R', 'rd,rs1,rs2'),
  base('or',       'I', '0000000 ..... ..... 110 ..... 0110011', 'R', 'rd,rs1,rs2'),
  base('and',      'I', '0000000 ..... ..... 111 ..... 0110011', 'R', 'rd,rs1,rs2'),
  // Every fm/pred/succ decodes (fence.tso and pause included); unknown fm values act as a full fence.
  base('fence',    'I', '.... .... .... ..... 000 ..... 0001111', 'Fence', 'pred,succ'),
  base('ecall',    'I', '000000000000 00000 000 00000 1110011', 'None', ''),
  base('ebreak',   'I', '000000000001 00000 000 00000 1110011', 'None', ''),

  // Zifencei: imm, rs1 and rd are reserved for finer-grained fences and ignored.
  base('fence.i',  'Zifencei', '............ ..... 001 ..... 0001111', 'I', ''),

  // Zicsr
  base('csrrw',    'Zicsr', '............ ..... 001 ..... 1110011', 'Csr', 'rd,csr,rs1'),
  base('csrrs',    'Zicsr', '............ ..... 010 ..... 1110011', 'Csr', 'rd,csr,rs1'),
  base('csrrc',    'Zicsr', '............ ..... 011 ..... 1110011', 'Csr', 'rd,csr,rs1'),
  base('csrrwi',   'Zicsr', '............ ..... 101 ..... 1110011', 'CsrI', 'rd,csr,imm'),
  base('csrrsi',   'Zicsr', '............ ..... 110 ..... 1110011', 'CsrI', 'rd,csr,imm'),
  base('csrrci',   'Zicsr', '............ ..... 111 ..... 1110011', 'CsrI', 'rd,csr,imm'),

  // M
  base('mul',      'M', '0000001 ..... ..... 000 ..... 0110011', 'R', 'rd,rs1,rs2'),
  base('mulh',     'M', '0000001 ..... ..... 001 ..... 0110011', 'R', 'rd,rs1,rs2'),
  base('mulhsu',   'M', '0000001 ..... ..... 010 ..... 0110011', 'R', 'rd,rs1,rs2'),
  base('mulhu',    'M', '0000001 ..... ..... 011 ..... 0110011', 'R', 'rd,rs1,rs2'),
  base('div',      'M', '0000001 ..... ..... 100 ..... 0110011', 'R', 'rd,rs1,rs2'),
  base('divu',     'M', '0000001 ..... ..... 101 ..... 0110011', 'R', 'rd,rs1,rs2'),
  base('rem',      'M', '0000001 ..... ..... 110 ..... 0110011', 'R', 'rd,rs1,rs2'),
  base('remu',     'M', '0000001 ..... ..... 111 ..... 0110011', 'R', 'rd,rs1,rs2'),

  // A
  base('lr.w',      'A', '00010 . . 00000 ..... 010 ..... 0101111', 'Lr', 'rd,(rs1)'),
  base('sc.w',      'A', '00011 . . ..... ..... 010 ..... 0101111', 'Amo', 'rd,rs2,(rs1)'),
  base('amoswap.w', 'A', '00001 . . ..... ..... 010 ..... 0101111', 'Amo', 'rd,rs2,(rs1)'),
  base('amoadd.w',  'A', '00000 . . ..... ..... 010 ..... 0101111', 'Amo', 'rd,rs2,(rs1)'),
  base('amoxor.w',  'A', '00100 . . ..... ..... 010 ..... 0101111', 'Amo', 'rd,rs2,(rs1)'),
  base('amoand.w',  'A', '01100 . . ..... ..... 010 ..... 0101111', 'Amo', 'rd,rs2,(rs1)'),
  base('amoor.w',   'A', '01000 . . ..... ..... 010 ..... 0101111', 'Amo', 'rd,rs2,(rs1)'),
  base('amomin.w',  'A', '10000 . . ..... ..... 010 ..... 0101111', 'Amo', 'rd,rs2,(rs1)'),
  base('amomax.w',  'A', '10100 . . ..... ..... 010 ..... 0101111', 'Amo', 'rd,rs2,(rs1)'),
  base('amominu.w', 'A', '11000 . . ..... ..... 010 ..... 0101111', 'Amo', 'rd,rs2,(rs1)'),
  base('amomaxu.w', 'A', '11100 . . ..... ..... 010 ..... 0101111', 'Amo', 'rd,rs2,(rs1)'),

  // Privileged
  base('mret',       'Priv', '0011000 00010 00000 000 00000 1110011', 'None', ''),
  base('sret',       'Priv', '0001000 00010 00000 000 00000 1110011', 'None', ''),
  base('wfi',        'Priv', '0001000 00101 00000 000 00000 1110011', 'None', ''),
  base('sfence.vma', 'Priv', '0001001 ..... ..... 000 00000 1110011', 'SfenceVma', 'rs1,rs2'),

  // RV32C quadrant 0. The all-zero halfword is c.addi4spn with a zero immediate: reserved, illegal.
  // c.fld/c.flw/c.fsd/c.fsw (and RV64's c.ld/c.sd) have no line: they decode as illegal.
  rvc('c.addi4spn', '000 ........ ... 00',      'addi', { rd: 'c_rs2p', rs1: SP, imm: 'c_uimm_4spn' }, 'rd,rs1,imm', ['imm']),
  rvc('c.lw',       '010 ... ... .. ... 00',    'lw',   { rd: 'c_rs2p', rs1: 'c_rs1p', imm: 'c_uimm_lw' }, 'rd,imm(rs1)'),
  rvc('c.sw',       '110 ... ... .. ... 00',    'sw',   { rs2: 'c_rs2p', rs1: 'c_rs1p', imm: 'c_uimm_lw' }, 'rs2,imm(rs1)'),

  // Quadrant 1. rd = x0 forms of c.addi (c.nop), c.li and c.lui are HINTs: legal, no effect.
  rvc('c.nop',      '000 . 00000 ..... 01',     'addi', { rd: ZERO, rs1: ZERO, imm: 'c_imm' }, 'imm'),
  rvc('c.addi',     '000 . ..... ..... 01',     'addi', { rd: 'c_rd', rs1: 'c_rd', imm: 'c_imm' }, 'rd,imm'),
  rvc('c.jal',      '001 ........... 01',       'jal',  { rd: RA, imm: 'c_imm_j' }, 'target'),
  rvc('c.li',       '010 . ..... ..... 01',     'addi', { rd: 'c_rd', rs1: ZERO, imm: 'c_imm' }, 'rd,imm'),
  rvc('c.addi16sp', '011 . 00010 ..... 01',     'addi', { rd: SP, rs1: SP, imm: 'c_imm_16sp' }, 'rd,imm', ['imm']),
  rvc('c.lui',      '011 . ..... ..... 01',     'lui',  { rd: 'c_rd', imm: 'c_imm_lui' }, 'rd,uimm20', ['imm']),
  // RV32 shifts: shamt[5] (bit 12) set is reserved for custom use; shamt = 0 is a HINT.
  rvc('c.srli',     '100 0 00 ... ..... 01',    'srli', { rd: 'c_rs1p', rs1: 'c_rs1p', imm: 'c_shamt' }, 'rd,shamt'),
  rvc('c.srai',     '100 0 01 ... ..... 01',    'srai', { rd: 'c_rs1p', rs1: 'c_rs1p', imm: 'c_shamt' }, 'rd,shamt'),
  rvc('c.andi',     '100 . 10 ... ..... 01',    'andi', { rd: 'c_rs1p', rs1: 'c_rs1p', imm: 'c_imm' }, 'rd,imm'),
  // Bit 12 set (c.subw/c.addw and reserved) has no RV32 line.
  rvc('c.sub',      '100 0 11 ... 00 ... 01',   'sub',  { rd: 'c_rs1p', rs1: 'c_rs1p', rs2: 'c_rs2p' }, 'rd,rs2'),
  rvc('c.xor',      '100 0 11 ... 01 ... 01',   'xor',  { rd: 'c_rs1p', rs1: 'c_rs1p', rs2: 'c_rs2p' }, 'rd,rs2'),
  rvc('c.or',       '100 0 11 ... 10 ... 01',   'or',   { rd: 'c_rs1p', rs1: 'c_rs1p', rs2: 'c_rs2p' }, 'rd,rs2'),
  rvc('c.and',      '100 0 11 ... 11 ... 01',   'and',  { rd: 'c_rs1p', rs1: 'c_rs1p', rs2: 'c_rs2p' }, 'rd,rs2'),
  rvc('c.j',        '101 ........... 01',       'jal',  { rd: ZERO, imm: 'c_imm_j' }, 'target'),
  rvc('c.beqz',     '110 ... ... ..... 01',     'beq',  { rs1: 'c_rs1p', rs2: ZERO, imm: 'c_imm_b' }, 'rs1,target'),
  rvc('c.bnez',     '111 ... ... ..... 01',     'bne',  { rs1: 'c_rs1p', rs2: ZERO, imm: 'c_imm_b' }, 'rs1,target'),

  // Quadrant 2. rd = x0 forms of c.slli, c.mv and c.add are HINTs.
  rvc('c.slli',     '000 0 ..... ..... 10',     'slli', { rd: 'c_rd', rs1: 'c_rd', imm: 'c_shamt' }, 'rd,shamt'),
  rvc('c.lwsp',     '010 . ..... ..... 10',     'lw',   { rd: 'c_rd', rs1: SP, imm: 'c_uimm_lwsp' }, 'rd,imm(rs1)', ['rd']),
  rvc('c.jr',       '100 0 ..... 00000 10',     'jalr', { rd: ZERO, rs1: 'c_rd' }, 'rs1', ['rs1']),
  rvc('c.mv',       '100 0 ..... ..... 10',     'add',  { rd: 'c_rd', rs1: ZERO, rs2: 'c_rs2' }, 'rd,rs2'),
  rvc('c.ebreak',   '100 1 00000 00000 10',     'ebreak', {}, ''),
  rvc('c.jalr',     '100 1 ..... 00000 10',     'jalr', { rd: RA, rs1: 'c_rd' }, 'rs1'),
  rvc('c.add',      '100 1 ..... ..... 10',     'add',  { rd: 'c_rd', rs1: 'c_rd', rs2: 'c_rs2' }, 'rd,rs2'),
  rvc('c.swsp',     '110 ...... ..... 10',      'sw',   { rs2: 'c_rs2', rs1: SP, imm: 'c_uimm_swsp' }, 'rs2,imm(rs1)'),
];

/** An entry with its pattern turned into match/mask and its operand map into extractors. */
export interface CompiledInsn {
  readonly spec: InsnSpec;
  readonly len: 2 | 4;
  readonly match: number;
  readonly mask: number;
  /** Number of fixed bits: the more specific of two overlapping patterns wins. */
  readonly fixedBits: number;
  /** One getter per slot, in SLOTS order (constant 0 for slots the entry does not have). */
  readonly getters: readonly ((raw: number) => number)[];
  /** Mask of slots (bit i = SLOTS[i]) that must be non-zero. */
  readonly nonzeroSlots: number;
}

function compilePattern(pattern: string): { len: 2 | 4; match: number; mask: number; fixedBits: number } {
  const bits = pattern.replace(/ /g, '');
  if ((bits.length !== 32 && bits.length !== 16) || /[^01.]/.test(bits)) {
    throw new Error(`bad pattern '${pattern}'`);
  }
  let match = 0;
  let mask = 0;
  let fixedBits = 0;
  for (let i = 0; i < bits.length; i++) {
    const bit = bits.length - 1 - i;
    if (bits[i] === '.') continue;
    mask |= 1 << bit;
    fixedBits++;
    if (bits[i] === '1') match |= 1 << bit;
  }
  return { len: bits.length === 32 ? 4 : 2, match, mask, fixedBits };
}

function getter(source: FieldName | number | undefined): (raw: number) => number {
  if (source === undefined) return () => 0;
  if (typeof source === 'number') return () => source;
  return FIELDS[source].extract;
}

export function compileInsn(spec: InsnSpec): CompiledInsn {
  const p = compilePattern(spec.pattern);
  const getters = SLOTS.map((slot) => getter(spec.operands[slot]));
  let nonzeroSlots = 0;
  for (const slot of spec.nonzero ?? []) nonzeroSlots |= 1 << SLOTS.indexOf(slot);
  return { spec, ...p, getters, nonzeroSlots };
}

export const COMPILED: readonly CompiledInsn[] = INSTRUCTIONS.map(compileInsn);
