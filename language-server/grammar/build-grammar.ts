/**
 * The TextMate grammar for RISC-V assembly (syntaxes/riscv-asm.tmLanguage.json), built from the
 * tables the assembler uses — mnemonics (with pseudo-instructions), CSR names, registers, directives,
 * relocation operators — so the colours never disagree with what assembles. A test checks the
 * checked-in file is what this builds; `node out/language-server/grammar/build-grammar.js` rewrites it.
 *
 * The expressions stay within what both Oniguruma (VS Code) and JavaScript accept, so the tests can
 * run them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DIRECTIVES } from '../../emulator/asm/directives';
import { RELOC_OPS } from '../../emulator/asm/expr';
import { allCsrs } from '../../emulator/isa/csr-names';
import { MNEMONICS, takesOperand } from '../knowledge/mnemonics';
import { PREPROCESSOR_DIRECTIVES } from '../knowledge/directives';

export const SCOPE = 'source.riscv-asm';

/** Rules as the TextMate format has them (only the keys this grammar uses). */
export interface Rule {
  readonly name?: string;
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
  readonly captures?: Readonly<Record<string, { name: string }>>;
  readonly beginCaptures?: Readonly<Record<string, { name: string }>>;
  readonly patterns?: readonly Rule[];
  readonly include?: string;
}

export interface Grammar {
  readonly name: string;
  readonly scopeName: string;
  readonly fileTypes: readonly string[];
  readonly patterns: readonly Rule[];
  readonly repository: Readonly<Record<string, Rule>>;
}

const escape = (s: string): string => s.replace(/[.$]/g, '\\$&');

/** An alternation of words, longest first (so no word stops at a shorter one's end). */
const words = (list: Iterable<string>): string => [...new Set(list)].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escape).join('|');

/** Where a statement starts: the line's start, or after `;`, a label's `:` or a block comment. */
const STATEMENT_START = '(?:^|(?<=[;:]|\\*/))\\s*';
/** Not part of a longer name (names may hold `.` and `$`). */
const BEFORE = '(?<![\\w.$])';
const AFTER = '(?![\\w.$])';
/** Where an instruction's operands end: the statement's end, or a line comment. */
const OPERANDS_END = '(?=;|#|//|$)';
const NAME = '[A-Za-z_.$][\\w.$]*';

const REGISTERS = 'x(?:3[01]|[12][0-9]|[0-9])|zero|ra|sp|gp|tp|fp|t[0-6]|s(?:1[01]|[0-9])|a[0-7]';

const scope = (name: string) => `${name}.riscv-asm`;
const cap = (...names: string[]) => Object.fromEntries(names.map((n, i) => [String(i + 1), { name: scope(n) }]));

interface MnemonicLists {
  readonly base: string[];
  readonly pseudo: string[];
}

/** Mnemonics split by whether they are real instructions, and by whether they take a CSR operand. */
function mnemonicLists(): { csr: MnemonicLists; other: MnemonicLists } {
  const csr: MnemonicLists = { base: [], pseudo: [] };
  const other: MnemonicLists = { base: [], pseudo: [] };
  for (const m of MNEMONICS.values()) {
    const lists = takesOperand(m, 'csr') ? csr : other;
    (m.kind === 'pseudo' ? lists.pseudo : lists.base).push(m.name);
  }
  return { csr, other };
}

function statementRule(mnemonics: string, scopeName: string, operands: readonly string[]): Rule {
  return {
    begin: `${STATEMENT_START}(${mnemonics})${AFTER}`,
    end: OPERANDS_END,
    beginCaptures: cap(scopeName),
    patterns: operands.map((include) => ({ include })),
  };
}

const OPERANDS = ['#block-comments', '#strings', '#characters', '#relocations', '#registers', '#local-references', '#numbers', '#macro-arguments', '#operators'];

