/**
 * How GNU objdump (binutils 2.40) spells instructions, as data: for each table entry, an ordered list
 * of conditional spellings. The first rule whose condition holds wins; an entry with no matching rule
 * prints as its own name and syntax (table.ts).
 *
 * - `alias` rules are objdump's pseudo-instructions, used unless `-M no-aliases`.
 * - `always` rules are spellings objdump uses in both modes (its table has them as real instructions).
 * - `word` rules mark encodings we decode but objdump does not: it prints them as `.4byte`.
 *
 * Conditions are space-separated tests on `Decoded` slots, all of which must hold: `rd=0`, `rs1!=0`,
 * `imm=-1`, `raw=0xc0001073`. An empty condition always holds.
 */
import { Decoded } from './types';

export type RuleKind = 'alias' | 'always' | 'word';
/** Extensions a rule may depend on beyond the table's own: objdump only uses them if enabled. */
export type OptionalExtension = 'Zihintpause';

export interface PrintRule {
  readonly kind: RuleKind;
  readonly when: string;
  /** Mnemonic, then operand syntax in the table's token language (empty for `word` rules). */
  readonly text: string;
  readonly ext?: OptionalExtension;
}

const alias = (when: string, text: string): PrintRule => ({ kind: 'alias', when, text });
const always = (when: string, text: string, ext?: OptionalExtension): PrintRule => ({ kind: 'always', when, text, ext });
const word = (when: string): PrintRule => ({ kind: 'word', when, text: '' });

/** Counter CSRs readable by the rdxxx pseudo-instructions (csrrs rd, csr, zero). */
const COUNTER_READS: readonly PrintRule[] = ([
  ['cycle', 0xc00], ['time', 0xc01], ['instret', 0xc02],
  ['cycleh', 0xc80], ['timeh', 0xc81], ['instreth', 0xc82],
] as const).map(([name, num]) => alias(`csr=${num} rs1=0`, `rd${name} rd`));

