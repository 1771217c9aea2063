/**
 * Assembling one source file into an ObjectUnit: walks the statements, defines labels, switches
 * sections and hands each directive or instruction to its handler (directives.ts, instructions.ts).
 * Errors abandon the statement they are in, never the file.
 */
import { Diagnostics, Span } from './diagnostics';
import { Statement, spanOf } from './statements';
import { LexError, Token, splitOperands, tokenize } from './tokens';
import { ExprParser } from './expr';
import { EvalScope, evaluate } from './evaluate';
import { AlignTail, Fixup, Frag, ObjectUnit, SectionBuilder, SectionFlags, Tail } from './object';
import { defaultFlags } from './sections';
import { SymbolRecord, Value } from './value';
import { DIRECTIVES } from './directives';
import { assembleInstruction } from './instructions';
import { didYouMean } from './suggest';

export interface UnitOptions {
  /** Compressed instructions allowed at the start (`.option rvc`); true for rv32imac. */
  readonly rvc: boolean;
}

export class UnitAssembler implements EvalScope {
  readonly sections: SectionBuilder[] = [];
  readonly symbols = new Map<string, SymbolRecord>();
  section!: SectionBuilder;
  private readonly bssReservations: { sym: SymbolRecord; size: number; align: number; global: boolean; at: Span }[] = [];
  private previous?: SectionBuilder;
  readonly sectionStack: SectionBuilder[] = [];
  rvc: boolean;
  readonly optionStack: boolean[] = [];
  private readonly localCounts = new Map<number, number>();
  private hiddenCount = 0;
  private st!: Statement;

  constructor(readonly file: string, readonly diags: Diagnostics, opts: UnitOptions) {
    this.rvc = opts.rvc;
    this.switchSection('.text');
  }

  run(statements: Iterable<Statement>): void {
    for (const st of statements) this.statement(st);
    this.checkForwardLabels();
  }

  /** The statement being assembled. */
  get statementNow(): Statement {
    return this.st;
  }

  /** Span of statement text [start, end). */
  span(start: number, end: number): Span {
    return spanOf(this.st, start, end);
  }

  fail(start: number, end: number, message: string): never {
    throw new LexError(start, end, message);
  }

  warn(start: number, end: number, message: string): void {
    this.diags.warning(this.span(start, end), message);
  }

  private statement(st: Statement): void {
    this.st = st;
    try {
      const tokens = tokenize(st.text);
      let i = 0;
      while (i + 1 < tokens.length && (tokens[i].kind === 'ident' || tokens[i].kind === 'number') && tokens[i + 1].text === ':'
        && tokens[i + 1].kind === 'punct') {
        this.defineLabel(tokens[i]);
        i += 2;
      }
      if (i >= tokens.length) return;
      const head = tokens[i];
      if (head.kind === 'ident' && tokens[i + 1]?.kind === 'punct' && tokens[i + 1].text === '=') {
        this.assign(head, tokens.slice(i + 2), true);
        return;
      }
      if (head.kind !== 'ident') this.fail(head.start, head.end, `expected an instruction or directive, found \`${head.text}\``);
      const rest = tokens.slice(i + 1);
      const name = head.text.toLowerCase();
      if (name.startsWith('.')) {
        const handler = DIRECTIVES[name];
        if (handler === undefined) {
          this.fail(head.start, head.end, `unknown directive \`${head.text}\`${didYouMean(name, Object.keys(DIRECTIVES))}`);
        }
        handler(this, splitOperands(rest), head, rest);
      } else {
        assembleInstruction(this, head, rest);
      }
    } catch (e) {
      if (e instanceof LexError) this.diags.error(spanOf(st, e.start, e.end), e.message);
      // A bug of ours must still come out as a diagnostic on the line that caused it, never a stack trace.
      else this.diags.error(spanOf(st), `internal assembler error: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  // ---- symbols -------------------------------------------------------------------------------

  /** A constant symbol's value so far (conditional assembly asks). */
  constantValue(name: string): bigint | undefined {
    const def = this.symbols.get(name)?.def;
    return def?.kind === 'equ' && def.value.terms.length === 0 ? def.value.add : undefined;
  }

  /** Whether `name` is defined above this point. */
  isDefined(name: string): boolean {
    return this.symbols.get(name)?.def !== undefined;
  }

  private record(name: string): SymbolRecord {
    let sym = this.symbols.get(name);
    if (sym === undefined) {
      sym = { name, binding: 'local', type: 'notype', hidden: name.startsWith('.L') };
      this.symbols.set(name, sym);
    }
    return sym;
  }

  symbol(name: string, start: number, end: number): SymbolRecord {
    const sym = this.record(name);
    sym.firstUse ??= this.span(start, end);
    return sym;
  }

  /** The symbol for a numeric local label's instance (GNU as numbers them; we do the same). */
  private localName(label: number, instance: number): string {
    return `.L${label}\u0002${instance}`;
  }

  localLabel(label: number, dir: 'b' | 'f', start: number, end: number): SymbolRecord {
    const count = this.localCounts.get(label) ?? 0;
    if (dir === 'b') {
      if (count === 0) this.fail(start, end, `\`${label}b\` refers to a \`${label}:\` label before it, but there is none`);
      return this.record(this.localName(label, count - 1));
    }
    const sym = this.record(this.localName(label, count));
    sym.firstUse ??= this.span(start, end);
    return sym;
  }