export function buildGrammar(): Grammar {
  const lists = mnemonicLists();
  const directives = [...Object.keys(DIRECTIVES), ...PREPROCESSOR_DIRECTIVES];
  return {
    name: 'RISC-V Assembly',
    scopeName: SCOPE,
    fileTypes: ['S', 's', 'asm'],
    patterns: [
      // Before comments: a `#define` line is not a comment.
      { include: '#preprocessor' },
      { include: '#comments' },
      { include: '#labels' },
      { include: '#assignments' },
      { include: '#macro-definitions' },
      { include: '#directives' },
      { include: '#instructions' },
      { include: '#strings' },
    ],
    repository: {
      'block-comments': { name: scope('comment.block'), begin: '/\\*', end: '\\*/' },
      comments: {
        patterns: [
          { include: '#block-comments' },
          { name: scope('comment.line.double-slash'), match: '//.*$' },
          { name: scope('comment.line.number-sign'), match: '#.*$' },
        ],
      },
      // `.S` files go through the C preprocessor first: its lines start with `#` too.
      preprocessor: {
        match: '^\\s*(#\\s*(?:include|define|undef|ifdef|ifndef|if|elif|else|endif|error|warning|pragma|line))(?![\\w])(.*)$',
        captures: cap('keyword.control.directive.preprocessor', 'meta.preprocessor'),
      },
      labels: {
        patterns: [
          { match: `${STATEMENT_START}([0-9]+)\\s*(:)`, captures: cap('entity.name.label.local', 'punctuation.separator.label') },
          { match: `${STATEMENT_START}(${NAME})\\s*(:)(?!=)`, captures: cap('entity.name.label', 'punctuation.separator.label') },
        ],
      },
      assignments: {
        match: `${STATEMENT_START}(${NAME})\\s*(=)(?!=)`,
        captures: cap('variable.other.constant', 'keyword.operator.assignment'),
      },
      'macro-definitions': {
        match: `${STATEMENT_START}(\\.macro)\\s+(${NAME})`,
        captures: cap('keyword.control.directive', 'entity.name.function.macro'),
      },
      directives: {
        patterns: [
          {
            begin: `${STATEMENT_START}(${words(directives)}|\\.[A-Za-z_][\\w.$]*)${AFTER}`,
            end: OPERANDS_END,
            beginCaptures: cap('keyword.control.directive'),
            patterns: [{ include: '#section-types' }, ...OPERANDS.map((include) => ({ include }))],
          },
        ],
      },
      instructions: {
        patterns: [
          // CSR names are coloured only where a CSR goes: elsewhere `time` or `seed` may well be labels.
          statementRule(words(lists.csr.base), 'keyword.other.instruction', ['#csr-names', ...OPERANDS]),
          statementRule(words(lists.csr.pseudo), 'keyword.other.instruction.pseudo', ['#csr-names', ...OPERANDS]),
          statementRule(words(lists.other.base), 'keyword.other.instruction', OPERANDS),
          statementRule(words(lists.other.pseudo), 'keyword.other.instruction.pseudo', OPERANDS),
          // Anything else at a statement's start is a macro of the file's own.
          statementRule(`[A-Za-z_$][\\w.$]*`, 'entity.name.function.macro-call', OPERANDS),
        ],
      },
      registers: { name: scope('variable.language.register'), match: `${BEFORE}(?:${REGISTERS})${AFTER}` },
      'csr-names': { name: scope('support.variable.csr'), match: `${BEFORE}(?:${words(allCsrs().map(([, name]) => name))})${AFTER}` },
      'local-references': { name: scope('variable.other.label.local'), match: `${BEFORE}[0-9]+[bf]${AFTER}` },
      numbers: {
        patterns: [
          { name: scope('constant.numeric.hex'), match: `${BEFORE}0[xX][0-9a-fA-F]+${AFTER}` },
          { name: scope('constant.numeric.binary'), match: `${BEFORE}0[bB][01]+${AFTER}` },
          { name: scope('constant.numeric.octal'), match: `${BEFORE}0[0-7]+${AFTER}` },
          { name: scope('constant.numeric.decimal'), match: `${BEFORE}[0-9]+${AFTER}` },
        ],
      },
      characters: { name: scope('constant.character'), match: "'(?:\\\\(?:[0-7]{1,3}|[xX][0-9a-fA-F]+|.)|[^\\\\])'?" },
      strings: {
        name: scope('string.quoted.double'),
        begin: '"',
        end: '"|$',
        patterns: [{ name: scope('constant.character.escape'), match: '\\\\(?:[0-7]{1,3}|[xX][0-9a-fA-F]+|.)' }],
      },
      relocations: { name: scope('support.function.relocation'), match: `(?:${words(RELOC_OPS)})${AFTER}` },
      'section-types': { name: scope('storage.type.section'), match: '[@%](?:progbits|nobits|note|init_array|fini_array|preinit_array|function|object|notype)\\b' },
      'macro-arguments': { name: scope('variable.parameter.macro'), match: `\\\\(?:${NAME}|\\(\\)|@)` },
      operators: {
        patterns: [
          { name: scope('punctuation.separator.comma'), match: ',' },
          { name: scope('punctuation.parenthesis'), match: '[()]' },
          { name: scope('keyword.operator'), match: '<<|>>|==|!=|<>|<=|>=|&&|\\|\\||[-+*/%&|^~!<>]' },
        ],
      },
    },
  };
}

export const GRAMMAR_FILE = path.join(__dirname, '..', '..', '..', 'syntaxes', 'riscv-asm.tmLanguage.json');

export function grammarText(): string {
  return `${JSON.stringify(buildGrammar(), null, 2)}\n`;
}

if (require.main === module) {
  fs.writeFileSync(GRAMMAR_FILE, grammarText());
  process.stdout.write(`wrote ${GRAMMAR_FILE}\n`);
}
