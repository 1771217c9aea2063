/**
 * The breakpoint requests a client made, kept so that they can be answered again for a reloaded
 * program (a restart after the sources were reassembled or the ELF rebuilt): the same requests are
 * resolved against the new line tables and symbols, and each breakpoint keeps the id the client
 * already knows, so a `breakpoint` event can tell it where the breakpoint is now.
 */
import * as path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { SessionContext } from './requests/context';

type Body = { breakpoints?: DebugProtocol.Breakpoint[] } | undefined;
export type BreakpointHandler = (ctx: SessionContext, args: unknown) => Body;

interface Entry {
  readonly handler: BreakpointHandler;
  readonly args: unknown;
  body: Body;
}

export interface Replayed {
  /** New runtime ids to the ids the client has. */
  readonly ids: ReadonlyMap<number, number>;
  /** Every breakpoint with an id, as resolved now, under its old id. */
  readonly changed: DebugProtocol.Breakpoint[];
}

/** Which earlier request a new one replaces: one per source file, one per other kind. */
export function requestKey(command: string, args: unknown): string {
  if (command !== 'setBreakpoints') return command;
  const source = (args as { source?: { path?: unknown } } | undefined)?.source;
  return typeof source?.path === 'string' ? `source:${path.resolve(source.path)}` : command;
}

export class BreakpointMemory {
  private readonly entries = new Map<string, Entry>();

  /** Remembers a request that was answered with `body`. */
  record(key: string, handler: BreakpointHandler, args: unknown, body: Body): void {
    this.entries.set(key, { handler, args, body });
  }

  /** Answers every remembered request again (against the session's current runtime). */
  replay(ctx: SessionContext): Replayed {
    const ids = new Map<number, number>();
    const changed: DebugProtocol.Breakpoint[] = [];
    for (const entry of this.entries.values()) {
      const fresh = entry.handler(ctx, entry.args);
      const kept = (fresh?.breakpoints ?? []).map((b, i) => {
        const old = entry.body?.breakpoints?.[i]?.id;
        if (b.id === undefined || old === undefined) return b;
        ids.set(b.id, old);
        const again = { ...b, id: old };
        changed.push(again);
        return again;
      });
      entry.body = { breakpoints: kept };
    }
    return { ids, changed };
  }
}
