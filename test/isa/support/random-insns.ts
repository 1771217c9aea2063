/**
 * Pseudo-random instruction words for differential testing, from a fixed seed. Most are drawn from
 * the opcodes and field values RV32IMAC uses, with registers and immediates skewed toward the values
 * that select objdump's aliases (x0, ra, sp, gp, tp; 0, 1, -1, 255), and lui/auipc often followed by
 * a use of the same register (objdump's address comments).
 */

export interface Item {
  readonly raw: number;
  readonly len: 2 | 4;
}

/** mulberry32: small, fast, good enough to spread test inputs. */
export class Rng {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  below(n: number): number {
    return this.next() % n;
  }
  chance(p: number): boolean {
    return this.next() / 0x100000000 < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.below(xs.length)];
  }
}

const OPCODES = [0x03, 0x0f, 0x13, 0x17, 0x23, 0x2f, 0x33, 0x37, 0x63, 0x67, 0x6f, 0x73];
const SPECIAL_REGS = [0, 0, 1, 2, 3, 4];
const SPECIAL_IMMS = [0, 1, -1, 255, -2048, 2047, 4, 16];
const AMO_FUNCT5 = [0x00, 0x01, 0x02, 0x03, 0x04, 0x08, 0x0c, 0x10, 0x14, 0x18, 0x1c];
const CSRS = [0x001, 0x003, 0x100, 0x180, 0x300, 0x301, 0x304, 0x305, 0x341, 0x342, 0x344, 0x3a0, 0x3b0,
  0x7a0, 0x7b0, 0xb00, 0xc00, 0xc01, 0xc02, 0xc80, 0xc81, 0xc82, 0xc03, 0xf14, 0xf15];
const PRIV_WORDS = [0x00000073, 0x00100073, 0x30200073, 0x10200073, 0x10500073, 0x00200073, 0x7b200073,
  0x70200073, 0x10400073];

function setBits(word: number, lo: number, width: number, value: number): number {
  const mask = ((1 << width) - 1) << lo;
  return ((word & ~mask) | ((value << lo) & mask)) >>> 0;
}

function skewRegs(rng: Rng, w: number): number {
  if (rng.chance(0.3)) w = setBits(w, 7, 5, rng.pick(SPECIAL_REGS));
  if (rng.chance(0.3)) w = setBits(w, 15, 5, rng.pick(SPECIAL_REGS));
  if (rng.chance(0.3)) w = setBits(w, 20, 5, rng.pick(SPECIAL_REGS));
  return w;
}

function randomWord(rng: Rng): number {
  let w = rng.next();
  if (!rng.chance(0.88)) {
    // Any 32-bit-length opcode (bits 4:2 = 111 announce longer instructions).
    let op = (w & 0x7f) | 3;
    if ((op & 0x1c) === 0x1c) op &= ~0x04;
    return setBits(w, 0, 7, op);
  }
  const op = rng.pick(OPCODES);
  w = skewRegs(rng, setBits(w, 0, 7, op));
  switch (op) {
    case 0x13:
      if (rng.chance(0.25)) w = setBits(w, 20, 12, rng.pick(SPECIAL_IMMS));
      if ((w >>> 12 & 3) === 1 && rng.chance(0.85)) w = setBits(w, 25, 7, rng.pick([0x00, 0x20, 0x00, 0x20, 0x01, 0x21]));
      break;
    case 0x33:
      if (rng.chance(0.85)) w = setBits(w, 25, 7, rng.pick([0x00, 0x20, 0x01]));
      break;
    case 0x2f:
      if (rng.chance(0.8)) w = setBits(w, 12, 3, 2);
      if (rng.chance(0.85)) w = setBits(w, 27, 5, rng.pick(AMO_FUNCT5));
      if (rng.chance(0.3)) w = setBits(w, 20, 5, 0);
      break;
    case 0x0f:
      if (rng.chance(0.7)) w = setBits(w, 12, 3, rng.pick([0, 0, 1]));
      if (rng.chance(0.6)) w = setBits(setBits(w, 7, 5, 0), 15, 5, 0);
      if (rng.chance(0.6)) w = setBits(w, 28, 4, rng.pick([0, 8]));
      if (rng.chance(0.2)) w = setBits(w, 20, 12, rng.pick([0x0ff, 0x833, 0x010, 0x000, 0x033]));
      break;
    case 0x67:
      if (rng.chance(0.8)) w = setBits(w, 12, 3, 0);
      if (rng.chance(0.35)) w = setBits(w, 20, 12, rng.pick(SPECIAL_IMMS));
      break;
    case 0x63:
      if (rng.chance(0.9)) w = setBits(w, 12, 3, rng.pick([0, 1, 4, 5, 6, 7]));
      break;
    case 0x03:
    case 0x23:
      if (rng.chance(0.8)) w = setBits(w, 12, 3, rng.pick(op === 0x03 ? [0, 1, 2, 4, 5] : [0, 1, 2]));
      break;
    case 0x73:
      if (rng.chance(0.25)) return rng.chance(0.8) ? rng.pick(PRIV_WORDS) : (setBits(w, 25, 7, 0x09) & ~0x7f80) >>> 0;
      if (rng.chance(0.9) && (w >>> 12 & 7) === 0) w = setBits(w, 12, 3, rng.pick([1, 2, 3, 5, 6, 7]));
      if (rng.chance(0.5)) w = setBits(w, 20, 12, rng.pick(CSRS));
      break;
    default:
      break;
  }
  return w >>> 0;
}

function randomHalf(rng: Rng): number {
  let h = rng.next() & 0xffff;
  h = (h & ~3) | rng.below(3);
  if (rng.chance(0.2)) h &= ~(0x1f << 7);
  if (rng.chance(0.1)) h &= ~(0x1f << 2);
  if (rng.chance(0.1)) h = (h & ~(0x1f << 7)) | (rng.pick([1, 2]) << 7);
  if (rng.chance(0.05)) h &= ~(1 << 12);
  return h;
}

/** A load, store, addi or jalr whose base register is `reg`. */
function useOf(rng: Rng, reg: number): number {
  const w = setBits(rng.next(), 15, 5, reg);
  switch (rng.below(4)) {
    case 0: return setBits(setBits(w, 0, 7, 0x03), 12, 3, rng.pick([0, 1, 2, 4, 5]));
    case 1: return setBits(setBits(w, 0, 7, 0x23), 12, 3, rng.pick([0, 1, 2]));
    case 2: return setBits(setBits(w, 0, 7, 0x13), 12, 3, 0);
    default: return setBits(setBits(w, 0, 7, 0x67), 12, 3, 0);
  }
}

export function randomItems(seed: number, count: number): Item[] {
  const rng = new Rng(seed);
  const items: Item[] = [];
  while (items.length < count) {
    if (rng.chance(0.4)) {
      items.push({ raw: randomHalf(rng), len: 2 });
      continue;
    }
    const w = randomWord(rng);
    items.push({ raw: w, len: 4 });
    const op = w & 0x7f;
    if ((op === 0x37 || op === 0x17) && rng.chance(0.6)) items.push({ raw: useOf(rng, (w >>> 7) & 0x1f), len: 4 });
  }
  return items;
}

/** csrrs a0, N, zero for every CSR number: each name objdump knows. */
export function csrSweep(): Item[] {
  return Array.from({ length: 4096 }, (_, n) => ({ raw: ((n << 20) | 0x2573) >>> 0, len: 4 as const }));
}
