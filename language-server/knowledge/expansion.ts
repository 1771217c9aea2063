/**
 * What a spelling stands for in base-instruction terms: `mv rd, rs1` is `addi rd, rs1, 0`,
 * `c.addi rd, imm` expands to `addi rd, rd, imm`, `bgt rs1, rs2, target` is `blt rs2, rs1, target`.
 * Derived from the form's fixed slot values, the table entry's operand map and the base entry's
 * syntax; nothing here is written per instruction.
 */
import { entryNamed } from '../../emulator/asm/forms';
import { parseForm, Token as SyntaxToken } from '../../emulator/isa/disassembler';
import { Slot } from '../../emulator/isa/table';
import { regName } from '../../emulator/isa/registers';
import { csrName } from '../../emulator/isa/csr-names';
import { Spelling } from './mnemonics';

const FENCE_SETS = ['0', 'w', 'r', 'rw', 'o', 'ow', 'or', 'orw', 'i', 'iw', 'ir', 'irw', 'io', 'iow', 'ior', 'iorw'];

/** How a fixed value is written in each slot. */
const VALUE_TEXT: Readonly<Record<Slot, (v: number) => string>> = {
  rd: regName, rs1: regName, rs2: regName,
  imm: String,
  csr: (v) => csrName(v) ?? `0x${v.toString(16)}`,
  pred: (v) => FENCE_SETS[v], succ: (v) => FENCE_SETS[v],
  aq: String, rl: String, fm: String,
};

/** The name each slot goes by in the spelling's own syntax (`rs1` of `bgt` fills slot rs2). */
function slotNames(sp: Spelling): Map<Slot, string> {
  const names = new Map<Slot, string>();
  sp.form!.operands.forEach((op, i) => {
    const token = sp.operands[i];
    if (op.kind === 'mem') {
      names.set('imm', 'imm');
      names.set('rs1', 'rs1');
    } else if (op.kind === 'amo') {
      names.set('rs1', 'rs1');
    } else {
      names.set(op.slot, token);
    }
  });
  return names;
}

/** Slot `slot` of the expansion: a fixed value, a constant register, or an operand's name. */
function slotText(sp: Spelling, names: Map<Slot, string>, slot: Slot): string {
  const form = sp.form!;
  const fixed = form.fixed[slot];
  if (fixed !== undefined) return VALUE_TEXT[slot](fixed);
  const ops = form.entry.spec.operands;
  const source = ops[slot];
  if (typeof source === 'number') return VALUE_TEXT[slot](source);
  const own = names.get(slot);
  if (own !== undefined) return own;
  // A compressed entry fills two base slots from one field (c.addi: rd and rs1 are both rd).
  const twin = (Object.keys(ops) as Slot[]).find((s) => s !== slot && ops[s] === source && names.has(s));
  return twin !== undefined ? names.get(twin)! : '0';
}

function tokenText(sp: Spelling, names: Map<Slot, string>, t: SyntaxToken): string {
  switch (t.kind) {
    case 'reg': return slotText(sp, names, t.slot);
    case 'mem': return `${slotText(sp, names, 'imm')}(${slotText(sp, names, 'rs1')})`;
    case 'amo': return `(${slotText(sp, names, 'rs1')})`;
    case 'csr': case 'pred': case 'succ': return slotText(sp, names, t.kind);
    default: return slotText(sp, names, 'imm');
  }
}

/**
 * The base instruction a table spelling stands for, or undefined when it is that instruction as
 * written (a base entry's own spelling) or a macro.
 */
export function expansionOf(sp: Spelling): string | undefined {
  const form = sp.form;
  if (form === undefined) return undefined;
  const spec = form.entry.spec;
  const compressed = form.entry.len === 2;
  if (form.canonical && !compressed && Object.keys(form.fixed).every((k) => k === 'aq' || k === 'rl')) return undefined;
  const base = compressed ? entryNamed(spec.base).spec : spec;
  const names = slotNames(sp);
  const operands = parseForm(base.name, base.syntax).tokens.map((t) => tokenText(sp, names, t));
  return operands.length === 0 ? base.name : `${base.name} ${operands.join(', ')}`;
}