  /** A hidden label at the current location. */
  here(): SymbolRecord {
    const sym = this.record(`.L.here${this.hiddenCount++}`);
    sym.def = { kind: 'label', section: this.section, frag: this.section.current, offset: this.section.current.bytes.length, at: this.span(0, 0) };
    return sym;
  }

  dot(): SymbolRecord {
    return this.here();
  }

  private defineLabel(t: Token): void {
    if (t.kind === 'number') {
      const n = t.value!;
      const count = this.localCounts.get(n) ?? 0;
      this.localCounts.set(n, count + 1);
      const sym = this.record(this.localName(n, count));
      sym.def = this.labelDef(t);
      return;
    }
    const sym = this.record(t.text);
    const def = sym.def;
    // GNU as accepts a label defined twice at the very same place.
    if (def?.kind === 'label' && def.section === this.section && def.frag === this.section.current
      && def.offset === this.section.current.bytes.length) return;
    if (sym.def !== undefined && !sym.redefinable) {
      this.fail(t.start, t.end, `label \`${t.text}\` is already defined (at line ${sym.def.at.line})`);
    }
    sym.def = this.labelDef(t);
    sym.redefinable = false;
  }

  private labelDef(t: Token) {
    return { kind: 'label' as const, section: this.section, frag: this.section.current, offset: this.section.current.bytes.length, at: this.span(t.start, t.end) };
  }

  /** `.set`/`.equ`/`name = expr`. */
  assign(name: Token, exprTokens: readonly Token[], redefinable: boolean): void {
    if (exprTokens.length === 0) this.fail(name.start, name.end, `\`${name.text}\` needs a value`);
    const value = this.evaluate(exprTokens);
    const sym = this.record(name.text);
    if (sym.def !== undefined && !sym.redefinable) {
      this.fail(name.start, name.end, `\`${name.text}\` is already defined (at line ${sym.def.at.line}); use .set to change a symbol's value`);
    }
    sym.def = { kind: 'equ', value, at: this.span(name.start, name.end) };
    sym.redefinable = redefinable;
  }

  evaluate(tokens: readonly Token[], what = 'expression'): Value {
    return evaluate(ExprParser.parse(tokens, what), this);
  }

  /** Numeric local labels referred to forward (`1f`) that never came. */
  private checkForwardLabels(): void {
    for (const sym of this.symbols.values()) {
      if (sym.def !== undefined || !sym.name.includes('\u0002') || sym.firstUse === undefined) continue;
      const label = sym.name.slice(2, sym.name.indexOf('\u0002'));
      this.diags.error(sym.firstUse, `\`${label}f\` refers to a \`${label}:\` label after it, but there is none`);
      sym.def = { kind: 'equ', value: { add: 0n, terms: [] }, at: sym.firstUse };
    }
  }

  // ---- sections ------------------------------------------------------------------------------

  switchSection(name: string, flags?: SectionFlags): SectionBuilder {
    let s = this.sections.find((x) => x.name === name);
    if (s === undefined) {
      s = new SectionBuilder(name, flags ?? defaultFlags(name), this.sections.length);
      this.sections.push(s);
    }
    this.previous = this.section;
    this.section = s;
    return s;
  }

  switchToPrevious(): void {
    if (this.previous !== undefined) {
      const p = this.previous;
      this.previous = this.section;
      this.section = p;
    }
  }

  // ---- emitting ------------------------------------------------------------------------------

  private mapping(kind: 'x' | 'd'): void {
    const s = this.section;
    if (!s.flags.exec || s.mappingState === kind) return;
    s.mappingState = kind;
    s.current.mapping.push({ offset: s.current.bytes.length, kind });
  }

  private lineMark(frag: Frag): void {
    const at = this.st.expansion?.at ?? { file: this.st.file, line: this.st.line };
    frag.lines.push({ offset: frag.bytes.length, file: at.file, line: at.line });
  }

  private checkBits(what: string): void {
    if (this.section.flags.nobits) {
      this.fail(0, this.st.text.length, `${what} cannot go in ${this.section.name}, which holds only zeros (use .data)`);
    }
  }

