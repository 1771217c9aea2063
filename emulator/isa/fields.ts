/**
 * Named instruction fields, in the manner of decodetree's `%field` lines: each field is a list of
 * instruction bit ranges, concatenated most significant first, optionally sign-extended, scaled and
 * offset. Writing the ranges in the order the spec's immediate diagrams read keeps them checkable
 * against the manual at a glance.
 */

/** One run of instruction bits [lo, lo+width) placed at bit `at` of the assembled value. */
interface BitRun {
  readonly lo: number;
  readonly width: number;
  readonly at: number;
}

export interface FieldSpec {
  /** Instruction bit ranges, most significant first: `'31 7 30:25 11:8'`. */
  readonly bits: string;
  readonly signed?: boolean;
  /** Left shift applied after assembly (the implied low zero bits of offsets). */
  readonly shift?: number;
  /** Added after shifting: the compressed 3-bit register fields name x8..x15. */
  readonly add?: number;
}

export interface Field {
  readonly name: string;
  readonly spec: FieldSpec;
  /** Instruction bits the field reads, as a mask (used to check patterns leave them free). */
  readonly mask: number;
  readonly extract: (raw: number) => number;
}

function parseRuns(bits: string): { runs: BitRun[]; width: number; mask: number } {
  const ranges = bits.trim().split(/\s+/).map((tok) => {
    const m = /^(\d+)(?::(\d+))?$/.exec(tok);
    if (!m) throw new Error(`bad bit range '${tok}' in '${bits}'`);
    const hi = Number(m[1]);
    const lo = m[2] === undefined ? hi : Number(m[2]);
    if (lo > hi || hi > 31) throw new Error(`bad bit range '${tok}' in '${bits}'`);
    return { lo, width: hi - lo + 1 };
  });
  const width = ranges.reduce((n, r) => n + r.width, 0);
  let at = width;
  let mask = 0;
  const runs = ranges.map((r) => {
    at -= r.width;
    mask |= (r.width === 32 ? -1 : ((1 << r.width) - 1)) << r.lo;
    return { lo: r.lo, width: r.width, at };
  });
  return { runs, width, mask };
}

export function defineField(name: string, spec: FieldSpec): Field {
  const { runs, width, mask } = parseRuns(spec.bits);
  const signShift = 32 - width;
  const signed = spec.signed === true;
  const shift = spec.shift ?? 0;
  const add = spec.add ?? 0;
  return { name, spec, mask, extract: extractor(runs, signed ? signShift : 0, shift, add) };
}

/** The extraction function for a field; plain single-range fields (most of them) get a direct one. */
function extractor(runs: readonly BitRun[], signShift: number, shift: number, add: number): (raw: number) => number {
  if (runs.length === 1 && signShift === 0 && shift === 0) {
    const { lo, width } = runs[0];
    const m = (1 << width) - 1;
    return (raw) => ((raw >>> lo) & m) + add;
  }
  // Flattened (lo, mask, at) triples: the loop is on the decoder's path for every immediate.
  const flat = new Int32Array(runs.flatMap((r) => [r.lo, (1 << r.width) - 1, r.at]));
  return (raw) => {
    let v = 0;
    for (let i = 0; i < flat.length; i += 3) v |= ((raw >>> flat[i]) & flat[i + 1]) << flat[i + 2];
    if (signShift !== 0) v = (v << signShift) >> signShift;
    return ((v << shift) | 0) + add;
  };
}

function fieldTable<K extends string>(specs: Record<K, FieldSpec>): Readonly<Record<K, Field>> {
  const out = {} as Record<K, Field>;
  for (const name of Object.keys(specs) as K[]) out[name] = defineField(name, specs[name]);
  return out;
}

/** Every field the instruction table refers to, by name. */
export const FIELDS = fieldTable({
  // 32-bit formats
  rd: { bits: '11:7' },
  rs1: { bits: '19:15' },
  rs2: { bits: '24:20' },
  imm_i: { bits: '31:20', signed: true },
  imm_s: { bits: '31:25 11:7', signed: true },
  imm_b: { bits: '31 7 30:25 11:8', signed: true, shift: 1 },
  imm_u: { bits: '31:12', shift: 12 },
  imm_j: { bits: '31 19:12 20 30:21', signed: true, shift: 1 },
  shamt: { bits: '24:20' },
  csr: { bits: '31:20' },
  zimm: { bits: '19:15' },
  aq: { bits: '26' },
  rl: { bits: '25' },
  fm: { bits: '31:28' },
  pred: { bits: '27:24' },
  succ: { bits: '23:20' },

  // 16-bit formats: full register fields, and the 3-bit ones that name x8..x15
  c_rd: { bits: '11:7' },
  c_rs2: { bits: '6:2' },
  c_rs1p: { bits: '9:7', add: 8 },
  c_rs2p: { bits: '4:2', add: 8 },
  // CI immediates
  c_imm: { bits: '12 6:2', signed: true },
  c_shamt: { bits: '6:2' },
  c_imm_lui: { bits: '12 6:2', signed: true, shift: 12 },
  c_imm_16sp: { bits: '12 4:3 5 2 6', signed: true, shift: 4 },
  c_uimm_lwsp: { bits: '3:2 12 6:4', shift: 2 },
  // CSS, CIW, CL/CS
  c_uimm_swsp: { bits: '8:7 12:9', shift: 2 },
  c_uimm_4spn: { bits: '10:7 12:11 5 6', shift: 2 },
  c_uimm_lw: { bits: '5 12:10 6', shift: 2 },
  // CB, CJ
  c_imm_b: { bits: '12 6:5 2 11:10 4:3', signed: true, shift: 1 },
  c_imm_j: { bits: '12 8 10:9 6 7 2 11 5:3', signed: true, shift: 1 },
});

export type FieldName = keyof typeof FIELDS;
