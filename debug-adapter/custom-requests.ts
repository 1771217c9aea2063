/**
 * Handlers of the custom requests declared in protocol.ts. The table's type makes a missing handler a
 * compile error, and arguments are checked against the declared schema before a handler runs.
 */
import { PC_INDEX } from '../emulator/ir/ir';
import { findBlock, machineView, tbListing, tbStats } from '../emulator/debug/tb-insight';
import { SchemaError } from './schema';
import { CUSTOM_REQUESTS, CustomArgs, CustomRequestName, CustomResponses } from './protocol';
import type { GuestRuntime } from './runtime/guest-runtime';
import { RequestError } from './request-error';

type Handlers = { readonly [K in CustomRequestName]: (rt: GuestRuntime, args: CustomArgs<K>) => CustomResponses[K] };

const HANDLERS: Handlers = {
  'translucent/traceTB': (rt, args) => {
    const t = rt.target;
    const h = t.hart;
    const pc = args.address ?? h.x[PC_INDEX] >>> 0;
    const engine = t.system.engine;
    const cached = findBlock(engine, pc, h.fetchFlags());
    if (cached !== undefined) return tbListing(cached, true, (a) => t.symbolize(a));
    // A fetch that faults records the trap on the hart; one the debugger stopped in front of must survive.
    const saved = [h.pendingCause, h.pendingTval];
    try {
      const ppc = h.translateFetch(pc);
      // One-off: not cached, so showing code never changes what the guest runs.
      return tbListing(engine.translate(pc, ppc, h.fetchFlags(), 64, false), false, (a) => t.symbolize(a));
    } catch (e) {
      if (e instanceof Error) throw e;
      throw new RequestError(`translucent/traceTB: 0x${(pc >>> 0).toString(16)} cannot be fetched now (not mapped or not executable)`);
    } finally {
      [h.pendingCause, h.pendingTval] = saved;
    }
  },
  'translucent/tbStats': (rt, args) => tbStats(rt.target.system.engine, rt.target.hart, (a) => rt.target.symbolize(a), args.limit ?? 500),
  'translucent/devices': (rt) => {
    const m = rt.target.system.machine;
    return machineView(m.describeDevices(), m.hart, m.bus.ramBase);
  },
  'translucent/sendInput': (rt, args) => ({ bytes: rt.sendInput(args.text) }),
};

export function isCustomRequest(command: string): command is CustomRequestName {
  return Object.prototype.hasOwnProperty.call(CUSTOM_REQUESTS, command);
}

export function runCustomRequest(rt: GuestRuntime, command: CustomRequestName, rawArgs: unknown): unknown {
  let args;
  try {
    args = CUSTOM_REQUESTS[command].args.parse(rawArgs ?? {}, command);
  } catch (e) {
    if (e instanceof SchemaError) throw new RequestError(e.message);
    throw e;
  }
  return (HANDLERS[command] as (rt: GuestRuntime, a: unknown) => unknown)(rt, args);
}
