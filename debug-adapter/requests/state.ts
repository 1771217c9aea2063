/**
 * Requests about the stopped guest: stack trace, scopes, variables (and setting them), expressions,
 * completions.
 */
import * as path from 'node:path';
import { StackFrame, Source } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { formatMemoryRef } from '../memory-ref';
import { completions, evaluate, setExpression } from '../console';
import { RequestError, argsOf, needInt, needString, optInt, optString } from '../request-error';
import { SessionContext, checkThread } from './context';

export function stackTrace(ctx: SessionContext, raw: unknown): DebugProtocol.StackTraceResponse['body'] {
  const a = argsOf('stackTrace', raw);
  checkThread('stackTrace', a);
  const rt = ctx.rt('stackTrace');
  if (rt.state === 'running') throw new RequestError('stackTrace: the guest is running (pause it first)');
  const start = optInt('stackTrace', a, 'startFrame', 0, { min: 0 });
  const levels = optInt('stackTrace', a, 'levels', 0, { min: 0 });
  const frames = ctx.stack();
  const t = rt.target;
  const stackFrames = frames.slice(start, levels > 0 ? start + levels : undefined).map((f, i) => {
    const index = start + i;
    const hit = t.symbols.lookup(f.pc);
    const name = hit === undefined ? `0x${f.pc.toString(16)}` : hit.offset === 0 ? hit.symbol.name : `${hit.symbol.name}+0x${hit.offset.toString(16)}`;
    // A caller's pc is a return address: its line is the call's.
    const loc = t.debugInfo.locate(index === 0 ? f.pc : f.pc - 1);
    const sf: DebugProtocol.StackFrame = new StackFrame(index + 1, name,
      loc ? new Source(path.basename(loc.file), ctx.sourcePath(loc.file)) : undefined,
      loc ? ctx.lineToClient(loc.line) : 0, loc && loc.column > 0 ? ctx.columnToClient(loc.column) : 0);
    sf.instructionPointerReference = formatMemoryRef(f.pc);
    if (!loc) sf.presentationHint = 'subtle';
    return sf;
  });
  return { stackFrames, totalFrames: frames.length };
}

function frameIndex(ctx: SessionContext, command: string, args: Record<string, unknown>): number {
  const id = needInt(command, args, 'frameId');
  const frames = ctx.stack();
  if (id < 1 || id > frames.length) throw new RequestError(`${command}: frameId ${id} is unknown (frames are 1..${frames.length}; they change when the guest runs)`);
  return id - 1;
}

export function scopes(ctx: SessionContext, raw: unknown): DebugProtocol.ScopesResponse['body'] {
  const a = argsOf('scopes', raw);
  ctx.rt('scopes');
  return { scopes: ctx.variables().scopes(frameIndex(ctx, 'scopes', a)) };
}

export function variables(ctx: SessionContext, raw: unknown): DebugProtocol.VariablesResponse['body'] {
  const a = argsOf('variables', raw);
  const ref = needInt('variables', a, 'variablesReference');
  ctx.rt('variables');
  return { variables: ctx.variables().variables(ref, () => ctx.stack()) };
}

export function setVariable(ctx: SessionContext, raw: unknown): DebugProtocol.SetVariableResponse['body'] {
  const a = argsOf('setVariable', raw);
  const ref = needInt('setVariable', a, 'variablesReference');
  const name = needString('setVariable', a, 'name');
  const value = needString('setVariable', a, 'value');
  if (ctx.rt('setVariable').state === 'running') throw new RequestError('setVariable: the guest is running (pause it first)');
  const v = ctx.variables().set(ref, name, value);
  ctx.stateChanged();
  return { value: v.value, ...(v.memoryReference ? { memoryReference: v.memoryReference } : {}) };
}

export function setExpressionRequest(ctx: SessionContext, raw: unknown): DebugProtocol.SetExpressionResponse['body'] {
  const a = argsOf('setExpression', raw);
  const body = setExpression(ctx.rt('setExpression'), needString('setExpression', a, 'expression'), needString('setExpression', a, 'value'));
  ctx.stateChanged();
  return body;
}

export function evaluateRequest(ctx: SessionContext, raw: unknown): DebugProtocol.EvaluateResponse['body'] {
  const a = argsOf('evaluate', raw);
  const expression = needString('evaluate', a, 'expression');
  const context = optString('evaluate', a, 'context');
  const body = evaluate(ctx.rt('evaluate'), expression, context);
  // An assignment, or a monitor command (system_reset), may have changed anything.
  if (context === 'repl' || /(^|[^=!<>])=($|[^=])/.test(expression)) ctx.stateChanged();
  return body;
}

export function completionsRequest(ctx: SessionContext, raw: unknown): DebugProtocol.CompletionsResponse['body'] {
  const a = argsOf('completions', raw);
  const text = needString('completions', a, 'text');
  const column = needInt('completions', a, 'column', { min: 0 });
  return { targets: completions(ctx.rt('completions'), text, column) };
}
