/** The block size histogram's buckets: plain data, no DOM (unit-tested in Node). */
import type { TbRow } from '../../../debug-adapter/protocol';

/** Buckets of guest instructions per block: powers of two, as block sizes spread geometrically. */
const BUCKETS: readonly { label: string; lo: number; hi: number }[] = [
  { label: '1', lo: 1, hi: 1 }, { label: '2', lo: 2, hi: 2 }, { label: '3–4', lo: 3, hi: 4 }, { label: '5–8', lo: 5, hi: 8 },
  { label: '9–16', lo: 9, hi: 16 }, { label: '17–32', lo: 17, hi: 32 }, { label: '33–64', lo: 33, hi: 64 }, { label: '65+', lo: 65, hi: Infinity },
];

export function sizeBuckets(rows: readonly TbRow[]): { label: string; n: number }[] {
  return BUCKETS.map((b) => ({ label: b.label, n: rows.filter((r) => r.guestInsns >= b.lo && r.guestInsns <= b.hi).length }));
}
