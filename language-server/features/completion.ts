/**
 * textDocument/completion: mnemonics (pseudo-instructions included) and directives where a statement
 * starts; in an operand, what the mnemonic's spellings take there — registers, CSR names, labels and
 * constants, fence sets — and relocation operators after `%`.
 */
import { CompletionItem, CompletionItemKind, MarkupKind, Position, Range } from 'vscode-languageserver';
import { DIRECTIVES } from '../../emulator/asm/directives';
import { ABI_NAMES, regRole } from '../../emulator/isa/registers';
import { allCsrs } from '../../emulator/isa/csr-names';
import { csrDescription } from '../../emulator/isa/csr-docs';
import { SourceFile, Workspace } from '../document/workspace';
import { MNEMONICS, MnemonicInfo, displaySpelling, mnemonicInfo } from '../knowledge/mnemonics';
import { PREPROCESSOR_DIRECTIVES, directiveDoc } from '../knowledge/directives';
import { RELOCATION_DOCS } from '../knowledge/relocations';
import { AssemblyRecord } from '../hover/symbol';
import { Place, placeAt } from './cursor';

type Want = 'register' | 'csr' | 'symbol' | 'fence';

/** What each operand token of the table's syntax takes. */
const WANTS: Readonly<Record<string, readonly Want[]>> = {
  rd: ['register'], rs1: ['register'], rs2: ['register'], rt: ['register'], '(rs1)': ['register'],
  csr: ['csr'],
  pred: ['fence'], succ: ['fence'],
  target: ['symbol'], symbol: ['symbol'],
  imm: ['symbol'], uimm20: ['symbol'], shamt: ['symbol'], 'imm(rs1)': ['symbol'],
};

const FENCE_SETS = ['iorw', 'rw', 'r', 'w', 'io', 'i', 'o'];

const KIND_DETAIL: Readonly<Record<MnemonicInfo['kind'], string>> = {
  instruction: 'instruction', compressed: 'compressed instruction', pseudo: 'pseudo-instruction',
};

function mnemonicItems(): CompletionItem[] {
  return [...MNEMONICS.values()].map((m) => ({
    label: m.name,
    kind: CompletionItemKind.Keyword,
    detail: `${KIND_DETAIL[m.kind]}: ${m.spellings.map(displaySpelling).join(' | ')}`,
    documentation: m.description,
    // Real instructions first, then pseudo-instructions, then compressed forms (GNU as picks those itself).
    sortText: `${m.kind === 'instruction' ? 0 : m.kind === 'pseudo' ? 1 : 2}${m.name}`,
  }));
}

function directiveItems(): CompletionItem[] {
  const names = [...new Set([...Object.keys(DIRECTIVES), ...PREPROCESSOR_DIRECTIVES])].sort();
  return names.map((name) => {
    const doc = directiveDoc(name);
    return { label: name, kind: CompletionItemKind.Keyword, detail: doc === undefined ? 'directive' : `${name} ${doc.usage}`.trim(), documentation: doc?.doc };
  });
}

function registerItems(): CompletionItem[] {
  return ABI_NAMES.map((name, n) => ({ label: name, kind: CompletionItemKind.Variable, detail: `x${n}`, documentation: regRole(n), sortText: `${String(n).padStart(2, '0')}` }));
}

function csrItems(): CompletionItem[] {
  return allCsrs().map(([num, name]) => ({
    label: name, kind: CompletionItemKind.Property, detail: `CSR 0x${num.toString(16).padStart(3, '0')}`, documentation: csrDescription(name),
  }));
}

function symbolItems(ws: Workspace, file: SourceFile, record: AssemblyRecord | undefined): CompletionItem[] {
  const items = new Map<string, CompletionItem>();
  for (const f of ws.family(file)) {
    for (const o of ws.index(f).occurrences) {
      if (!o.def || o.kind === 'local' || o.kind === 'macro' || items.has(o.name)) continue;
      const constant = o.kind === 'constant' || o.kind === 'cpp';
      items.set(o.name, { label: o.name, kind: constant ? CompletionItemKind.Constant : CompletionItemKind.Reference, detail: o.kind === 'cpp' ? '#define' : o.kind });
    }
  }
  for (const s of record?.symbols ?? []) {
    if (!items.has(s.name)) items.set(s.name, { label: s.name, kind: s.section === undefined ? CompletionItemKind.Constant : CompletionItemKind.Reference, detail: `0x${(s.address >>> 0).toString(16)}` });
  }
  return [...items.values()];
}

function macroItems(ws: Workspace, file: SourceFile): CompletionItem[] {
  return ws.family(file).flatMap((f) => ws.index(f).occurrences.filter((o) => o.def && o.kind === 'macro'))
    .map((o) => ({ label: o.name, kind: CompletionItemKind.Function, detail: 'macro' }));
}

function relocationItems(): CompletionItem[] {
  return Object.entries(RELOCATION_DOCS).map(([label, doc]) => ({
    label, kind: CompletionItemKind.Operator, documentation: { kind: MarkupKind.Markdown, value: doc },
  }));
}

function operandWants(place: Extract<Place, { kind: 'operand' }>): Set<Want> {
  const head = place.statement.head!;
  const directive = head.text.startsWith('.');
  const info = directive ? undefined : mnemonicInfo(head.text);
  if (directive) return new Set(['symbol']);
  if (info === undefined) return new Set(['register', 'symbol']);
  const wants = new Set<Want>();
  for (const s of info.spellings) {
    const token = s.operands[place.index];
    if (token === undefined) continue;
    // Inside the parentheses of offset(base) only the base register goes.
    const effective = token === 'imm(rs1)' && place.inParens ? '(rs1)' : token;
    for (const w of WANTS[effective] ?? []) wants.add(w);
  }
  return wants;
}

export function completionsAt(ws: Workspace, file: SourceFile, pos: Position, lineText: string, record: AssemblyRecord | undefined): CompletionItem[] {
  const place = placeAt(ws.index(file), lineText, pos.line, pos.character);
  if (place.kind === 'none') return [];
  let items: CompletionItem[];
  if (place.kind === 'head') {
    items = place.prefix.startsWith('.') ? directiveItems() : [...mnemonicItems(), ...macroItems(ws, file), ...directiveItems()];
  } else if (place.reloc) {
    items = relocationItems();
  } else {
    const wants = operandWants(place);
    const SOURCES: Readonly<Record<Want, () => CompletionItem[]>> = {
      register: registerItems,
      csr: csrItems,
      symbol: () => symbolItems(ws, file, record),
      fence: () => FENCE_SETS.map((label) => ({ label, kind: CompletionItemKind.EnumMember })),
    };
    items = [...wants].flatMap((w) => SOURCES[w]());
  }
  // Replace exactly the word being typed, whatever the client thinks a word is (`.` and `%` are in ours).
  const range: Range = { start: { line: pos.line, character: place.start }, end: pos };
  return items.map((item) => ({ ...item, textEdit: { range, newText: item.label } }));
}
