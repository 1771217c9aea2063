/**
 * Pseudo-instructions that become more than one instruction, or whose encoding depends on state:
 * li, la/lla, call, tail, loads and stores of a label, unimp. Their expansions are GNU as's.
 */
import { Token } from './tokens';
import { parseImm, parseRegister, splitMemory } from './operands';
import { emitEncoded } from './instructions';
import { entryNamed } from './forms';
import { Value, constant, isConstant } from './value';
import type { UnitAssembler } from './assembler';

export interface InsnMacro {
  /** Operand counts it takes. */
  readonly operands: readonly number[];
  readonly expand: (asm: UnitAssembler, head: Token, groups: readonly Token[][]) => void;
}

const RA = 1;
const T1 = 6;
const ZERO = 0;

const span = (g: readonly Token[]) => ({ start: g[0].start, end: g[g.length - 1].end });

/**
 * li's sequence, as GNU as builds it for RV32: c.li when the value as written fits in 6 bits; a plain
 * (never compressed) `addi rd, zero, v` when it fits in 12; otherwise lui for the upper part (rounded
 * for the sign of the lower) and addi for the lower 12 bits, each only when needed, and each
 * compressed where its rules allow. (la/lla of a constant do the same.)
 */
function loadConstant(asm: UnitAssembler, rd: number, written: bigint, at: { start: number; end: number }, mnemonic: string): void {
  const addi = entryNamed('addi');
  if (written >= -2048n && written <= 2047n) {
    const small = written >= -32n && written <= 31n;
    emitEncoded(asm, addi, { rd, rs1: ZERO, imm: Number(written) }, at.start, at.end, { compressKey: small ? 'li' : undefined, mnemonic });
    return;
  }
  let v = written;
  // A 32-bit value written unsigned (0xffffffff) is the same register contents as its signed twin.
  if (v >= 2n ** 31n && v < 2n ** 32n) v -= 2n ** 32n;
  if (v < -(2n ** 31n) || v >= 2n ** 31n) asm.fail(at.start, at.end, `\`${mnemonic}\`: ${written} does not fit in 32 bits`);
  const lo = ((v & 0xfffn) ^ 0x800n) - 0x800n;
  const up = v - lo;
  if (up !== 0n) {
    emitEncoded(asm, entryNamed('lui'), { rd, imm: Number(BigInt.asIntN(32, up)) }, at.start, at.end, { compressKey: 'li:lui', mnemonic });
  }
  // GNU as also adds the addi when rd is zero (its test for "no lui yet" looks at the register number).
  const base = up !== 0n ? rd : ZERO;
  if (lo !== 0n || base === ZERO) {
    emitEncoded(asm, addi, { rd, rs1: base, imm: Number(lo) }, at.start, at.end, { compressKey: 'li:addi', mnemonic });
  }
}

/** auipc temp, %pcrel_hi(target), then `second` with %pcrel_lo pointing back at the auipc. */
function pcrelPair(asm: UnitAssembler, temp: number, target: Value, at: { start: number; end: number }, mnemonic: string,
  second: (lo: { reloc: 'pcrel_lo12'; value: Value }) => void): void {
  const hi = asm.here();
  emitEncoded(asm, entryNamed('auipc'), { rd: temp, imm: 0 }, at.start, at.end, { fixup: { reloc: 'pcrel_hi20', value: target }, mnemonic });
  second({ reloc: 'pcrel_lo12', value: { add: 0n, terms: [{ sym: hi, coeff: 1 }] } });
}

function addressOf(asm: UnitAssembler, g: readonly Token[], mnemonic: string): Value {
  const imm = parseImm(asm, g);
  if (imm.kind === 'reloc') asm.fail(span(g).start, span(g).end, `\`${mnemonic}\` takes a label, not \`${imm.op}(...)\``);
  return imm.kind === 'const' ? constant(imm.value) : imm.value;
}

const loadAddress: InsnMacro = {
  operands: [2],
  expand(asm, head, [rdTokens, symTokens]) {
    const mnemonic = head.text.toLowerCase();
    const rd = parseRegister(rdTokens);
    const target = addressOf(asm, symTokens, mnemonic);
    const at = span(symTokens);
    if (isConstant(target)) {
      loadConstant(asm, rd, target.add, at, mnemonic);
      return;
    }
    pcrelPair(asm, rd, target, at, mnemonic, (lo) =>
      emitEncoded(asm, entryNamed('addi'), { rd, rs1: rd, imm: 0 }, at.start, at.end, { fixup: lo, mnemonic }));
  },
};

