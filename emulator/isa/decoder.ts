/**
 * The decoder, derived from the instruction table at module load: entries are bucketed by their
 * major opcode (bits 6:0 of a word, quadrant and funct3 of a halfword) and, within a bucket, tried
 * most specific first. A call allocates nothing but its result.
 */
import { Decoded } from './types';
import { COMPILED, CompiledInsn } from './table';

/** 32-bit buckets are indexed by bits 6:0; 16-bit ones by funct3 (15:13) and quadrant (1:0). */
const WORD_BUCKETS: CompiledInsn[][] = Array.from({ length: 128 }, () => []);
const HALF_BUCKETS: CompiledInsn[][] = Array.from({ length: 32 }, () => []);

function halfKey(half: number): number {
  return ((half >>> 13) << 2) | (half & 3);
}

for (const insn of COMPILED) {
  if (insn.len === 4) {
    WORD_BUCKETS[insn.match & 0x7f].push(insn);
  } else {
    HALF_BUCKETS[halfKey(insn.match)].push(insn);
  }
}
for (const bucket of [...WORD_BUCKETS, ...HALF_BUCKETS]) bucket.sort((a, b) => b.fixedBits - a.fixedBits);

/** Length in bytes of the instruction whose low halfword is given. */
export function insnLength(lowHalf: number): 2 | 4 {
  return (lowHalf & 3) === 3 ? 4 : 2;
}

/** The table entry a word matches (before reserved-encoding checks), or undefined. */
export function matchEntry(raw: number): CompiledInsn | undefined {
  const compressed = (raw & 3) !== 3;
  const word = compressed ? raw & 0xffff : raw | 0;
  const bucket = compressed ? HALF_BUCKETS[halfKey(word)] : WORD_BUCKETS[word & 0x7f];
  for (let i = 0; i < bucket.length; i++) {
    const e = bucket[i];
    if ((word & e.mask) === e.match) return e;
  }
  return undefined;
}

/**
 * Decodes one instruction. If the low two bits are not 11 only the low 16 bits are used (a compressed
 * instruction). Returns null for illegal and reserved encodings.
 */
export function decode(raw: number): Decoded | null {
  const e = matchEntry(raw);
  if (e === undefined) return null;
  const word = e.len === 2 ? raw & 0xffff : raw | 0;
  const g = e.getters;
  for (let slots = e.nonzeroSlots, i = 0; slots !== 0; slots >>>= 1, i++) {
    if ((slots & 1) !== 0 && g[i](word) === 0) return null;
  }
  return {
    mnemonic: e.spec.base,
    name: e.spec.name,
    len: e.len,
    raw: e.len === 2 ? word : word >>> 0,
    rd: g[0](word),
    rs1: g[1](word),
    rs2: g[2](word),
    imm: g[3](word),
    csr: g[4](word),
    aq: g[5](word) !== 0,
    rl: g[6](word) !== 0,
    pred: g[7](word),
    succ: g[8](word),
    fm: g[9](word),
  };
}
