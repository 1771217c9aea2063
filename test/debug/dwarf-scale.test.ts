/**
 * Size: a Linux kernel's line table has about a million rows. A synthetic one that large (1000
 * units, 50 000 sequences in shuffled address order) must read in well under a few seconds and
 * answer lookups quickly. And the Linux vmlinux the project boots, read for real.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { readDebugInfo } from '../../emulator/debug/dwarf';
import { elfWithSections } from './dwarf-builder';

const UNITS = 1000;
const SEQS = 50;
const ROWS = 20;
const BASE = 0x80000000;
const SLOT = 64;
/** Special opcode for "2 bytes on, line + 1" with line_base -5, line_range 14, opcode_base 13. */
const STEP = 1 + 5 + 14 * 2 + 13;

/** Sequence k (unit k / SEQS) sits in address slot `slot[k]`: a permutation, so sorting matters. */
function slots(): Uint32Array {
  const n = UNITS * SEQS;
  const s = Uint32Array.from({ length: n }, (_, i) => i);
  let x = 1;
  for (let i = n - 1; i > 0; i--) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const j = x % (i + 1);
    [s[i], s[j]] = [s[j], s[i]];
  }
  return s;
}

function bigLineTable(slot: Uint32Array): Uint8Array {
  const out = new Uint8Array(UNITS * (64 + SEQS * (16 + ROWS + 8)));
  const v = new DataView(out.buffer);
  let p = 0;
  for (let u = 0; u < UNITS; u++) {
    const start = p;
    p += 4;
    v.setUint16(p, 4, true);
    const headerAt = p + 2;
    p += 6;
    const headerStart = p;
    for (const b of [1, 1, 1, -5 & 0xff, 14, 13, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1, 0]) out[p++] = b;
    for (const c of Buffer.from(`/src/u${u}.c\0`)) out[p++] = c;
    out[p++] = 0; out[p++] = 0; out[p++] = 0; out[p++] = 0;
    v.setUint32(headerAt, p - headerStart, true);
    for (let q = 0; q < SEQS; q++) {
      out[p++] = 0; out[p++] = 5; out[p++] = 2;
      v.setUint32(p, BASE + slot[u * SEQS + q] * SLOT, true);
      p += 4;
      out[p++] = 3; // advance_line 20q (as a 2-byte SLEB128)
      const line = ROWS * q;
      out[p++] = (line & 0x7f) | 0x80; out[p++] = (line >> 7) & 0x7f;
      out[p++] = 1; // copy: line 1 + 20q
      for (let j = 1; j < ROWS; j++) out[p++] = STEP;
      out[p++] = 2; out[p++] = 2; // advance_pc 2
      out[p++] = 0; out[p++] = 1; out[p++] = 1;
    }
    v.setUint32(start, p - start - 4, true);
  }
  return out.subarray(0, p);
}

describe('debug/dwarf at the scale of a kernel', function () {
  this.timeout(60_000);

  it('a million rows: read, locate and addressesOf are fast and right', () => {
    const slot = slots();
    const elf = elfWithSections([
      { name: '.text', data: new Uint8Array(0), addr: BASE, flags: 6, type: 8 },
      { name: '.debug_line', data: bigLineTable(slot) },
    ]);
    // .text is NOBITS here only to keep the file small: give it the size the sequences need.
    new DataView(elf.buffer).setUint32(new DataView(elf.buffer).getUint32(32, true) + 40 + 20, UNITS * SEQS * SLOT, true);

    let t = performance.now();
    const { info, warnings } = readDebugInfo(elf, 'big.elf');
    const readMs = performance.now() - t;
    assert.deepEqual(warnings, []);
    const lines = info!.lines;
    assert.equal(lines.size, UNITS * SEQS * (ROWS + 1));
    // Typically 0.3-0.5 s; the margin is for loaded CI machines.
    assert.ok(readMs < 4000, `read ${lines.size} rows in ${readMs.toFixed(0)} ms`);

    const where = new Uint32Array(UNITS * SEQS);
    slot.forEach((s, k) => { where[s] = k; });
    t = performance.now();
    for (let i = 0; i < 100_000; i++) {
      const s = (i * 7919) % where.length;
      const j = i % ROWS;
      const loc = lines.locate(BASE + s * SLOT + 2 * j + 1);
      const k = where[s];
      if (loc?.line !== 1 + ROWS * (k % SEQS) + j || loc.file !== `/src/u${Math.floor(k / SEQS)}.c`) {
        assert.fail(`slot ${s} row ${j}: ${JSON.stringify(loc)}`);
      }
    }
    const locateMs = performance.now() - t;
    assert.ok(locateMs < 1000, `100 000 locate() in ${locateMs.toFixed(0)} ms`);
    assert.equal(lines.locate(BASE + 3 * SLOT + 2 * ROWS + 2), undefined, 'the gap after a sequence');

    t = performance.now();
    assert.deepEqual(lines.addressesOf('/src/u7.c', 1 + ROWS * 3 + 5), [BASE + slot[7 * SEQS + 3] * SLOT + 10]);
    const firstMs = performance.now() - t;
    t = performance.now();
    for (let u = 0; u < 1000; u++) assert.equal(lines.addressesOf(`/src/u${u}.c`, 2).length, 1);
    const restMs = performance.now() - t;
    assert.ok(firstMs < 2000 && restMs < 1000, `addressesOf: first ${firstMs.toFixed(0)} ms (builds the index), 1000 more ${restMs.toFixed(0)} ms`);
  });

  const VMLINUX = '/work/shared/guests/linux-rv32/out/vmlinux-rv32-nommu';
  it('the Linux vmlinux: read in under a few seconds (this build has no DWARF: it says so)', function () {
    if (!fs.existsSync(VMLINUX)) this.skip();
    const t = performance.now();
    const { info, warnings } = readDebugInfo(fs.readFileSync(VMLINUX), VMLINUX);
    const ms = performance.now() - t;
    assert.ok(ms < 3000, `${ms.toFixed(0)} ms`);
    if (info === undefined) assert.match(warnings.join('\n'), /no DWARF line table or call frame information/);
    else assert.ok(info.lines.size > 0 || info.frames !== undefined);
  });
});
