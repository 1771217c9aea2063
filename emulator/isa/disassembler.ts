/**
 * The disassembler: text as GNU objdump 2.40 prints it, derived from the instruction table (canonical
 * names and operand syntax) and print-rules.ts (objdump's aliases and special spellings).
 */
import { Decoded } from './types';
import { INSTRUCTIONS } from './table';
import { decode } from './decoder';
import { ILLEGAL_HALF_SPELLINGS, OptionalExtension, PRINT_RULES, RuleKind, compileCondition } from './print-rules';
import { regName } from './registers';
import { csrName } from './csr-names';

/** Returns the text objdump shows between `<` and `>` for an address (`main+0x4`), if any. */
export type Symbolizer = (addr: number) => string | undefined;

export interface DisasmOptions {
  /** Use objdump's pseudo-instructions (its default); false is `-M no-aliases`. Default true. */
  readonly aliases?: boolean;
  readonly symbolize?: Symbolizer;
  /** Extensions beyond RV32IMAC_Zicsr_Zifencei whose spellings objdump should use. */
  readonly extensions?: readonly OptionalExtension[];
}

export interface Disassembly {
  readonly mnemonic: string;
  /** Comma-separated operands as objdump prints them; empty if none. */
  readonly operands: string;
  /** Branch or jump destination, when the instruction has one. */
  readonly target?: number;
}

export type Token =
  | { readonly kind: 'reg'; readonly slot: 'rd' | 'rs1' | 'rs2' }
  | { readonly kind: 'imm' | 'shamt' | 'uimm20' | 'target' | 'csr' | 'pred' | 'succ' | 'mem' | 'amo' };

/** A parsed spelling: the mnemonic and its operand tokens. */
export interface Form {
  readonly mnemonic: string;
  readonly tokens: readonly Token[];
  /** Append .aq/.rl/.aqrl (A-extension ordering bits), as objdump's separate entries do. */
  readonly ordering: boolean;
}

const SIMPLE_TOKENS = new Set(['imm', 'shamt', 'uimm20', 'target', 'csr', 'pred', 'succ']);

function parseToken(text: string): Token {
  if (text === 'rd' || text === 'rs1' || text === 'rs2') return { kind: 'reg', slot: text };
  if (text === 'imm(rs1)') return { kind: 'mem' };
  if (text === '(rs1)') return { kind: 'amo' };
  if (SIMPLE_TOKENS.has(text)) return { kind: text } as Token;
  throw new Error(`unknown operand token '${text}'`);
}

export function parseForm(mnemonic: string, syntax: string, ordering = false): Form {
  const tokens = syntax === '' ? [] : syntax.split(',').map(parseToken);
  return { mnemonic, tokens, ordering };
}

interface CompiledRule {
  readonly kind: RuleKind;
  readonly test: (d: Decoded) => boolean;
  readonly form?: Form;
  readonly ext?: OptionalExtension;
}

interface EntryPrinting {
  readonly canonical: Form;
  readonly rules: readonly CompiledRule[];
}

const PRINTING = new Map<string, EntryPrinting>(INSTRUCTIONS.map((spec) => {
  const canonical = parseForm(spec.name, spec.syntax, spec.operands.aq !== undefined);
  const rules = (PRINT_RULES[spec.name] ?? []).map((r): CompiledRule => {
    const space = r.text.indexOf(' ');
    const form = r.kind === 'word' ? undefined
      : space < 0 ? parseForm(r.text, '') : parseForm(r.text.slice(0, space), r.text.slice(space + 1));
    return { kind: r.kind, test: compileCondition(r.when), form, ext: r.ext };
  });
  return [spec.name, { canonical, rules }];
}));

for (const name of Object.keys(PRINT_RULES)) {
  if (!PRINTING.has(name)) throw new Error(`print rules for unknown instruction ${name}`);
}

/**
 * The spelling objdump uses for a decoded instruction, or null where objdump has none (it prints the
 * word as `.4byte`).
 */
export function selectForm(d: Decoded, opts: DisasmOptions = {}): Form | null {
  const printing = printingOf(d);
  const i = selectRule(d, opts);
  return i < 0 ? printing.canonical : printing.rules[i].form ?? null;
}

