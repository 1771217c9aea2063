/**
 * Automatic compression (`.option rvc`), as GNU as 2.40 chooses it. GNU as does not compress by
 * meaning: it tries, in order, the compressed spellings its opcode table lists under the mnemonic as
 * written. So `addi a0,zero,0` becomes c.li but `mv a0,zero` stays 4 bytes, and explicit `jalr ra,0(a0)`
 * is never c.jalr. This file records those facts as data; whether a compressed entry can hold the
 * operands is worked out from the instruction table (encoder.ts).
 */
import { compileCondition } from '../isa/print-rules';
import { encodeInsn } from '../isa/encoder';
import { matchEntry } from '../isa/decoder';
import { CompiledInsn, Slot } from '../isa/table';
import { Decoded } from '../isa/types';
import { entryNamed } from './forms';

export type SlotValues = Partial<Record<Slot, number>>;

interface Candidate {
  readonly entry: string;
  /** Only when this print-rule style condition holds on the instruction's slots. */
  readonly when?: string;
  /** The compressed entry's slots, taken from these slots of the instruction (default: the same). */
  readonly from?: Readonly<Partial<Record<Slot, Slot>>>;
  /** GNU as takes the HINT encodings of this entry too (AVOIDED below does not apply). */
  readonly hints?: boolean;
}

/** add, and, or, xor are commutative: GNU as also matches `add a0,a1,a0` as c.add a0,a1. */
const commuted = (entry: string): Candidate => ({ entry, from: { rd: 'rd', rs1: 'rs2', rs2: 'rs1' } });
/** `addi rd,rs,0` is c.mv rd,rs (which expands to add rd,x0,rs). */
const addiAsMove: Candidate = { entry: 'c.mv', when: 'imm=0', from: { rd: 'rd', rs2: 'rs1' } };

const ADDI: readonly Candidate[] = [
  { entry: 'c.addi' }, { entry: 'c.addi16sp' }, { entry: 'c.addi4spn' }, { entry: 'c.li' }, addiAsMove, { entry: 'c.nop' },
];

/** Keyed by the spelling as written: mnemonic and operand syntax (forms.ts spellingKey). */
const COMPRESSIONS: Readonly<Record<string, readonly Candidate[]>> = {
  'addi rd,rs1,imm': ADDI,
  // `add` with an immediate has its own, shorter list in GNU as's table: no c.li, c.mv or c.nop, and
  // c.addi even with a zero immediate.
  'add rd,rs1,imm': [{ entry: 'c.addi', hints: true }, { entry: 'c.addi16sp' }, { entry: 'c.addi4spn' }],
  'add rd,rs1,rs2': [{ entry: 'c.add' }, commuted('c.add'), { entry: 'c.mv' }],
  'sub rd,rs1,rs2': [{ entry: 'c.sub' }],
  'and rd,rs1,rs2': [{ entry: 'c.and' }, commuted('c.and')],
  'or rd,rs1,rs2': [{ entry: 'c.or' }, commuted('c.or')],
  'xor rd,rs1,rs2': [{ entry: 'c.xor' }, commuted('c.xor')],
  'andi rd,rs1,imm': [{ entry: 'c.andi' }],
  'and rd,rs1,imm': [{ entry: 'c.andi' }],
  'slli rd,rs1,shamt': [{ entry: 'c.slli' }],
  'sll rd,rs1,shamt': [{ entry: 'c.slli' }],
  'srli rd,rs1,shamt': [{ entry: 'c.srli' }],
  'srl rd,rs1,shamt': [{ entry: 'c.srli' }],
  'srai rd,rs1,shamt': [{ entry: 'c.srai' }],
  'sra rd,rs1,shamt': [{ entry: 'c.srai' }],
  'lw rd,imm(rs1)': [{ entry: 'c.lwsp' }, { entry: 'c.lw' }],
  'sw rs2,imm(rs1)': [{ entry: 'c.swsp' }, { entry: 'c.sw' }],
  'lui rd,uimm20': [{ entry: 'c.lui' }],
  'mv rd,rs1': [{ entry: 'c.mv', from: { rd: 'rd', rs2: 'rs1' } }],
  'nop': [{ entry: 'c.nop' }],
  'ebreak': [{ entry: 'c.ebreak' }],
  'jr rs1': [{ entry: 'c.jr' }],
  'ret': [{ entry: 'c.jr' }],
  'jalr rs1': [{ entry: 'c.jalr' }],
  // Branches and jumps to labels: whether the relaxed form may be 2 bytes.
  'beq rs1,rs2,target': [{ entry: 'c.beqz' }],
  'bne rs1,rs2,target': [{ entry: 'c.bnez' }],
  'beqz rs1,target': [{ entry: 'c.beqz' }],
  'bnez rs1,target': [{ entry: 'c.bnez' }],
  'j target': [{ entry: 'c.j' }],
  // li's own steps: `li rd,v` may be c.li; in its lui+addi sequence the lui may be c.lui and the addi
  // only a form that adds to rd itself (so `addi rd,zero,v` stays 4 bytes).
  'li': [{ entry: 'c.li' }],
  'li:lui': [{ entry: 'c.lui' }],
  'li:addi': [{ entry: 'c.addi' }, { entry: 'c.addi16sp' }, { entry: 'c.nop' }],
};

