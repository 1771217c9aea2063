/**
 * Every spelling the assembler accepts, derived from the instruction table and the disassembler's
 * print rules rather than listed again: a table entry's own syntax (`addi rd,rs1,imm`), objdump's
 * aliases read backwards (the rule "jalr with rd=0, imm=0 prints as `jr rs1`" also says how to
 * assemble `jr`), the A extension's `.aq`/`.rl` suffixes, and the few assembler-only pseudo-instructions
 * in pseudo.ts. Multi-instruction macros (li, la, call, ...) are in macros-insn.ts.
 */
import { COMPILED, CompiledInsn, SLOTS, Slot } from '../isa/table';
import { Token as SyntaxToken, parseForm } from '../isa/disassembler';
import { PRINT_RULES } from '../isa/print-rules';
import { decode } from '../isa/decoder';
import { OPERAND_PSEUDOS } from './pseudo';

export type OperandKind = 'reg' | 'imm' | 'shamt' | 'uimm20' | 'target' | 'csr' | 'pred' | 'succ' | 'mem' | 'amo';

export interface FormOperand {
  readonly kind: OperandKind;
  /** The entry slot the operand fills (mem: the offset; its base register goes to rs1). */
  readonly slot: Slot;
  /** The syntax name (`rd`, `imm`, ...), for messages. */
  readonly name: string;
}

export interface Form {
  readonly mnemonic: string;
  /** Operand syntax as written in the table's token language (`rd,imm(rs1)`). */
  readonly syntax: string;
  readonly operands: readonly FormOperand[];
  readonly entry: CompiledInsn;
  /** Slot values the spelling implies (`jr` sets rd=0 and imm=0). */
  readonly fixed: Readonly<Partial<Record<Slot, number>>>;
  /** Written as the table entry itself (not an alias): explicit compressed forms skip GNU's choices. */
  readonly canonical: boolean;
}

const BY_NAME = new Map(COMPILED.map((c) => [c.spec.name, c]));

export function entryNamed(name: string): CompiledInsn {
  const e = BY_NAME.get(name);
  if (e === undefined) throw new Error(`no instruction table entry named ${name}`);
  return e;
}

function operandOf(t: SyntaxToken): FormOperand {
  switch (t.kind) {
    case 'reg': return { kind: 'reg', slot: t.slot, name: t.slot };
    case 'imm': case 'shamt': case 'uimm20': case 'target': return { kind: t.kind, slot: 'imm', name: t.kind };
    case 'csr': return { kind: 'csr', slot: 'csr', name: 'csr' };
    case 'pred': return { kind: 'pred', slot: 'pred', name: 'pred' };
    case 'succ': return { kind: 'succ', slot: 'succ', name: 'succ' };
    case 'mem': return { kind: 'mem', slot: 'imm', name: 'offset(register)' };
    case 'amo': return { kind: 'amo', slot: 'rs1', name: '(register)' };
  }
}

/** Reads a print-rule condition as the slot values it fixes; undefined if it only constrains them. */
function fixedByCondition(when: string): Partial<Record<Slot, number>> | undefined {
  const fixed: Partial<Record<Slot, number>> = {};
  for (const term of when.trim().split(/\s+/).filter((t) => t !== '')) {
    const m = /^(\w+)=(-?(?:0x[0-9a-f]+|\d+))$/.exec(term);
    if (m === null) return undefined;
    const value = m[2].startsWith('-') ? -Number(m[2].slice(1)) : Number(m[2]);
    if (m[1] === 'raw') {
      const d = decode(value);
      if (d === null) return undefined;
      for (const slot of SLOTS) fixed[slot] = typeof d[slot] === 'boolean' ? Number(d[slot]) : d[slot] as number;
    } else if ((SLOTS as readonly string[]).includes(m[1])) {
      fixed[m[1] as Slot] = value;
    } else {
      return undefined;
    }
  }
  return fixed;
}

/** Mnemonics whose print-rule spelling the assembler replaces (li takes any 32-bit value). */
const MACRO_SPELLINGS = new Set(['li', 'unimp']);

const ORDERING_SUFFIXES: readonly [string, number, number][] = [['', 0, 0], ['.aq', 1, 0], ['.rl', 0, 1], ['.aqrl', 1, 1]];

function buildForms(): Map<string, Form[]> {
  const forms = new Map<string, Form[]>();
  const add = (f: Form) => {
    const list = forms.get(f.mnemonic) ?? [];
    list.push(f);
    forms.set(f.mnemonic, list);
  };
  for (const entry of COMPILED) {
    const spec = entry.spec;
    const canonical = parseForm(spec.name, spec.syntax);
    const operands = canonical.tokens.map(operandOf);
    if (spec.operands.aq !== undefined) {
      for (const [suffix, aq, rl] of ORDERING_SUFFIXES) add({ mnemonic: spec.name + suffix, syntax: spec.syntax, operands, entry, fixed: { aq, rl }, canonical: true });
    } else {
      add({ mnemonic: spec.name, syntax: spec.syntax, operands, entry, fixed: {}, canonical: true });
    }
  }
  for (const entry of COMPILED) {
    for (const rule of PRINT_RULES[entry.spec.name] ?? []) {
      if (rule.kind === 'word' || rule.ext !== undefined) continue;
      const space = rule.text.indexOf(' ');
      const mnemonic = space < 0 ? rule.text : rule.text.slice(0, space);
      // Compressed entries' aliases spell base instructions: those are reached by compression instead.
      if (entry.len === 2 && !mnemonic.startsWith('c.')) continue;
      if (MACRO_SPELLINGS.has(mnemonic)) continue;
      const fixed = fixedByCondition(rule.when);
      if (fixed === undefined) continue;
      const syntax = space < 0 ? '' : rule.text.slice(space + 1);
      const form = parseForm(mnemonic, syntax);
      add({ mnemonic, syntax, operands: form.tokens.map(operandOf), entry, fixed, canonical: false });
    }
  }
  for (const p of OPERAND_PSEUDOS) {
    const entry = entryNamed(p.entry);
    const form = parseForm(p.mnemonic, p.syntax);
    const operands = form.tokens.map((t, i) => ({ ...operandOf(t), slot: p.slots?.[i] ?? operandOf(t).slot }));
    add({ mnemonic: p.mnemonic, syntax: p.syntax, operands, entry, fixed: p.fixed ?? {}, canonical: false });
  }
  return forms;
}

export const FORMS: ReadonlyMap<string, readonly Form[]> = buildForms();

/** How compress.ts names a spelling: mnemonic and operand syntax (`add rd,rs1,imm`). */
export function spellingKey(form: Form): string {
  return form.syntax === '' ? form.mnemonic : `${form.mnemonic} ${form.syntax}`;
}
