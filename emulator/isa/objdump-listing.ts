/**
 * objdump's listing lines, including its `# address` comments. Those depend on state carried from
 * line to line: objdump remembers the value each lui/auipc left in its destination register and,
 * when a later load, store, addi or jalr uses that register as a base, prints the address it forms
 * (then forgets it). It also resolves offsets from x0, tp and (when the image defines
 * `__global_pointer$`) gp. This module reproduces that bookkeeping; disassembler.ts stays stateless.
 */
import { Decoded } from './types';
import { decode } from './decoder';
import { DisasmOptions, Disassembly, Form, formatAddress, illegalDisassembly, renderForm, selectForm } from './disassembler';

const GP = 3;
const TP = 4;

export interface ListingOptions extends DisasmOptions {
  /** Value of `__global_pointer$`, if the image defines it. */
  readonly gp?: number;
  /** End address of the section being listed: objdump narrows the address column by it. */
  readonly sectionEnd?: number;
}

export interface ListingLine {
  readonly len: 2 | 4;
  readonly text: string;
  readonly disassembly: Disassembly;
  /** The address of the `# ...` comment, if objdump prints one. */
  readonly comment?: number;
}

/** Hex of an instruction's bytes as objdump shows them: one halfword or one word. */
function insnHex(raw: number, len: 2 | 4): string {
  return len === 2 ? (raw & 0xffff).toString(16).padStart(4, '0') : (raw >>> 0).toString(16).padStart(8, '0');
}

/**
 * The address column: 8 hex digits, minus leading zeros objdump drops in groups of four when the
 * whole section allows it, with the remaining leading zeros (but the last digit) shown as spaces.
 */
function formatLineAddress(pc: number, sectionEnd?: number): string {
  let skip = 0;
  if (sectionEnd !== undefined) {
    const end = (sectionEnd >>> 0).toString(16).padStart(8, '0');
    const zeros = end.length - end.replace(/^0+/, '').length;
    if (zeros > 0 && zeros < 8) skip = (zeros - 1) & ~3;
  }
  const digits = (pc >>> 0).toString(16).padStart(8, '0').slice(skip);
  const firstNonZero = digits.search(/[^0]/);
  const lead = firstNonZero < 0 ? digits.length - 1 : firstNonZero;
  return ' '.repeat(lead) + digits.slice(lead);
}

/**
 * One line as `objdump -d` lays it out: address, bytes padded to the width of 8 bytes of halfwords
 * or words, mnemonic, operands, and the optional address comment (already formatted).
 */
export function formatObjdumpLine(pc: number, raw: number, len: 2 | 4, dis: Disassembly, comment?: string,
  sectionEnd?: number): string {
  const bytes = insnHex(raw, len);
  const column = len === 2 ? bytes + ' '.repeat(16) : bytes + ' '.repeat(10);
  const operands = dis.operands === '' ? '' : `\t${dis.operands}`;
  const note = comment === undefined ? '' : ` # ${comment}`;
  return `${formatLineAddress(pc, sectionEnd)}:\t${column}\t${dis.mnemonic}${operands}${note}`;
}

/** Produces objdump lines for consecutive instructions, keeping objdump's register-value memory. */
export class ObjdumpListing {
  private readonly hi = new Array<number | undefined>(32).fill(undefined);
  private pending: number | undefined;

  constructor(private readonly opts: ListingOptions = {}) {}

  /** Lists the instruction whose bytes start with `raw` (only the low halfword if compressed). */
  line(pc: number, raw: number): ListingLine {
    const len: 2 | 4 = (raw & 3) === 3 ? 4 : 2;
    const word = len === 2 ? raw & 0xffff : raw >>> 0;
    const d = decode(word);
    const form = d === null ? null : selectForm(d, this.opts);
    if (d === null || form === null) {
      const dis = illegalDisassembly(word, len, this.opts);
      return { len, disassembly: dis, text: formatObjdumpLine(pc, word, len, dis, undefined, this.opts.sectionEnd) };
    }
    this.pending = undefined;
    this.track(form, d, pc);
    const dis = renderForm(form, d, pc, this.opts.symbolize);
    const comment = this.pending;
    const note = comment === undefined ? undefined : formatAddress(comment, this.opts.symbolize);
    return { len, disassembly: dis, comment, text: formatObjdumpLine(pc, word, len, dis, note, this.opts.sectionEnd) };
  }

  /** Walks the operands in print order as objdump does, recording and using register values. */
  private track(form: Form, d: Decoded, pc: number): void {
    const wide = d.len === 4;
    for (const t of form.tokens) {
      switch (t.kind) {
        case 'reg':
          if (t.slot === 'rd' && (d.name === 'lui' || d.name === 'c.lui')) this.hi[d.rd] = d.imm;
          else if (t.slot === 'rd' && d.name === 'auipc') this.hi[d.rd] = (pc + d.imm) | 0;
          else if (t.slot === 'rs1' && wide && d.name === 'jalr') this.use(d.rs1, d.imm);
          break;
        case 'mem':
          if (!wide) break;
          this.use(d.rs1, d.imm);
          // objdump's offset operand falls through into its immediate operand, which checks jalr again.
          if (d.name === 'jalr') this.use(d.rs1, d.imm);
          break;
        case 'imm':
          if (wide && ((d.name === 'addi' && d.rs1 !== 0) || d.name === 'jalr')) this.use(d.rs1, d.imm);
          else if (d.name === 'c.addi') this.use(d.rd, d.imm);
          break;
        default:
          break;
      }
    }
  }

  private use(base: number, offset: number): void {
    const known = this.hi[base];
    if (known !== undefined) {
      this.pending = ((base !== 0 ? known : 0) + offset) >>> 0;
      this.hi[base] = undefined;
    } else if (base === GP && this.opts.gp !== undefined) {
      this.pending = (this.opts.gp + offset) >>> 0;
    } else if (base === TP || base === 0) {
      this.pending = offset >>> 0;
    }
  }
}
