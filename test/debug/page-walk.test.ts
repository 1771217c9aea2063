import { strict as assert } from 'node:assert';
import { listMappings, pteFlags, walkSv32 } from '../../emulator/debug/page-walk';

/** A page table in a map of physical words: root at 0x80010000, one 4 KiB page, one superpage. */
function tables() {
  const words = new Map<number, number>();
  const root = 0x80010000;
  const l0 = 0x80011000;
  // va 0x00400000.. -> l0 table; va 0x00401000 -> pa 0x80020000 (rwx, A D)
  words.set(root + 1 * 4, ((l0 >>> 12) << 10) | 1);
  words.set(l0 + 1 * 4, ((0x80020000 >>> 12) << 10) | 0xcf);
  words.set(l0 + 2 * 4, ((0x80021000 >>> 12) << 10) | 0xcf);
  // va 0xc0000000 superpage -> pa 0x80000000 (r-x)
  words.set(root + 0x300 * 4, ((0x80000000 >>> 22) << 20) | 0x4b);
  // An invalid W-without-R leaf is skipped.
  words.set(l0 + 3 * 4, ((0x80022000 >>> 12) << 10) | 0x05);
  const satp = (0x8000_0000 | (root >>> 12)) >>> 0;
  return { satp, read: (pa: number) => words.get(pa) ?? 0 };
}

describe('debug/page-walk', () => {
  it('translates 4 KiB pages and superpages without touching A/D', () => {
    const { satp, read } = tables();
    assert.deepEqual(walkSv32(satp, 0x00401234, read), { va: 0x00401000, pa: 0x80020000, size: 4096, pte: ((0x80020000 >>> 12) << 10) | 0xcf });
    assert.equal(walkSv32(satp, 0xc0123456, read)?.pa, 0x80000000);
    assert.equal(walkSv32(satp, 0x00403000, read), undefined, 'W without R is not a mapping');
    assert.equal(walkSv32(satp, 0x12345000, read), undefined);
  });

  it('lists mappings, merging contiguous pages', () => {
    const { satp, read } = tables();
    const maps = listMappings(satp, read);
    assert.deepEqual(maps.map((m) => [m.va.toString(16), m.pa.toString(16), m.size.toString(16), pteFlags(m.pte)]), [
      ['401000', '80020000', '2000', 'rwx--ad'],
      ['c0000000', '80000000', '400000', 'r-x--a-'],
    ]);
  });
});
