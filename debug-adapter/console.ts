/**
 * The Debug Console and expressions: `evaluate` (monitor commands in the REPL, C-like expressions
 * everywhere), `setExpression`, and completions.
 */
import type { DebugProtocol } from '@vscode/debugprotocol';
import { completeMonitor, isMonitorCommand, MonitorError, runMonitor } from '../emulator/debug/monitor';
import { ExprError, ExprValue, formatValue } from '../emulator/debug/expr';
import type { GuestRuntime } from './runtime/guest-runtime';
import { formatMemoryRef } from './memory-ref';
import { RequestError } from './request-error';

function valueBody(rt: GuestRuntime, v: ExprValue): { result: string; type: string; memoryReference?: string; variablesReference: number } {
  const t = rt.target;
  const readable = t.memory.read(v.value >>> 0, 1, 'virtual').bytes.length === 1;
  // Pointers and addresses open in the memory view; so does the memory an lvalue lives in.
  const ref = v.type.target !== undefined && readable ? v.value >>> 0 : v.place?.kind === 'memory' ? v.place.addr : undefined;
  return {
    result: formatValue(v, (a) => t.symbolize(a)), type: v.type.name, variablesReference: 0,
    ...(ref !== undefined ? { memoryReference: formatMemoryRef(ref) } : {}),
  };
}

export function evaluate(rt: GuestRuntime, expression: string, context: string | undefined): DebugProtocol.EvaluateResponse['body'] {
  if (context === 'repl' && isMonitorCommand(expression)) {
    try {
      return { result: runMonitor(rt, expression), variablesReference: 0 };
    } catch (e) {
      if (e instanceof MonitorError) throw new RequestError(e.message);
      throw e;
    }
  }
  try {
    return valueBody(rt, rt.target.evaluate(expression));
  } catch (e) {
    if (e instanceof ExprError) throw new RequestError(e.message);
    throw e;
  }
}

/** `expression = value`, for the Watch view's "Set Value". */
export function setExpression(rt: GuestRuntime, expression: string, value: string): DebugProtocol.SetExpressionResponse['body'] {
  try {
    const target = rt.target.evaluate(expression);
    if (target.place === undefined) throw new RequestError(`setExpression: "${expression}" is not a register or memory location`);
    const b = valueBody(rt, rt.target.evaluate(`(${expression}) = (${value})`));
    return { value: b.result, type: b.type, variablesReference: 0, ...(b.memoryReference ? { memoryReference: b.memoryReference } : {}) };
  } catch (e) {
    if (e instanceof ExprError) throw new RequestError(`setExpression: ${e.message}`);
    throw e;
  }
}

export function completions(rt: GuestRuntime, text: string, column: number): DebugProtocol.CompletionItem[] {
  // DAP columns count from 1 (UTF-16 units, as JavaScript strings do).
  const cursor = Math.max(0, Math.min(text.length, column - 1));
  const { start, items } = completeMonitor(rt, text, cursor);
  return items.map((label) => ({ label, start, length: cursor - start }));
}
