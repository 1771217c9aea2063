/**
 * Every mnemonic the assembler accepts, with its spellings (operand syntaxes) and description: the
 * table-derived forms (emulator/asm/forms.ts: table entries, aliases, operand pseudos) and the
 * multi-instruction macros. Completion, signature help and hovers all read this one catalogue.
 */
import { FORMS, Form } from '../../emulator/asm/forms';
import { INSN_MACROS } from '../../emulator/asm/insn-macros';
import { describeMnemonic } from '../../emulator/isa/descriptions';
import { MACRO_SYNTAX } from './macro-syntax';

export type MnemonicKind = 'instruction' | 'compressed' | 'pseudo';

export interface Spelling {
  readonly mnemonic: string;
  /** Operand syntax in the instruction table's token language (`rd,imm(rs1)`); empty for none. */
  readonly syntax: string;
  /** The syntax split into operands. */
  readonly operands: readonly string[];
  /** The table form behind it; absent for macros. */
  readonly form?: Form;
}

export interface MnemonicInfo {
  readonly name: string;
  readonly description: string;
  readonly kind: MnemonicKind;
  readonly spellings: readonly Spelling[];
}

function splitSyntax(syntax: string): string[] {
  return syntax === '' ? [] : syntax.split(',');
}

function kindOf(name: string, forms: readonly Form[]): MnemonicKind {
  if (name.startsWith('c.')) return 'compressed';
  return forms.some((f) => f.canonical && !f.entry.spec.name.startsWith('c.')) ? 'instruction' : 'pseudo';
}

function build(): Map<string, MnemonicInfo> {
  const names = new Set([...FORMS.keys(), ...Object.keys(INSN_MACROS)]);
  const out = new Map<string, MnemonicInfo>();
  for (const name of [...names].sort()) {
    const forms = FORMS.get(name) ?? [];
    const spellings: Spelling[] = [];
    const seen = new Set<string>();
    const add = (s: Spelling) => {
      if (seen.has(s.syntax)) return;
      seen.add(s.syntax);
      spellings.push(s);
    };
    for (const form of forms) add({ mnemonic: name, syntax: form.syntax, operands: splitSyntax(form.syntax), form });
    for (const syntax of MACRO_SYNTAX[name] ?? []) add({ mnemonic: name, syntax, operands: splitSyntax(syntax) });
    out.set(name, { name, description: describeMnemonic(name) ?? '', kind: kindOf(name, forms), spellings });
  }
  return out;
}

export const MNEMONICS: ReadonlyMap<string, MnemonicInfo> = build();

export function mnemonicInfo(name: string): MnemonicInfo | undefined {
  return MNEMONICS.get(name.toLowerCase());
}

/** `addi rd, rs1, imm`: how a spelling is shown to people. */
export function displaySpelling(s: Spelling): string {
  return s.operands.length === 0 ? s.mnemonic : `${s.mnemonic} ${s.operands.join(', ')}`;
}

/** Whether any spelling of the mnemonic takes an operand of this token kind (`csr`, `pred`, ...). */
export function takesOperand(info: MnemonicInfo, token: string): boolean {
  return info.spellings.some((s) => s.operands.includes(token));
}