export const PRINT_RULES: Readonly<Record<string, readonly PrintRule[]>> = {
  jal: [alias('rd=0', 'j target'), alias('rd=1', 'jal target')],
  jalr: [
    alias('rd=0 rs1=1 imm=0', 'ret'),
    alias('rd=0 imm=0', 'jr rs1'),
    alias('rd=0', 'jr imm(rs1)'),
    alias('rd=1 imm=0', 'jalr rs1'),
    alias('rd=1', 'jalr imm(rs1)'),
    alias('imm=0', 'jalr rd,rs1'),
  ],
  beq: [alias('rs2=0', 'beqz rs1,target')],
  bne: [alias('rs2=0', 'bnez rs1,target')],
  blt: [alias('rs2=0', 'bltz rs1,target'), alias('rs1=0', 'bgtz rs2,target')],
  bge: [alias('rs1=0', 'blez rs2,target'), alias('rs2=0', 'bgez rs1,target')],
  // binutils 2.40 lists `add`/`xor`/`or`/`and`/`sll`/... with an immediate operand ahead of the
  // i-forms, so that is what its alias mode prints.
  addi: [alias('rd=0 rs1=0 imm=0', 'nop'), alias('rs1=0', 'li rd,imm'), alias('imm=0', 'mv rd,rs1'),
    alias('', 'add rd,rs1,imm')],
  sltiu: [alias('imm=1', 'seqz rd,rs1')],
  xori: [alias('imm=-1', 'not rd,rs1'), alias('', 'xor rd,rs1,imm')],
  ori: [alias('', 'or rd,rs1,imm')],
  andi: [alias('imm=255', 'zext.b rd,rs1'), alias('', 'and rd,rs1,imm')],
  slli: [alias('', 'sll rd,rs1,shamt')],
  srli: [alias('', 'srl rd,rs1,shamt')],
  srai: [alias('', 'sra rd,rs1,shamt')],
  sub: [alias('rs1=0', 'neg rd,rs2')],
  slt: [alias('rs2=0', 'sltz rd,rs1'), alias('rs1=0', 'sgtz rd,rs2')],
  sltu: [alias('rs1=0', 'snez rd,rs2')],
  // objdump requires the reserved fields to be zero, and knows only fm = 0 and fence.tso.
  fence: [
    word('rd!=0'), word('rs1!=0'),
    always('fm=0 pred=1 succ=0', 'pause', 'Zihintpause'),
    alias('fm=0 pred=15 succ=15', 'fence'),
    always('fm=8 pred=3 succ=3', 'fence.tso'),
    word('fm!=0'),
  ],
  'fence.i': [word('rd!=0'), word('rs1!=0'), word('imm!=0')],
  'sfence.vma': [alias('rs1=0 rs2=0', 'sfence.vma'), alias('rs2=0', 'sfence.vma rs1')],
  // csrw cycle, zero: a write to a read-only CSR, the canonical 32-bit illegal instruction.
  csrrw: [always('raw=0xc0001073', 'unimp'), alias('rd=0', 'csrw csr,rs1')],
  csrrs: [...COUNTER_READS, alias('rs1=0', 'csrr rd,csr'), alias('rd=0', 'csrs csr,rs1')],
  csrrc: [alias('rd=0', 'csrc csr,rs1')],
  // 2.40's alias mode spells the immediate forms like the register ones (csrw, csrrw: no trailing i).
  csrrwi: [alias('rd=0', 'csrw csr,imm'), alias('', 'csrrw rd,csr,imm')],
  csrrsi: [alias('rd=0', 'csrs csr,imm'), alias('', 'csrrs rd,csr,imm')],
  csrrci: [alias('rd=0', 'csrc csr,imm'), alias('', 'csrrc rd,csr,imm')],

  // Compressed: alias mode prints the expansion (with the base rules' quirks); HINT forms objdump
  // has no base alias for stay compressed.
  'c.addi4spn': [alias('', 'add rd,rs1,imm')],
  'c.lw': [alias('', 'lw rd,imm(rs1)')],
  'c.sw': [alias('', 'sw rs2,imm(rs1)')],
  // 2.40 has no real c.nop: -M no-aliases shows c.addi.
  'c.nop': [alias('imm=0', 'nop'), alias('', 'c.nop imm'), always('', 'c.addi rd,imm')],
  'c.addi': [alias('', 'add rd,rs1,imm')],
  'c.jal': [alias('', 'jal target')],
  'c.li': [alias('rd!=0', 'li rd,imm')],
  'c.addi16sp': [alias('', 'add rd,rs1,imm')],
  'c.lui': [alias('rd!=0', 'lui rd,uimm20')],
  // A zero shift (a HINT) is spelled with RV128's names.
  'c.srli': [always('imm=0', 'c.srli64 rd'), alias('', 'srl rd,rs1,shamt')],
  'c.srai': [always('imm=0', 'c.srai64 rd'), alias('', 'sra rd,rs1,shamt')],
  'c.andi': [alias('', 'and rd,rs1,imm')],
  'c.sub': [alias('', 'sub rd,rs1,rs2')],
  'c.xor': [alias('', 'xor rd,rs1,rs2')],
  'c.or': [alias('', 'or rd,rs1,rs2')],
  'c.and': [alias('', 'and rd,rs1,rs2')],
  'c.j': [alias('', 'j target')],
  'c.beqz': [alias('', 'beqz rs1,target')],
  'c.bnez': [alias('', 'bnez rs1,target')],
  'c.slli': [always('imm=0', 'c.slli64 rd'), alias('rd!=0', 'sll rd,rs1,shamt')],
  'c.lwsp': [alias('', 'lw rd,imm(rs1)')],
  'c.jr': [alias('rs1=1', 'ret'), alias('', 'jr rs1')],
  'c.mv': [alias('rd!=0', 'mv rd,rs2')],
  'c.ebreak': [alias('', 'ebreak')],
  'c.jalr': [alias('', 'jalr rs1')],
  'c.add': [alias('rd!=0', 'add rd,rs1,rs2')],
  'c.swsp': [alias('', 'sw rs2,imm(rs1)')],
};

/** Spellings objdump has for halfwords the decoder rejects (the all-zero halfword is reserved). */
export const ILLEGAL_HALF_SPELLINGS: ReadonlyMap<number, { readonly alias: string; readonly canonical: string }> =
  new Map([[0x0000, { alias: 'unimp', canonical: 'c.unimp' }]]);

type Test = (d: Decoded) => boolean;

const CONDITION_SLOTS = ['rd', 'rs1', 'rs2', 'imm', 'csr', 'pred', 'succ', 'fm', 'raw'] as const;
type ConditionSlot = (typeof CONDITION_SLOTS)[number];

/** Compiles a condition string into a predicate; throws on a malformed one (a table bug). */
export function compileCondition(when: string): Test {
  const tests: Test[] = when.trim() === '' ? [] : when.trim().split(/\s+/).map((term) => {
    const m = /^(\w+)(!?=)(-?(?:0x[0-9a-f]+|\d+))$/.exec(term);
    if (!m || !(CONDITION_SLOTS as readonly string[]).includes(m[1])) throw new Error(`bad condition '${term}'`);
    const slot = m[1] as ConditionSlot;
    const magnitude = Number(m[3].replace('-', ''));
    const want = m[3].startsWith('-') ? -magnitude : magnitude;
    return m[2] === '=' ? (d) => d[slot] === want : (d) => d[slot] !== want;
  });
  return (d) => tests.every((t) => t(d));
}
