/**
 * Operand syntax of the assembler's multi-instruction macros (emulator/asm/insn-macros.ts), which
 * have no table entry to take it from. Written in the table's token language plus two tokens of
 * their own: `symbol` (a label or address) and `rt` (a temporary register for the address).
 * A test checks this covers exactly the macros the assembler has.
 */

export const MACRO_SYNTAX: Readonly<Record<string, readonly string[]>> = {
  li: ['rd,imm'],
  la: ['rd,symbol'],
  lla: ['rd,symbol'],
  call: ['symbol', 'rd,symbol'],
  tail: ['symbol'],
  lb: ['rd,symbol'],
  lh: ['rd,symbol'],
  lw: ['rd,symbol'],
  lbu: ['rd,symbol'],
  lhu: ['rd,symbol'],
  sb: ['rs2,symbol,rt'],
  sh: ['rs2,symbol,rt'],
  sw: ['rs2,symbol,rt'],
  unimp: [''],
  'c.unimp': [''],
};

/** A representative instance of each macro spelling, for the micro-op listing in hovers. */
export const MACRO_SAMPLES: Readonly<Record<string, string>> = {
  'li rd,imm': 'li a0, 0x12345678',
  'la rd,symbol': 'la a0, data',
  'lla rd,symbol': 'lla a0, data',
  'call symbol': 'call func',
  'call rd,symbol': 'call t0, func',
  'tail symbol': 'tail func',
  'lb rd,symbol': 'lb a0, data',
  'lh rd,symbol': 'lh a0, data',
  'lw rd,symbol': 'lw a0, data',
  'lbu rd,symbol': 'lbu a0, data',
  'lhu rd,symbol': 'lhu a0, data',
  'sb rs2,symbol,rt': 'sb a0, data, t0',
  'sh rs2,symbol,rt': 'sh a0, data, t0',
  'sw rs2,symbol,rt': 'sw a0, data, t0',
  unimp: 'unimp',
  'c.unimp': 'c.unimp',
};