  /** Emits an instruction (its bytes little-endian), with a fixup at its start if given. */
  emitInsn(raw: number, len: 2 | 4, fixup?: Omit<Fixup, 'offset'>): void {
    this.checkBits('instructions');
    this.mapping('x');
    const frag = this.section.current;
    this.lineMark(frag);
    if (fixup !== undefined) frag.fixups.push({ ...fixup, offset: frag.bytes.length } as Fixup);
    for (let k = 0; k < len; k++) frag.bytes.push((raw >>> (8 * k)) & 0xff);
  }

  /** Emits data bytes; fixups are at offsets relative to the first byte. */
  emitData(bytes: readonly number[], fixups: readonly Fixup[] = []): void {
    if (bytes.some((b) => b !== 0) || fixups.length > 0) this.checkBits('data');
    this.mapping('d');
    const frag = this.section.current;
    const base = frag.bytes.length;
    for (const f of fixups) frag.fixups.push({ ...f, offset: base + f.offset });
    for (const b of bytes) frag.bytes.push(b & 0xff);
  }

  /** Ends the fragment with a relaxable branch (its line is recorded in the tail). */
  emitBranchTail(tail: Tail): void {
    this.checkBits('instructions');
    this.mapping('x');
    this.section.addTail(tail);
  }

  /** `.align` and friends: record the alignment, then pad as GNU as does. */
  align(bytes: number, fill: bigint | undefined, fillSize: number, max: number | undefined): void {
    const s = this.section;
    s.raiseAlign(bytes);
    const code = s.flags.exec && fill === undefined;
    // GNU as (without linker relaxation) does not pad code to an alignment no larger than the
    // smallest instruction: such code is assumed to be aligned already.
    if (bytes <= 1 || (code && bytes <= (this.rvc ? 2 : 4))) return;
    const tail: AlignTail = { kind: 'align', bytes, fill, fillSize, max, code, size: 0 };
    s.addTail(tail);
  }

  /** `.org`: the rest of the section starts at `offset` from its start, the gap filled with `fill`. */
  org(offset: number, fill: number, at: Span): void {
    if (fill !== 0) this.checkBits('data');
    this.section.addTail({ kind: 'org', offset, fill, at, size: 0 });
  }

  /**
   * `.lcomm`/`.comm`: room in .bss, allocated at the end of the file's .bss as GNU as places local
   * ones (GNU ld puts common symbols after every file's .bss, in an order of its own).
   */
  reserveBss(name: Token, size: number, align: number, global: boolean): void {
    const sym = this.record(name.text);
    const at = this.span(name.start, name.end);
    const earlier = sym.def?.at ?? this.bssReservations.find((r) => r.sym === sym)?.at;
    if (earlier !== undefined) this.fail(name.start, name.end, `\`${name.text}\` is already defined (at line ${earlier.line})`);
    if (global) sym.binding = 'global';
    sym.type = 'object';
    // The symbol stays undefined (symbolic) until allocateBss gives it its place.
    this.bssReservations.push({ sym, size, align, global, at });
  }

  private allocateBss(): void {
    if (this.bssReservations.length === 0) return;
    const back = this.section;
    // Local ones first, as GNU as allocates them into .bss itself; common ones after.
    const order = [...this.bssReservations.filter((r) => !r.global), ...this.bssReservations.filter((r) => r.global)];
    this.switchSection('.bss');
    for (const r of order) {
      if (r.sym.def !== undefined) {
        this.diags.error(r.sym.def.at, `\`${r.sym.name}\` is already defined (by the \`.${r.global ? 'comm' : 'lcomm'}\` at line ${r.at.line})`);
        continue;
      }
      this.align(r.align, undefined, 1, undefined);
      r.sym.def = { kind: 'label', section: this.section, frag: this.section.current, offset: this.section.current.bytes.length, at: r.at };
      r.sym.size = { value: { add: BigInt(r.size), terms: [] }, at: r.at };
      this.emitData(new Array<number>(r.size).fill(0));
    }
    this.section = back;
  }

  /** Where the current fragment's code line comes from (for branch tails). */
  lineOf(): { file: string; line: number } {
    const at = this.st.expansion?.at ?? { file: this.st.file, line: this.st.line };
    return { file: at.file, line: at.line };
  }

  finish(files: readonly string[]): ObjectUnit {
    this.allocateBss();
    // Code sections end padded to their alignment with nops, as GNU as pads them.
    for (const s of this.sections) {
      if (s.flags.exec && s.align > 1) s.addTail({ kind: 'align', bytes: s.align, fillSize: 1, code: true, size: 0 });
    }
    return { file: this.file, sections: this.sections, symbols: this.symbols, files };
  }
}