const call: InsnMacro = {
  operands: [1, 2],
  expand(asm, head, groups) {
    const mnemonic = head.text.toLowerCase();
    // `call sym` links through ra; GNU as's `call rd, sym` uses t1 for the upper part.
    const rd = groups.length === 2 ? parseRegister(groups[0]) : RA;
    const temp = groups.length === 2 ? T1 : RA;
    const symTokens = groups[groups.length - 1];
    const at = span(symTokens);
    const target = addressOf(asm, symTokens, mnemonic);
    pcrelPair(asm, temp, target, at, mnemonic, (lo) =>
      emitEncoded(asm, entryNamed('jalr'), { rd, rs1: temp, imm: 0 }, at.start, at.end, { fixup: lo, mnemonic }));
  },
};

const tail: InsnMacro = {
  operands: [1],
  expand(asm, head, [symTokens]) {
    const mnemonic = head.text.toLowerCase();
    const at = span(symTokens);
    const target = addressOf(asm, symTokens, mnemonic);
    pcrelPair(asm, T1, target, at, mnemonic, (lo) =>
      emitEncoded(asm, entryNamed('jalr'), { rd: ZERO, rs1: T1, imm: 0 }, at.start, at.end, { fixup: lo, mnemonic }));
  },
};

/** `lw rd, label`: the address's upper part goes into rd itself. */
const loadFromLabel = (name: string): InsnMacro => ({
  operands: [2],
  expand(asm, _head, [rdTokens, symTokens]) {
    const rd = parseRegister(rdTokens);
    const at = span(symTokens);
    const mem = splitMemory(symTokens);
    if (mem !== undefined) parseRegister(mem.base, 'a base register');
    const target = addressOf(asm, symTokens, name);
    pcrelPair(asm, rd, target, at, name, (lo) =>
      emitEncoded(asm, entryNamed(name), { rd, rs1: rd, imm: 0 }, at.start, at.end, { fixup: lo, mnemonic: name }));
  },
});

/** `sw rs, label, temp`: a store cannot use its data register for the address, so a temporary is named. */
const storeToLabel = (name: string): InsnMacro => ({
  operands: [3],
  expand(asm, _head, [rsTokens, symTokens, tempTokens]) {
    const rs2 = parseRegister(rsTokens);
    const temp = parseRegister(tempTokens, 'a temporary register');
    const at = span(symTokens);
    const target = addressOf(asm, symTokens, name);
    pcrelPair(asm, temp, target, at, name, (lo) =>
      emitEncoded(asm, entryNamed(name), { rs2, rs1: temp, imm: 0 }, at.start, at.end, { fixup: lo, mnemonic: name }));
  },
});

/** The canonical illegal instructions: the all-zero halfword under RVC, else `csrrw x0, cycle, x0`. */
const unimp = (compressedOnly: boolean): InsnMacro => ({
  operands: [0],
  expand(asm, head) {
    if (compressedOnly && !asm.rvc) asm.fail(head.start, head.end, '`c.unimp` is a compressed instruction, but compressed instructions are off here (.option norvc)');
    if (asm.rvc) asm.emitInsn(0x0000, 2);
    else asm.emitInsn(0xc0001073, 4);
  },
});

export const INSN_MACROS: Readonly<Record<string, InsnMacro>> = {
  li: {
    operands: [2],
    expand(asm, _head, [rdTokens, valueTokens]) {
      const rd = parseRegister(rdTokens);
      const imm = parseImm(asm, valueTokens);
      const at = span(valueTokens);
      if (imm.kind !== 'const') {
        return asm.fail(at.start, at.end, '`li` needs a constant; to put the address of a label in a register, use `la`');
      }
      loadConstant(asm, rd, imm.value, at, 'li');
    },
  },
  la: loadAddress,
  lla: loadAddress,
  call,
  tail,
  lb: loadFromLabel('lb'),
  lh: loadFromLabel('lh'),
  lw: loadFromLabel('lw'),
  lbu: loadFromLabel('lbu'),
  lhu: loadFromLabel('lhu'),
  sb: storeToLabel('sb'),
  sh: storeToLabel('sh'),
  sw: storeToLabel('sw'),
  unimp: unimp(false),
  'c.unimp': unimp(true),
};
