/**
 * The messages between the extension and its three webviews, both directions. The data inside is the
 * debug adapter's, typed by debug-adapter/protocol.ts; nothing here imports `vscode`, so the webview
 * bundles share these types.
 */
import type { MachineView, StatsEventBody, TbListing, TbStats } from '../../debug-adapter/protocol';

/** Where the guest is, as far as a view cares. */
export type SessionState = 'none' | 'running' | 'stopped';

export type TraceToView =
  | { readonly type: 'session'; readonly state: SessionState }
  /** A block to show; `pc` is the stopped pc (to mark it), `follow` whether the view tracks the pc. */
  | { readonly type: 'trace'; readonly listing: TbListing; readonly pc: number | undefined; readonly follow: boolean }
  | { readonly type: 'traceError'; readonly message: string; readonly follow: boolean }
  | { readonly type: 'recent'; readonly blocks: readonly { readonly pc: number; readonly symbol?: string }[] };

export type TraceFromView =
  | { readonly type: 'ready' }
  /** An address or symbol typed by the user, or a block clicked in the recent list. */
  | { readonly type: 'showAddress'; readonly address: string }
  | { readonly type: 'followPc' }
  | { readonly type: 'revealDisassembly'; readonly address: number };

export type BlocksToView =
  | { readonly type: 'session'; readonly state: SessionState }
  /** `runMs`: wall-clock time the guest has run in this session (for the translation time share). */
  | { readonly type: 'stats'; readonly stats: TbStats; readonly live: StatsEventBody | undefined; readonly runMs: number };

export type BlocksFromView =
  | { readonly type: 'ready' }
  | { readonly type: 'openTrace'; readonly address: number };

export type DevicesToView =
  | { readonly type: 'session'; readonly state: SessionState }
  /**
   * `stop` numbers the stops of a session: a snapshot taken at a new stop becomes the baseline that
   * the next one is compared with ("changed since the last stop"); undefined while the guest runs.
   */
  | { readonly type: 'machine'; readonly machine: MachineView; readonly stop: number | undefined; readonly csrs: readonly CsrValue[] };

export type DevicesFromView = { readonly type: 'ready' };

export interface CsrValue {
  readonly name: string;
  readonly value: string;
}
