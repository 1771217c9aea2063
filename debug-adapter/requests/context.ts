/**
 * What request handlers need from the session: the runtime, the stopped guest's frames and variables,
 * and the client's conventions (line numbering, source paths). Handlers are plain functions of
 * (context, arguments) returning a response body, so each group lives in its own file.
 */
import type { UnwoundFrame } from '../../emulator/debug/unwind';
import type { GuestRuntime } from '../runtime/guest-runtime';
import type { VariableStore } from '../variables';
import { RequestError, needInt } from '../request-error';

export const THREAD_ID = 1;

export interface SessionContext {
  /** The runtime, or an error naming `command` when no guest was launched. */
  rt(command: string): GuestRuntime;
  /** The stopped hart's frames, innermost first (computed once per stop). */
  stack(): UnwoundFrame[];
  /** The Variables view's store (references valid until the guest runs). */
  variables(): VariableStore;
  /** A line table's file as the client should open it. */
  sourcePath(file: string): string;
  lineToClient(line: number): number;
  lineFromClient(line: number): number;
  columnToClient(column: number): number;
  /** Registers or memory changed by hand: frames are recomputed and the client refreshes its views. */
  stateChanged(): void;
}

/** Checks `threadId` (there is one thread per hart, and one hart). */
export function checkThread(command: string, args: Record<string, unknown>): void {
  const id = needInt(command, args, 'threadId');
  if (id !== THREAD_ID) throw new RequestError(`${command}: threadId ${id} is not a thread (the only one is ${THREAD_ID}, hart 0)`);
}
