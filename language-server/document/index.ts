/**
 * What one document defines and uses: label, constant and macro definitions, every reference to
 * them, numeric local labels resolved to the instance each `1b`/`1f` means (as the assembler counts
 * them), section switches and `.include`s. Navigation, the outline and completion read this index.
 */
import { isCppSource } from '../../emulator/asm/cpp';
import { Token } from '../../emulator/asm/tokens';
import { regNumber } from '../../emulator/isa/registers';
import { csrNumber } from '../../emulator/isa/csr-names';
import { mnemonicInfo, takesOperand } from '../knowledge/mnemonics';
import { AsmStatement, operandGroups, parseStatements } from './statements';

/** `cpp`: a C preprocessor `#define` of a `.S` file. */
export type SymbolKind = 'label' | 'local' | 'constant' | 'macro' | 'cpp';

export interface Occurrence {
  /** What references match on: the name, or `1#2` for the third `1:` of the file. */
  readonly key: string;
  /** As written: `loop`, `1` (for `1:`, `1b` and `1f` alike). */
  readonly name: string;
  readonly kind: SymbolKind;
  readonly def: boolean;
  /** 0-based line; 0-based columns, end exclusive. */
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

export interface SectionMark {
  readonly name: string;
  readonly line: number;
}

export interface IncludeMark {
  readonly file: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

export interface DocumentIndex {
  readonly statements: readonly AsmStatement[];
  readonly occurrences: readonly Occurrence[];
  readonly sections: readonly SectionMark[];
  readonly includes: readonly IncludeMark[];
}

/** How a directive's operands relate to symbols. */
type OperandRole = 'expressions' | 'assignment' | 'macro' | 'section' | 'include';

const DIRECTIVE_ROLES: Readonly<Record<string, OperandRole>> = {
  ...Object.fromEntries(['.byte', '.half', '.hword', '.short', '.2byte', '.word', '.long', '.int', '.4byte',
    '.dword', '.quad', '.8byte', '.space', '.skip', '.zero', '.fill', '.align', '.p2align', '.balign',
    '.globl', '.global', '.local', '.weak', '.type', '.size', '.rept', '.insn'].map((d) => [d, 'expressions'])),
  ...Object.fromEntries(['.equ', '.set', '.equiv', '.eqv'].map((d) => [d, 'assignment'])),
  ...Object.fromEntries(['.text', '.data', '.bss', '.rodata', '.section', '.pushsection'].map((d) => [d, 'section'])),
  '.macro': 'macro',
  '.include': 'include',
};

class IndexBuilder {
  readonly occurrences: Occurrence[] = [];
  readonly sections: SectionMark[] = [];
  readonly includes: IncludeMark[] = [];
  private readonly localCounts = new Map<number, number>();
  private macroDepth = 0;

  add(st: AsmStatement, t: Token, kind: SymbolKind, def: boolean, key = t.text, name = t.text): void {
    this.occurrences.push({ key, name, kind, def, line: st.line, start: st.col0 + t.start, end: st.col0 + t.end });
  }

  statement(st: AsmStatement): void {
    const directive = st.kind === 'directive' ? st.head!.text.toLowerCase() : undefined;
    if (directive === '.endm') this.macroDepth = Math.max(0, this.macroDepth - 1);
    for (const label of st.labels) this.label(st, label);
    if (st.kind === 'assignment') {
      this.add(st, st.head!, 'constant', true);
      this.references(st, st.operands, () => true);
    } else if (st.kind === 'instruction') {
      this.instruction(st);
    } else if (directive !== undefined) {
      this.directive(st, directive);
    }
    if (directive === '.macro') this.macroDepth++;
  }

  private label(st: AsmStatement, t: Token): void {
    if (t.kind === 'ident') {
      this.add(st, t, 'label', true);
      return;
    }
    // Inside a macro body each expansion numbers its own instances: there is no one instance to name.
    if (this.macroDepth > 0) return;
    const n = t.value!;
    const count = this.localCounts.get(n) ?? 0;
    this.localCounts.set(n, count + 1);
    this.add(st, t, 'local', true, `${n}#${count}`, String(n));
  }

