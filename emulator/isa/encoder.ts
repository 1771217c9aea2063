/**
 * The inverse of the decoder, for the assembler: puts operand values into a table entry's fields.
 * Derived from the same field definitions (fields.ts) and operand maps (table.ts), so an encoding is
 * exactly what the decoder reads back.
 */
import { FIELDS, FieldName } from './fields';
import { CompiledInsn, SLOTS, Slot } from './table';

/** The values a field can hold: min..max in steps of `align`. */
export interface FieldRange {
  readonly min: number;
  readonly max: number;
  readonly align: number;
}

interface Geometry {
  readonly runs: readonly { lo: number; width: number; at: number }[];
  readonly width: number;
  readonly signed: boolean;
  readonly shift: number;
  readonly add: number;
}

function geometry(name: FieldName): Geometry {
  const spec = FIELDS[name].spec;
  const ranges = spec.bits.trim().split(/\s+/).map((tok) => {
    const [hi, lo = hi] = tok.split(':').map(Number);
    return { lo, width: hi - lo + 1 };
  });
  const width = ranges.reduce((n, r) => n + r.width, 0);
  let at = width;
  const runs = ranges.map((r) => {
    at -= r.width;
    return { lo: r.lo, width: r.width, at };
  });
  return { runs, width, signed: spec.signed === true, shift: spec.shift ?? 0, add: spec.add ?? 0 };
}

const GEOMETRY = new Map<FieldName, Geometry>((Object.keys(FIELDS) as FieldName[]).map((n) => [n, geometry(n)]));

export function fieldRange(name: FieldName): FieldRange {
  const g = GEOMETRY.get(name)!;
  const align = 2 ** g.shift;
  // A field that fills a whole 32-bit value (lui's imm_u) wraps: any aligned 32-bit value fits.
  if (g.width + g.shift >= 32) return { min: -(2 ** 31), max: 2 ** 32 - align, align };
  const span = 2 ** g.width;
  const lo = g.signed ? -span / 2 : 0;
  const hi = g.signed ? span / 2 - 1 : span - 1;
  return { min: lo * align + g.add, max: hi * align + g.add, align };
}

/** The instruction bits that make field `name` read `value`, or undefined if it cannot hold it. */
export function encodeField(name: FieldName, value: number): number | undefined {
  const g = GEOMETRY.get(name)!;
  const r = fieldRange(name);
  if (!Number.isInteger(value) || value < r.min || value > r.max) return undefined;
  const v = value - g.add;
  if (v % r.align !== 0) return undefined;
  const x = Math.floor(v / r.align) | 0;
  let raw = 0;
  for (const run of g.runs) raw |= ((x >>> run.at) & ((1 << run.width) - 1)) << run.lo;
  return raw;
}

export type EncodeProblem =
  /** The slot's field cannot hold the value (out of range or misaligned). */
  | { readonly kind: 'range'; readonly slot: Slot; readonly field: FieldName; readonly value: number }
  /** The entry fixes the slot to a constant (a register), or two slots share a field, and the value differs. */
  | { readonly kind: 'fixed'; readonly slot: Slot; readonly value: number }
  /** The value would make a reserved encoding. */
  | { readonly kind: 'nonzero'; readonly slot: Slot };

export type EncodeResult = { readonly raw: number } | { readonly problem: EncodeProblem };

/** Encodes the operand values (slots absent from `values` are 0) into `insn`. */
export function encodeInsn(insn: CompiledInsn, values: Partial<Record<Slot, number>>): EncodeResult {
  const ops = insn.spec.operands;
  let raw = insn.match;
  const placed = new Map<FieldName, number>();
  for (const slot of SLOTS) {
    const value = values[slot] ?? 0;
    const source = ops[slot];
    if (source === undefined) {
      if (value !== 0) return { problem: { kind: 'fixed', slot, value } };
      continue;
    }
    if (typeof source === 'number') {
      if (value !== source) return { problem: { kind: 'fixed', slot, value } };
      continue;
    }
    const bits = encodeField(source, value);
    if (bits === undefined) return { problem: { kind: 'range', slot, field: source, value } };
    const earlier = placed.get(source);
    if (earlier !== undefined && earlier !== bits) return { problem: { kind: 'fixed', slot, value } };
    placed.set(source, bits);
    raw |= bits;
  }
  for (const slot of insn.spec.nonzero ?? []) {
    if ((values[slot] ?? 0) === 0) return { problem: { kind: 'nonzero', slot } };
  }
  return { raw: insn.len === 2 ? raw & 0xffff : raw >>> 0 };
}
