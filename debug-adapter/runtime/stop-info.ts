/**
 * Why the guest stopped, as the runtime reports it (no DAP types: the session maps these to events).
 */

export type StopReason =
  | 'entry' | 'step' | 'breakpoint' | 'function breakpoint' | 'instruction breakpoint' | 'data breakpoint'
  | 'exception' | 'pause' | 'goto';

/** The trap a stop happened in front of (exception filters). */
export interface TrapReport {
  readonly filterId: string;
  readonly cause: number;
  readonly interrupt: boolean;
  readonly tval: number;
  /** The faulting instruction (exception) or the next instruction to run (interrupt). */
  readonly epc: number;
  /** Privilege the hart was in: 'U', 'S' or 'M'. */
  readonly privilege: string;
  readonly name: string;
  /** A sentence for the user: what, where, tval's meaning. */
  readonly message: string;
}

export interface StopInfo {
  readonly reason: StopReason;
  /** Short text shown in the UI next to the thread (e.g. the exception's name). */
  readonly description?: string;
  /** Longer text (the exception widget's message, a failed condition, a watchpoint's values). */
  readonly text?: string;
  readonly breakpointIds?: readonly number[];
  readonly trap?: TrapReport;
}
