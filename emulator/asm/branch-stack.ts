/**
 * The nesting of conditional blocks, shared by the assembler's `.if` family and the C preprocessor's
 * `#if` family: which branch is taken, whether lines here are assembled, and the mistakes (an else
 * without an if, a second else, an if never closed) reported in the family's own words.
 */
import { Diagnostics, Span } from './diagnostics';

interface Frame {
  /** Whether this branch's lines are kept. */
  active: boolean;
  /** Whether a branch of this conditional was taken (the rest are skipped). */
  taken: boolean;
  sawElse: boolean;
  /** Whether the lines around the conditional are kept. */
  readonly outer: boolean;
  readonly at: Span;
  readonly name: string;
}

export class BranchStack {
  private readonly stack: Frame[] = [];

  /** `prefix` is how the family's directives start: `.` (`.if`, `.endif`) or `#`. */
  constructor(private readonly diags: Diagnostics, private readonly prefix: '.' | '#') {}

  /** Whether lines here are kept. */
  get active(): boolean {
    return this.stack.length === 0 || this.stack[this.stack.length - 1].active;
  }

  /** An opening directive `name`; `decide` is asked only where lines are kept. */
  open(name: string, at: Span, decide: () => boolean): void {
    const outer = this.active;
    const yes = outer && decide();
    this.stack.push({ active: yes, taken: yes || !outer, sawElse: false, outer, at, name });
  }

  /** `elif`/`elseif` (with `decide`), `else` (without), `endif`: `name` as written. */
  next(name: string, at: Span, decide?: () => boolean): void {
    const top = this.stack[this.stack.length - 1];
    const p = this.prefix;
    if (top === undefined) {
      this.diags.error(at, `\`${name}\` without a matching \`${p}if\``);
      return;
    }
    if (name === `${p}endif`) {
      this.stack.pop();
    } else if (top.sawElse) {
      this.diags.error(at, `\`${name}\` after \`${p}else\` (the \`${top.name}\` at line ${top.at.line} already has one)`);
      top.active = false;
    } else if (decide === undefined) {
      top.sawElse = true;
      top.active = top.outer && !top.taken;
      top.taken = true;
    } else {
      top.active = top.outer && !top.taken && decide();
      if (top.active) top.taken = true;
    }
  }

  /** At the end of the text: every conditional still open is an error. */
  finish(): void {
    for (const f of this.stack) this.diags.error(f.at, `\`${f.name}\` has no matching \`${this.prefix}endif\``);
    this.stack.length = 0;
  }
}
