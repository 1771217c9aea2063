/** Turning encoder problems into sentences a beginner can act on. */
import { EncodeProblem, fieldRange } from '../isa/encoder';
import { CompiledInsn, Slot } from '../isa/table';
import { FieldName } from '../isa/fields';
import { regName } from '../isa/registers';

const REGISTER_CLASS: Partial<Record<FieldName, string>> = {
  c_rs1p: 'x8-x15 (s0, s1, a0-a5)',
  c_rs2p: 'x8-x15 (s0, s1, a0-a5)',
};

/** What an immediate slot is called in messages, by the field that holds it. */
const IMMEDIATE_NOUN: Partial<Record<FieldName, string>> = {
  shamt: 'shift amount', c_shamt: 'shift amount',
  imm_b: 'branch offset', imm_j: 'jump offset', c_imm_b: 'branch offset', c_imm_j: 'jump offset',
};

/** Mnemonics whose out-of-range immediate is best fixed by loading the value with li first. */
const SUGGEST_LI = new Set(['addi', 'add']);

const SLOT_NOUN: Readonly<Record<Slot, string>> = {
  rd: 'destination register', rs1: 'first source register', rs2: 'second source register', imm: 'immediate',
  csr: 'CSR', aq: 'aq bit', rl: 'rl bit', pred: 'predecessor set', succ: 'successor set', fm: 'fence mode',
};

function bitsOf(min: number, max: number): number {
  return Math.round(Math.log2(max - min + 1));
}

export function rangeMessage(mnemonic: string, field: FieldName, value: number, isLoadStore: boolean): string {
  const r = fieldRange(field);
  const cls = REGISTER_CLASS[field];
  if (cls !== undefined) return `\`${mnemonic}\` only takes registers ${cls} here, not \`${regName(value) ?? value}\``;
  if (field === 'c_rd' || field === 'rd' || field === 'rs1' || field === 'rs2' || field === 'c_rs2') {
    return `register number ${value} is out of range`;
  }
  const noun = IMMEDIATE_NOUN[field] ?? (isLoadStore ? 'offset' : 'immediate');
  if (r.align > 1) {
    if (value % r.align !== 0) return `${noun} ${value} is not a multiple of ${r.align}, as \`${mnemonic}\` needs`;
    return `${noun} ${value} is out of range for \`${mnemonic}\` (${r.min}..${r.max}, a multiple of ${r.align})`;
  }
  const hint = SUGGEST_LI.has(mnemonic) ? '; use li' : '';
  return `${noun} ${value} does not fit in ${bitsOf(r.min, r.max)} bits (${r.min}..${r.max})${hint}`;
}

export function problemMessage(mnemonic: string, entry: CompiledInsn, p: EncodeProblem): string {
  const isLoadStore = /imm\(rs1\)/.test(entry.spec.syntax);
  switch (p.kind) {
    case 'range':
      return rangeMessage(mnemonic, p.field, p.value, isLoadStore);
    case 'nonzero':
      return `\`${mnemonic}\` cannot have a zero ${SLOT_NOUN[p.slot]} (that encoding is reserved)`;
    case 'fixed': {
      const source = entry.spec.operands[p.slot];
      if (typeof source === 'number') return `\`${mnemonic}\` needs \`${regName(source)}\` as its ${SLOT_NOUN[p.slot]}`;
      if (source === undefined) return `\`${mnemonic}\` has no ${SLOT_NOUN[p.slot]}`;
      return `\`${mnemonic}\` needs the same register as destination and source`;
    }
  }
}