/**
 * HINT encodings (legal, but no effect) GNU as never produces by compression; each line is a list of
 * conditions, any of which rules the entry out.
 */
const AVOIDED: Readonly<Record<string, readonly string[]>> = {
  'c.addi': ['imm=0'],
  'c.li': ['rd=0'],
  'c.lui': ['rd=0'],
  'c.mv': ['rd=0'],
  'c.add': ['rd=0'],
  'c.slli': ['rd=0', 'imm=0'],
  'c.srli': ['imm=0'],
  'c.srai': ['imm=0'],
  'c.nop': ['imm!=0'],
};

interface CompiledCandidate {
  readonly entry: CompiledInsn;
  readonly when: (v: SlotValues) => boolean;
  readonly from?: Readonly<Partial<Record<Slot, Slot>>>;
  readonly avoid: (v: SlotValues) => boolean;
}

/** Conditions are written over Decoded; slot values stand in for it (absent slots are 0). */
function overSlots(when: string): (v: SlotValues) => boolean {
  const test = compileCondition(when);
  return (v) => test({ rd: 0, rs1: 0, rs2: 0, imm: 0, csr: 0, pred: 0, succ: 0, fm: 0, raw: 0, ...v } as unknown as Decoded);
}

const COMPILED_CANDIDATES = new Map<string, readonly CompiledCandidate[]>(Object.entries(COMPRESSIONS).map(([key, list]) => [
  key,
  list.map((c): CompiledCandidate => {
    const avoids = c.hints === true ? [] : (AVOIDED[c.entry] ?? []).map(overSlots);
    return {
      entry: entryNamed(c.entry),
      when: c.when === undefined ? () => true : overSlots(c.when),
      from: c.from,
      avoid: (v) => avoids.some((t) => t(v)),
    };
  }),
]));

export interface Compressed {
  readonly entry: CompiledInsn;
  readonly values: SlotValues;
  readonly raw: number;
}

function remap(values: SlotValues, from?: Readonly<Partial<Record<Slot, Slot>>>): SlotValues {
  if (from === undefined) return values;
  const out: SlotValues = {};
  for (const [to, source] of Object.entries(from) as [Slot, Slot][]) out[to] = values[source] ?? 0;
  return out;
}

/** The entry's slots that read the same field as one already given take its value (c.addi's rs1 is its rd). */
export function tieSlots(entry: CompiledInsn, values: SlotValues): SlotValues {
  const out: SlotValues = { ...values };
  const ops = entry.spec.operands;
  for (const [slot, source] of Object.entries(ops) as [Slot, unknown][]) {
    if (out[slot] !== undefined) continue;
    if (typeof source === 'number') {
      out[slot] = source;
      continue;
    }
    const twin = (Object.entries(ops) as [Slot, unknown][]).find(([s, src]) => s !== slot && src === source && out[s] !== undefined);
    if (twin !== undefined) out[slot] = out[twin[0]];
  }
  return out;
}

/**
 * The compressed encoding GNU as picks for an instruction written as `key` with these (base
 * instruction) slot values, or undefined to keep 4 bytes.
 */
export function compress(key: string, values: SlotValues): Compressed | undefined {
  for (const c of COMPILED_CANDIDATES.get(key) ?? []) {
    if (!c.when(values)) continue;
    const mapped = tieSlots(c.entry, remap(values, c.from));
    if (c.avoid(mapped)) continue;
    const r = encodeInsn(c.entry, mapped);
    if (!('raw' in r)) continue;
    // The bits must read back as this entry (c.lui with rd=sp would be c.addi16sp).
    if (matchEntry(r.raw) !== c.entry) continue;
    return { entry: c.entry, values: mapped, raw: r.raw };
  }
  return undefined;
}

/** Whether some candidate for `key` could hold these registers (branch offsets are checked later). */
export function hasCompressedForm(key: string, values: SlotValues, imm: number): boolean {
  return compress(key, { ...values, imm }) !== undefined;
}
