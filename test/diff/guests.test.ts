/**
 * Differential tests: every guest in test/guests/expected/*.json runs on Translucent with each
 * engine (`node bin/translucent.js run --engine <e> [--semihosting] <elf>`, in a temporary cwd)
 * and must print exactly the bytes QEMU printed (expected/<name>.out) and exit with QEMU's status.
 * When qemu-system-riscv32 is installed, QEMU itself also runs each guest live, so the committed
 * expectations cannot drift from QEMU; without QEMU that part is skipped with a message, or fails
 * when CI is set.
 *
 * Environment:
 *   TRANSLUCENT_DIFF_ENGINES  engines to run, comma-separated (default "jit,interp")
 *   TRANSLUCENT_DIFF_GUESTS   a regular expression: only guests whose name matches
 *   TRANSLUCENT_DIFF_BENCH    bench-* guests: "jit" (default: jit engine only), "all", or "none"
 *   TRANSLUCENT_DIFF_QEMU     "0" skips the live QEMU runs (not allowed under CI)
 *   QEMU                      the QEMU binary (default qemu-system-riscv32)
 */
import * as assert from 'assert';
import * as fs from 'fs';
import {
  CLI,
  Engine,
  Guest,
  describeMismatch,
  loadGuests,
  qemuVersion,
  runQemu,
  runTranslucent,
} from '../helpers/guests';

const ENGINES = (process.env.TRANSLUCENT_DIFF_ENGINES || 'jit,interp')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean) as Engine[];
const FILTER = process.env.TRANSLUCENT_DIFF_GUESTS ? new RegExp(process.env.TRANSLUCENT_DIFF_GUESTS) : null;
const BENCH = (process.env.TRANSLUCENT_DIFF_BENCH || 'jit').toLowerCase();
const CI = !!process.env.CI;
const LIVE_QEMU = CI || process.env.TRANSLUCENT_DIFF_QEMU !== '0';

function enginesFor(guest: Guest): Engine[] {
  if (!guest.expected.bench) return ENGINES;
  if (BENCH === 'all') return ENGINES;
  if (BENCH === 'none' || BENCH === '0') return [];
  return ENGINES.filter((e) => e === 'jit');
}

const guests = loadGuests().filter((g) => !FILTER || FILTER.test(g.name));

describe('differential: guests on Translucent vs QEMU', function () {
  let qemuWarned = false;

  it('finds the guests and their expectations', function () {
    assert.ok(guests.length > 0 || FILTER, 'no test/guests/expected/*.json found');
    for (const g of guests) assert.ok(fs.existsSync(g.elf), `missing ${g.elf} (run test/guests/build.sh)`);
  });

  for (const guest of guests) {
    describe(guest.name, function () {
      if (LIVE_QEMU) {
        it('QEMU (live) still matches the recorded expectation', async function () {
          const version = qemuVersion();
          if (!version) {
            if (CI) assert.fail('qemu-system-riscv32 is not installed: CI requires the live QEMU comparison');
            if (!qemuWarned) {
              qemuWarned = true;
              console.warn('    ! qemu-system-riscv32 not found: skipping the live QEMU comparisons');
            }
            this.skip();
          }
          this.timeout(guest.expected.bench ? 120000 : 30000);
          const r = await runQemu(guest, guest.expected.bench ? 100000 : 25000);
          const m = describeMismatch(`QEMU (${version})`, guest.qemuOutput, guest.expected.exit, r);
          if (m) assert.fail(`${m}\n  (re-record with test/guests/record-qemu.sh if QEMU changed on purpose)`);
        });
      }
      for (const engine of enginesFor(guest)) {
        it(`Translucent --engine ${engine}`, async function () {
          this.timeout(guest.expected.timeoutMs + 10000);
          assert.ok(fs.existsSync(CLI), `${CLI} not found`);
          const r = await runTranslucent(guest, engine);
          const m = describeMismatch(`translucent --engine ${engine}`, guest.translucentOutput, guest.expected.exit, r);
          if (m) assert.fail(m);
        });
      }
    });
  }
});