  /** References in `tokens`: identifiers `isSymbol` accepts, and numeric local label references. */
  private references(st: AsmStatement, tokens: readonly Token[], isSymbol: (t: Token) => boolean): void {
    tokens.forEach((t, i) => {
      if (t.kind === 'localref' && this.macroDepth === 0) {
        const count = this.localCounts.get(t.value!) ?? 0;
        const instance = t.dir === 'b' ? count - 1 : count;
        this.add(st, t, 'local', false, `${t.value}#${instance}`, String(t.value));
      }
      // `@function` in .type names a symbol type, not a symbol.
      const typeName = i > 0 && tokens[i - 1].kind === 'punct' && tokens[i - 1].text === '@';
      // `.` alone is the location counter, not a symbol.
      if (t.kind === 'ident' && t.text !== '.' && !typeName && isSymbol(t)) this.add(st, t, 'label', false);
    });
  }

  private instruction(st: AsmStatement): void {
    const info = mnemonicInfo(st.head!.text);
    const csrOperands = info !== undefined && takesOperand(info, 'csr');
    const fenceOperands = info !== undefined && takesOperand(info, 'pred');
    this.references(st, st.operands, (t) => {
      const name = t.text.toLowerCase();
      if (regNumber(name) !== undefined) return false;
      if (csrOperands && csrNumber(name) !== undefined) return false;
      return !(fenceOperands && /^[iorw]+$/.test(name));
    });
    if (info === undefined) this.add(st, st.head!, 'macro', false);
  }

  private directive(st: AsmStatement, directive: string): void {
    const role = DIRECTIVE_ROLES[directive];
    const groups = operandGroups(st);
    if (role === 'expressions') {
      this.references(st, st.operands, () => true);
    } else if (role === 'assignment') {
      const [name, ...rest] = groups;
      if (name?.length === 1 && name[0].kind === 'ident') this.add(st, name[0], 'constant', true);
      this.references(st, rest.flat(), () => true);
    } else if (role === 'macro') {
      const name = st.operands[0];
      if (name?.kind === 'ident') this.add(st, name, 'macro', true);
    } else if (role === 'section') {
      const name = directive === '.section' || directive === '.pushsection' ? sectionName(groups[0]) : directive;
      if (name !== undefined) this.sections.push({ name, line: st.line });
    } else if (role === 'include') {
      const file = st.operands[0];
      if (file?.kind === 'string') {
        this.includes.push({ file: file.text.slice(1, -1), line: st.line, start: st.col0 + file.start, end: st.col0 + file.end });
      }
    }
  }
}

function sectionName(group: readonly Token[] | undefined): string | undefined {
  if (group === undefined || group.length === 0) return undefined;
  if (group.length === 1 && group[0].kind === 'string') return group[0].text.slice(1, -1);
  return group.map((t) => t.text).join('');
}

export function indexDocument(file: string, text: string): DocumentIndex {
  const statements = parseStatements(file, text);
  const b = new IndexBuilder();
  for (const st of statements) b.statement(st);
  // A head that is no mnemonic is taken as a macro invocation; the macro may be in an included file.
  const occurrences = [...b.occurrences, ...cppDefines(file, text)].sort((x, y) => x.line - y.line || x.start - y.start);
  return { statements, occurrences, sections: b.sections, includes: [...b.includes, ...cppIncludes(file, text)].sort((x, y) => x.line - y.line) };
}

/**
 * The `#define NAME` lines of a `.S` file or of a C header it includes, as definitions (their uses are
 * indexed as symbol references).
 */
function cppDefines(file: string, text: string): Occurrence[] {
  if (!isCppSource(file) && !file.endsWith('.h')) return [];
  const out: Occurrence[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /^(\s*#\s*define\s+)([A-Za-z_$][\w$]*)/.exec(line);
    if (m !== null) out.push({ key: m[2], name: m[2], kind: 'cpp', def: true, line: i, start: m[1].length, end: m[1].length + m[2].length });
  });
  return out;
}

/** The `#include "file"` lines of a `.S` file (the C preprocessor's, which the statements see as comments). */
function cppIncludes(file: string, text: string): IncludeMark[] {
  if (!isCppSource(file)) return [];
  const out: IncludeMark[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /^(\s*#\s*include\s*)"([^"]+)"/.exec(line);
    if (m !== null) out.push({ file: m[2], line: i, start: m[1].length, end: m[1].length + m[2].length + 2 });
  });
  return out;
}
