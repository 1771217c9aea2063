/**
 * Choosing the size of each relaxable branch and alignment in a section, the way GNU as does it
 * (without linker relaxation), so that our bytes match its bytes:
 *
 * - A branch whose target is not a non-weak label in the same section gets its far form at once:
 *   jumps 4 bytes (`jal`), conditional branches 8 (inverted branch over a `jal`).
 * - Otherwise the shortest form that reaches: 2 bytes if a compressed form was allowed, then 4, then
 *   6 (compressed inverted branch over a `jal`) or 8.
 * - The sizes start from an estimate made in one pass in which labels not yet reached count as
 *   being at their fragment's offset 0 (GNU's fragments have no address yet at that point), then
 *   passes recompute every size from the current addresses until nothing changes. Within a pass,
 *   labels behind the branch have moved already and labels ahead have not.
 */
import { BranchTail, Frag, SectionBuilder } from './object';
import { SymbolRecord, Value } from './value';

/** Offsets a branch reaches: [min, max] of (target - branch address). */
const REACH = {
  rvcBranch: [-256, 254],
  rvcJump: [-2048, 2046],
  branch: [-4096, 4094],
} as const;

const within = (v: number, [lo, hi]: readonly [number, number]) => v >= lo && v <= hi;

/** The label (and addend) a value names in `section`, following `.equ` aliases; undefined otherwise. */
export function labelIn(section: SectionBuilder, v: Value, depth = 0): { frag: Frag; offset: number } | undefined {
  if (v.terms.length !== 1 || v.terms[0].coeff !== 1 || depth > 32) return undefined;
  const sym: SymbolRecord = v.terms[0].sym;
  const def = sym.def;
  if (def === undefined || sym.binding === 'weak') return undefined;
  if (def.kind === 'equ') {
    const inner = labelIn(section, def.value, depth + 1);
    return inner === undefined ? undefined : { frag: inner.frag, offset: inner.offset + Number(v.add) };
  }
  if (def.section !== section) return undefined;
  return { frag: def.frag, offset: def.offset + Number(v.add) };
}

function branchSize(t: BranchTail, at: number, target: number | undefined): number {
  const jump = t.base === 'jal';
  if (target === undefined) return jump ? 4 : 8;
  const offset = target - at;
  if (t.rvc && within(offset, jump ? REACH.rvcJump : REACH.rvcBranch)) return 2;
  if (jump || within(offset, REACH.branch)) return 4;
  return t.rvc ? 6 : 8;
}

function alignSize(bytes: number, max: number | undefined, at: number): number {
  const pad = (bytes - (at % bytes)) % bytes;
  return max !== undefined && pad > max ? 0 : pad;
}

function tailSize(section: SectionBuilder, frag: Frag): number {
  const t = frag.tail!;
  const at = frag.address + frag.bytes.length;
  if (t.kind === 'align') return alignSize(t.bytes, t.max, at);
  // Behind already: nothing to pad (the linker reports it).
  if (t.kind === 'org') return Math.max(0, t.offset - at);
  const label = labelIn(section, t.target);
  return branchSize(t, at, label === undefined ? undefined : label.frag.address + label.offset);
}

const MAX_PASSES = 10000;

/** Lays out one section: every fragment's offset and every tail's size. Returns false if it never settles. */
export function relaxSection(section: SectionBuilder): boolean {
  for (const f of section.frags) f.address = 0;
  let address = 0;
  for (const f of section.frags) {
    f.address = address;
    if (f.tail !== undefined) f.tail.size = tailSize(section, f);
    address += f.size;
  }
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let stretch = 0;
    let changed = false;
    for (const f of section.frags) {
      f.address += stretch;
      if (f.tail === undefined) continue;
      const size = tailSize(section, f);
      if (size !== f.tail.size) changed = true;
      stretch += size - f.tail.size;
      f.tail.size = size;
    }
    if (!changed) return true;
  }
  return false;
}
