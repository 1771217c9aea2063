/**
 * Translucent's own DAP requests and events, declared once. The adapter's handlers are typed from this
 * file (a missing handler does not compile), and the extension imports it to send the requests and
 * read the events with the same types. No VS Code or DAP library types here, so both sides can use it.
 */
import { Infer, num, object, optional, str } from './schema';
import type { MachineView, TbListing, TbStats } from '../emulator/debug/tb-insight';
import type { CounterName } from '../emulator/tb/counters';
import type { Diagnostic } from '../emulator/asm/diagnostics';

export type { MachineView, TbListing, TbStats, TbRow, TbInsnMap, TbGuestInsn, CounterRow, TlbEntryView, PmpEntryView, Range } from '../emulator/debug/tb-insight';
export type { DeviceState, DeviceRegister } from '../emulator/machine/bus-api';
export type { Diagnostic as AssemblyDiagnostic } from '../emulator/asm/diagnostics';

const address = (description: string) => num(description, { integer: true, minimum: 0, maximum: 0xffff_ffff });

/** Every custom request: what it does, and its arguments (checked at run time against this schema). */
export const CUSTOM_REQUESTS = {
  'translucent/traceTB': {
    description: 'The translation block holding a guest address (default: the stopped hart\'s pc), translated on the spot if the engine has none: guest instructions, micro-ops before and after optimisation, generated JavaScript, and which ops and lines each instruction became.',
    args: object({ address: optional(address('Virtual address of a guest instruction (default: pc).')) }),
  },
  'translucent/tbStats': {
    description: 'Every statistics counter (with derived ratios), one row per cached translation block (most executed first), and the blocks executed most recently.',
    args: object({ limit: optional(num('At most this many block rows (default 500).', { integer: true, minimum: 0, maximum: 1_000_000 })) }),
  },
  'translucent/devices': {
    description: 'Each device\'s registers (raw value and meaning), the MMU (satp, mode, software TLB entries) and the PMP entries.',
    args: object({}),
  },
  'translucent/sendInput': {
    description: 'Bytes typed for the guest: to the UART receiver (and semihosting console input when enabled).',
    args: object({ text: str('The input, as UTF-8 text (use "\\r" for Enter on a terminal-style guest).') }),
  },
} as const;

export type CustomRequestName = keyof typeof CUSTOM_REQUESTS;
export type CustomArgs<K extends CustomRequestName> = Infer<(typeof CUSTOM_REQUESTS)[K]['args']>;

/** The body of each custom request's response. */
export interface CustomResponses {
  'translucent/traceTB': TbListing;
  'translucent/tbStats': TbStats;
  'translucent/devices': MachineView;
  'translucent/sendInput': { readonly bytes: number };
}

/** Live statistics while the guest runs (a few times a second) and once at each stop. */
export interface StatsEventBody {
  readonly running: boolean;
  /** Instructions retired since reset. */
  readonly instructions: number;
  /** Guest instructions per second over the last interval (0 when stopped). */
  readonly instructionsPerSecond: number;
  readonly blocksInCache: number;
  readonly counters: { readonly [K in CounterName]: number };
}

/** What assembling a launch's assembly sources found (sent before the launch answers). */
export interface AssemblyEventBody {
  /** The sources assembled (absolute paths): a client clears what it showed for them before. */
  readonly files: readonly string[];
  /** Every error and warning, with 1-based line and column; none when the sources assembled cleanly. */
  readonly diagnostics: readonly Diagnostic[];
}

export const CUSTOM_EVENTS = {
  'translucent/stats': { description: 'Fresh translation statistics, sent at most 4 times a second while the guest runs, and at each stop.' },
  'translucent/assembly': { description: 'The problems found assembling a launch whose program is assembly sources, sent before the launch answers (an empty list when there were none), for the client to show beside the code.' },
} as const;

export type CustomEventName = keyof typeof CUSTOM_EVENTS;

export interface CustomEventBodies {
  'translucent/stats': StatsEventBody;
  'translucent/assembly': AssemblyEventBody;
}

/** How a client sends a custom request and gets the response body (VS Code: `session.customRequest`). */
export type SendRequest = (command: string, args: unknown) => PromiseLike<unknown>;

/** Sends one custom request with typed arguments and result. */
export async function sendCustomRequest<K extends CustomRequestName>(send: SendRequest, name: K, args: CustomArgs<K>): Promise<CustomResponses[K]> {
  return (await send(name, args)) as CustomResponses[K];
}
