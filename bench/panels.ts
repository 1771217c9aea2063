/**
 * What the extension's live panels cost a running guest. While a guest runs, the debug adapter sends a
 * statistics event at most 4 times a second, and the open Translation Blocks and Devices views answer
 * each with a `translucent/tbStats` and a `translucent/devices` request. The adapter is single-threaded,
 * so that work is taken from the guest: measured here by running the same guest in the adapter's 15 ms
 * slices with that work done (and serialised, as the protocol does) every 250 ms, and without it.
 */
import { GuestSystem } from '../emulator/system';
import { StopReason } from '../emulator/tb/engine';
import { tbStats, machineView } from '../emulator/debug/tb-insight';

const SLICE_INSNS = 1_500_000;
const UPDATE_MS = 250;

export interface PanelsMeasure { readonly offMs: number; readonly onMs: number; readonly updates: number; readonly bytesPerUpdate: number }

function runOnce(guest: string, live: boolean): { ms: number; updates: number; bytes: number } {
  const sys = new GuestSystem({ guest, write: () => {} });
  let updates = 0;
  let bytes = 0;
  const t0 = performance.now();
  let last = t0;
  for (;;) {
    const r = sys.run(SLICE_INSNS);
    if (r.reason !== StopReason.Budget) break;
    const now = performance.now();
    if (live && now - last >= UPDATE_MS) {
      last = now;
      const m = sys.machine;
      const stats = tbStats(sys.engine, m.hart, (a) => sys.symbolize(a), 500);
      const devices = machineView(m.describeDevices(), m.hart, m.bus.ramBase);
      bytes += JSON.stringify(stats).length + JSON.stringify(devices).length;
      updates++;
    }
  }
  return { ms: performance.now() - t0, updates, bytes };
}

export function panelsBench(guest: string): PanelsMeasure {
  const off = Math.min(...[0, 1, 2].map(() => runOnce(guest, false).ms));
  const ons = [0, 1, 2].map(() => runOnce(guest, true));
  const on = ons.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { offMs: off, onMs: on.ms, updates: on.updates, bytesPerUpdate: on.updates ? Math.round(on.bytes / on.updates) : 0 };
}
