/** The views' logic that needs neither VS Code nor a browser: sorting, buckets, changes, formats. */
import * as assert from 'node:assert';
import type { TbRow } from '../../../debug-adapter/protocol';
import { sortRows } from '../../../extension/webview/blocks/sort';
import { sizeBuckets } from '../../../extension/webview/blocks/buckets';
import { changed, ChangeTracker } from '../../../extension/webview/devices/changes';
import { formatSpeed } from '../../../extension/status/speed-text';
import { parseAddress } from '../../../extension/debug/stack';
import { addressLabel, percent } from '../../../extension/webview/common/format';

function row(pc: number, executions: number, guestInsns: number, symbol?: string): TbRow {
  return {
    pc, executions, guestInsns, ...(symbol ? { symbol } : {}), guestBytes: guestInsns * 4, opsBefore: 10, opsAfter: 8, hostSize: 0,
    chainedIn: 0, generation: 1, translateMs: 0.1, compileMs: 0, chainedTo: [],
  };
}

describe('Translation Blocks table', () => {
  const rows = [row(0x80000000, 5, 3, 'main'), row(0x80000010, 50, 1, 'is_prime'), row(0x80000020, 7, 12, 'main+0x20')];

  it('sorts by a column, either way, ties by address', () => {
    assert.deepStrictEqual(sortRows(rows, { sortKey: 'executions', descending: true, filter: '' }).map((r) => r.executions), [50, 7, 5]);
    assert.deepStrictEqual(sortRows(rows, { sortKey: 'guestInsns', descending: false, filter: '' }).map((r) => r.guestInsns), [1, 3, 12]);
    assert.deepStrictEqual(sortRows(rows, { sortKey: 'symbol', descending: false, filter: '' }).map((r) => r.symbol), ['is_prime', 'main', 'main+0x20']);
  });

  it('filters by symbol or by address', () => {
    assert.deepStrictEqual(sortRows(rows, { sortKey: 'pc', descending: false, filter: 'MAIN' }).map((r) => r.pc), [0x80000000, 0x80000020]);
    assert.deepStrictEqual(sortRows(rows, { sortKey: 'pc', descending: false, filter: '0x80000010' }).map((r) => r.symbol), ['is_prime']);
  });

  it('buckets block sizes by powers of two', () => {
    const b = sizeBuckets([row(0, 1, 1), row(0, 1, 2), row(0, 1, 4), row(0, 1, 5), row(0, 1, 200)]);
    const n = Object.fromEntries(b.map((x) => [x.label, x.n]));
    assert.deepStrictEqual([n['1'], n['2'], n['3–4'], n['5–8'], n['65+'], n['9–16']], [1, 1, 1, 1, 1, 0]);
  });
});

describe('Devices: changed since the last stop', () => {
  it('compares a stop with the stop before it, and live snapshots with the last stop', () => {
    const t = new ChangeTracker();
    const snap = (v: string) => new Map([['uart0/LSR', v]]);
    assert.strictEqual(t.update(snap('0x60'), 1), undefined, 'nothing to compare the first stop with');
    const base = t.update(snap('0x61'), 2);
    assert.ok(changed(base, 'uart0/LSR', '0x61'));
    // Running after stop 2: compared with stop 1 still (the baseline of the current stop).
    assert.ok(changed(t.update(snap('0x61'), undefined), 'uart0/LSR', '0x61'));
    // The same stop again (a refresh) does not move the baseline.
    assert.ok(changed(t.update(snap('0x61'), 2), 'uart0/LSR', '0x61'));
    assert.ok(!changed(t.update(snap('0x61'), 3), 'uart0/LSR', '0x61'));
    assert.ok(!changed(base, 'unknown', 'x'), 'a value with no earlier reading is not "changed"');
  });
});

describe('formats', () => {
  it('status bar text: MIPS while running, paused otherwise', () => {
    assert.strictEqual(formatSpeed({ running: true, instructionsPerSecond: 58_812_345, blocksInCache: 1234 }), '$(pulse) Translucent: 58.8 MIPS · 1,234 TBs');
    assert.strictEqual(formatSpeed({ running: true, instructionsPerSecond: 1_234_567, blocksInCache: 2 }), '$(pulse) Translucent: 1.23 MIPS · 2 TBs');
    assert.strictEqual(formatSpeed({ running: false, instructionsPerSecond: 0, blocksInCache: 54 }), '$(debug-pause) Translucent: paused · 54 TBs');
  });

  it('addresses typed by the user', () => {
    assert.strictEqual(parseAddress('0x80000010'), 0x80000010);
    assert.strictEqual(parseAddress(' 80000010h '), 0x80000010);
    assert.strictEqual(parseAddress('4096'), 4096);
    assert.strictEqual(parseAddress('0x1_0000_0000'), undefined);
    assert.strictEqual(parseAddress('main'), undefined);
  });

  it('labels and ratios', () => {
    assert.strictEqual(addressLabel(0x80000000, 'main'), '0x80000000 <main>');
    assert.strictEqual(percent(0.9512), '95.1 %');
    assert.strictEqual(percent(null), '–');
  });
});
