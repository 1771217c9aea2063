/**
 * The bytes of relaxed branches and alignment padding, once sizes and addresses are final.
 * Branch forms: 2 bytes compressed; 4 bytes the instruction itself; 6 or 8 bytes the inverted
 * condition (compressed or not) skipping over a `jal zero` to the target, as GNU as writes them.
 */
import { encodeInsn } from '../isa/encoder';
import { entryNamed } from './forms';
import { AlignTail, BranchBase, BranchTail } from './object';
import { SlotValues, tieSlots } from './compress';

const INVERSE: Readonly<Record<Exclude<BranchBase, 'jal'>, BranchBase>> = {
  beq: 'bne', bne: 'beq', blt: 'bge', bge: 'blt', bltu: 'bgeu', bgeu: 'bltu',
};

/** The compressed entry for a base branch/jump (only these have one). */
const COMPRESSED: Readonly<Partial<Record<BranchBase, string>>> = { beq: 'c.beqz', bne: 'c.bnez' };

function compressedName(t: BranchTail, base: BranchBase): string {
  if (base === 'jal') return t.rd === 0 ? 'c.j' : 'c.jal';
  return COMPRESSED[base]!;
}

const REACH_WORDS: Readonly<Record<string, string>> = {
  'c.beqz': '-256..254', 'c.bnez': '-256..254', 'c.j': '-2048..2046', 'c.jal': '-2048..2046',
  jal: '-1048576..1048574 (1 MiB)',
};

function encode(name: string, values: SlotValues): { raw: number; len: 2 | 4 } | { error: string } {
  const entry = entryNamed(name);
  const r = encodeInsn(entry, tieSlots(entry, values));
  if ('problem' in r) {
    if (r.problem.kind !== 'range' || r.problem.slot !== 'imm') return { error: `internal: cannot encode \`${name}\`` };
    const reach = REACH_WORDS[name] ?? '-4096..4094';
    return { error: `the target is too far away for \`${name}\` (offset ${values.imm}; it reaches ${reach})` };
  }
  return { raw: r.raw, len: entry.len };
}

export function encodeTail(t: BranchTail, at: number, target: number): { bytes: Uint8Array } | { error: string } {
  const offset = (target - at) | 0;
  const regs: SlotValues = { rd: t.rd, rs1: t.rs1, rs2: t.rs2 };
  const parts: ({ raw: number; len: 2 | 4 } | { error: string })[] = [];
  switch (t.size) {
    case 2:
      parts.push(encode(compressedName(t, t.base), { rs1: t.rs1, imm: offset }));
      break;
    case 4:
      parts.push(encode(t.base, { ...regs, imm: offset }));
      break;
    case 6:
    case 8: {
      if (t.base === 'jal') return { error: 'internal: a jump cannot take a long form' };
      const skip = t.size;
      const inverse = INVERSE[t.base];
      parts.push(t.size === 6 ? encode(compressedName(t, inverse), { rs1: t.rs1, imm: skip }) : encode(inverse, { rs1: t.rs1, rs2: t.rs2, imm: skip }));
      parts.push(encode('jal', { rd: 0, imm: (target - (at + skip - 4)) | 0 }));
      break;
    }
    default:
      return { error: `internal: branch size ${t.size}` };
  }
  const bytes: number[] = [];
  for (const p of parts) {
    if ('error' in p) return { error: `${t.mnemonic}: ${p.error}` };
    for (let k = 0; k < p.len; k++) bytes.push((p.raw >>> (8 * k)) & 0xff);
  }
  return { bytes: Uint8Array.from(bytes) };
}

const C_NOP = [0x01, 0x00];
const NOP = [0x13, 0x00, 0x00, 0x00];

/** Padding bytes: for code, zeros to an even address, a c.nop to a multiple of 4, then nops. */
export function fillAlign(t: AlignTail, size: number): Uint8Array {
  const out: number[] = [];
  if (!t.code) {
    const fill = Number(BigInt.asUintN(8, t.fill ?? 0n));
    return Uint8Array.from(new Array<number>(size).fill(fill));
  }
  let left = size;
  while (left % 2 !== 0) {
    out.push(0);
    left--;
  }
  if (left % 4 !== 0) {
    out.push(...C_NOP);
    left -= 2;
  }
  while (left > 0) {
    out.push(...NOP);
    left -= 4;
  }
  return Uint8Array.from(out);
}
