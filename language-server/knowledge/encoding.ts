/**
 * An instruction's encoding as the manual draws it: its format and a row of bit fields
 * (`31:25 imm[11:5] | 24:20 rs2 | ...`), derived from the table entry's pattern and operand fields.
 */
import { FIELDS, FieldName } from '../../emulator/isa/fields';
import { CompiledInsn, SLOTS, Slot } from '../../emulator/isa/table';

export interface BitSegment {
  readonly hi: number;
  readonly lo: number;
  /** Fixed bits (`0110011`) or what the field holds (`rd`, `imm[12|10:5]`). */
  readonly text: string;
}

export interface Encoding {
  readonly format: string;
  readonly segments: readonly BitSegment[];
  readonly match: number;
  readonly mask: number;
}

/**
 * Format names by the field that tells them apart, most telling first; the compressed formats also
 * depend on whether the destination is a 3-bit (primed) register field.
 */
const FORMAT_BY_FIELD: readonly [field: FieldName, format: string, primed?: boolean][] = [
  ['imm_s', 'S'], ['imm_b', 'B'], ['imm_u', 'U'], ['imm_j', 'J'],
  ['imm_i', 'I'], ['shamt', 'I'], ['csr', 'I'], ['fm', 'I'], ['aq', 'R'],
  ['c_uimm_4spn', 'CIW'], ['c_uimm_swsp', 'CSS'], ['c_imm_j', 'CJ'], ['c_imm_b', 'CB'],
  ['c_uimm_lw', 'CS'], ['c_imm', 'CB', true], ['c_shamt', 'CB', true],
  ['c_imm', 'CI'], ['c_shamt', 'CI'], ['c_imm_lui', 'CI'], ['c_imm_16sp', 'CI'], ['c_uimm_lwsp', 'CI'],
  ['c_rs2p', 'CA'], ['c_rd', 'CR'], ['c_rs2', 'CR'], ['rs2', 'R'], ['rs1', 'R'],
];

function formatOf(insn: CompiledInsn): string {
  const ops = insn.spec.operands;
  const used = new Set(Object.values(ops).filter((v): v is FieldName => typeof v === 'string'));
  const primedDest = ops.rd === 'c_rs1p';
  for (const [field, format, primed] of FORMAT_BY_FIELD) {
    if (!used.has(field) || (primed !== undefined && primed !== primedDest)) continue;
    // c.lw loads into rd' where c.sw stores from rs2': the same field layout, two names.
    if (format === 'CS' && ops.rd !== undefined) return 'CL';
    return format;
  }
  return insn.len === 2 ? 'CR' : 'fixed (no operands)';
}

/** Names of the slots a field fills, primed for the compressed 3-bit register fields. */
function slotLabel(insn: CompiledInsn, field: FieldName): string {
  const slots = SLOTS.filter((s: Slot) => insn.spec.operands[s] === field);
  const prime = FIELDS[field].spec.add === 8 ? '\'' : '';
  return slots.map((s) => s + prime).join('/');
}

/** `12|10:5`: value bit numbers in instruction-bit order, runs of consecutive bits collapsed. */
function bitList(bits: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < bits.length) {
    let j = i;
    while (j + 1 < bits.length && bits[j + 1] === bits[j] - 1) j++;
    parts.push(j === i ? String(bits[i]) : `${bits[i]}:${bits[j]}`);
    i = j + 1;
  }
  return parts.join('|');
}

interface BitOwner {
  readonly field?: FieldName;
  /** Fixed bit value, or the value bit this instruction bit holds. */
  readonly bit: number;
}

/** What each instruction bit holds, most significant first. */
function owners(insn: CompiledInsn): BitOwner[] {
  const width = insn.len * 8;
  const out: BitOwner[] = [];
  const fields = [...new Set(Object.values(insn.spec.operands).filter((v): v is FieldName => typeof v === 'string'))];
  for (let b = width - 1; b >= 0; b--) {
    if ((insn.mask >>> b) & 1) {
      out.push({ bit: (insn.match >>> b) & 1 });
      continue;
    }
    const field = fields.find((f) => (FIELDS[f].mask >>> b) & 1);
    out.push(field === undefined ? { bit: 0 } : { field, bit: valueBit(field, b) });
  }
  return out;
}

/** Which bit of the field's value instruction bit `b` carries. */
function valueBit(field: FieldName, b: number): number {
  const spec = FIELDS[field].spec;
  const ranges = spec.bits.trim().split(/\s+/).map((t) => {
    const [hi, lo = hi] = t.split(':').map(Number);
    return { hi, lo };
  });
  let at = ranges.reduce((n, r) => n + r.hi - r.lo + 1, 0);
  for (const r of ranges) {
    at -= r.hi - r.lo + 1;
    if (b >= r.lo && b <= r.hi) return at + (b - r.lo) + (spec.shift ?? 0);
  }
  return 0;
}

function segmentText(insn: CompiledInsn, run: readonly BitOwner[]): string {
  const field = run[0].field;
  if (field === undefined) return run.map((o) => o.bit).join('');
  const label = slotLabel(insn, field);
  // Immediates are scattered over the word, so which of their bits sit here matters; registers are whole.
  return label === 'imm' ? `imm[${bitList(run.map((o) => o.bit))}]` : label;
}

/**
 * Splits the instruction into segments: where the table's pattern has a space, and where the owner
 * of the bits changes (fixed bits against a field, or one field against another).
 */
function segments(insn: CompiledInsn): BitSegment[] {
  const width = insn.len * 8;
  const breaks = new Set<number>();
  let pos = width;
  for (const group of insn.spec.pattern.trim().split(/\s+/)) {
    pos -= group.length;
    breaks.add(pos);
  }
  const bits = owners(insn);
  const out: BitSegment[] = [];
  let start = 0;
  for (let i = 1; i <= bits.length; i++) {
    const ownerChanges = i < bits.length && bits[i].field !== bits[start].field;
    if (i === bits.length || breaks.has(width - i) || ownerChanges) {
      const run = bits.slice(start, i);
      out.push({ hi: width - 1 - start, lo: width - i, text: segmentText(insn, run) });
      start = i;
    }
  }
  return out;
}

export function encodingOf(insn: CompiledInsn): Encoding {
  return { format: formatOf(insn), segments: segments(insn), match: insn.match >>> 0, mask: insn.mask >>> 0 };
}