/** Index into PRINT_RULES[d.name] of the rule objdump's spelling comes from; -1 for the canonical one. */
export function selectRule(d: Decoded, opts: DisasmOptions = {}): number {
  const rules = printingOf(d).rules;
  const aliases = opts.aliases ?? true;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (rule.kind === 'alias' && !aliases) continue;
    if (rule.ext !== undefined && !(opts.extensions ?? []).includes(rule.ext)) continue;
    if (rule.test(d)) return i;
  }
  return -1;
}

function printingOf(d: Decoded): EntryPrinting {
  const printing = PRINTING.get(d.name);
  if (printing === undefined) throw new Error(`no table entry named ${d.name}`);
  return printing;
}

const hex = (n: number): string => (n >>> 0).toString(16);

/** An address as objdump prints it: `80000010 <main+0x4>` with symbols, `0x80000010` without. */
export function formatAddress(addr: number, symbolize?: Symbolizer): string {
  const sym = symbolize?.(addr >>> 0);
  return sym === undefined ? `0x${hex(addr)}` : `${hex(addr)} <${sym}>`;
}

/** objdump's names for fence predecessor/successor sets (bits i o r w); 0 has none. */
const FENCE_SETS = ['unknown', 'w', 'r', 'rw', 'o', 'ow', 'or', 'orw',
  'i', 'iw', 'ir', 'irw', 'io', 'iow', 'ior', 'iorw'];

function orderingSuffix(d: Decoded): string {
  return d.aq ? (d.rl ? '.aqrl' : '.aq') : d.rl ? '.rl' : '';
}

function renderToken(t: Token, d: Decoded, pc: number, symbolize?: Symbolizer): string {
  switch (t.kind) {
    case 'reg': return regName(d[t.slot]);
    case 'imm': return String(d.imm);
    case 'shamt': return `0x${hex(d.imm)}`;
    case 'uimm20': return `0x${hex((d.imm >>> 12) & 0xfffff)}`;
    case 'target': return formatAddress(pc + d.imm, symbolize);
    case 'csr': return csrName(d.csr) ?? `0x${hex(d.csr)}`;
    case 'pred': return FENCE_SETS[d.pred];
    case 'succ': return FENCE_SETS[d.succ];
    case 'mem': return `${d.imm}(${regName(d.rs1)})`;
    case 'amo': return `(${regName(d.rs1)})`;
  }
}

export function renderForm(form: Form, d: Decoded, pc: number, symbolize?: Symbolizer): Disassembly {
  const mnemonic = form.ordering ? form.mnemonic + orderingSuffix(d) : form.mnemonic;
  const operands = form.tokens.map((t) => renderToken(t, d, pc, symbolize)).join(',');
  const hasTarget = form.tokens.some((t) => t.kind === 'target');
  return hasTarget ? { mnemonic, operands, target: (pc + d.imm) >>> 0 } : { mnemonic, operands };
}

/** How objdump shows a word it cannot disassemble: a data directive, or `unimp` for the zero halfword. */
export function illegalDisassembly(raw: number, len: 2 | 4, opts: DisasmOptions = {}): Disassembly {
  if (len === 2) {
    const spelling = ILLEGAL_HALF_SPELLINGS.get(raw & 0xffff);
    if (spelling !== undefined) {
      return { mnemonic: (opts.aliases ?? true) ? spelling.alias : spelling.canonical, operands: '' };
    }
    return { mnemonic: '.2byte', operands: `0x${hex(raw & 0xffff)}` };
  }
  return { mnemonic: '.4byte', operands: `0x${hex(raw)}` };
}

/** Disassembles a decoded instruction at `pc`. */
export function disassemble(d: Decoded, pc: number, opts: DisasmOptions = {}): Disassembly {
  const form = selectForm(d, opts);
  return form === null ? illegalDisassembly(d.raw, d.len, opts) : renderForm(form, d, pc, opts.symbolize);
}

/** Decodes and disassembles a raw instruction (only the low halfword if it is compressed). */
export function disassembleWord(raw: number, pc: number, opts: DisasmOptions = {}): Disassembly {
  const d = decode(raw);
  if (d !== null) return disassemble(d, pc, opts);
  return illegalDisassembly(raw, (raw & 3) === 3 ? 4 : 2, opts);
}
