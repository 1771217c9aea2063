/** The few standard DAP queries the views make besides Translucent's own requests. */
import type * as vscode from 'vscode';
import type { DebugProtocol } from '@vscode/debugprotocol';

/** The pc of the top frame of a stopped thread, from its instruction pointer reference. */
export async function stoppedPc(session: vscode.DebugSession, threadId: number | undefined): Promise<number | undefined> {
  let thread = threadId;
  if (thread === undefined) {
    const threads = (await session.customRequest('threads')) as DebugProtocol.ThreadsResponse['body'];
    thread = threads.threads[0]?.id;
    if (thread === undefined) return undefined;
  }
  const trace = (await session.customRequest('stackTrace', { threadId: thread, startFrame: 0, levels: 1 })) as DebugProtocol.StackTraceResponse['body'];
  const ref = trace.stackFrames[0]?.instructionPointerReference;
  return ref === undefined ? undefined : parseAddress(ref);
}

/** `0x80000010`, `80000010h`, `2147483664`: the number, or undefined if `text` is not one. */
export function parseAddress(text: string): number | undefined {
  const t = text.trim().replace(/_/g, '');
  let v: number;
  if (/^0x[0-9a-f]+$/i.test(t)) v = parseInt(t.slice(2), 16);
  else if (/^[0-9a-f]+h$/i.test(t)) v = parseInt(t.slice(0, -1), 16);
  else if (/^\d+$/.test(t)) v = Number(t);
  else return undefined;
  return Number.isSafeInteger(v) && v >= 0 && v <= 0xffff_ffff ? v : undefined;
}

/**
 * An address typed by the user: a number, or anything the adapter can evaluate (a symbol such as
 * `main`, an expression such as `main+8` or `$pc`).
 */
export async function resolveAddress(session: vscode.DebugSession, text: string): Promise<number> {
  const direct = parseAddress(text);
  if (direct !== undefined) return direct;
  const r = (await session.customRequest('evaluate', { expression: text, context: 'watch' })) as DebugProtocol.EvaluateResponse['body'];
  const fromRef = r.memoryReference !== undefined ? parseAddress(r.memoryReference) : undefined;
  const value = fromRef ?? parseAddress(r.result.split(/\s/)[0] ?? '');
  if (value === undefined) throw new Error(`"${text}" is not an address (it evaluates to ${r.result})`);
  return value;
}
