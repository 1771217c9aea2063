/**
 * Breakpoint requests: source lines, breakpoint locations, functions, instructions, exception filters,
 * data breakpoints. Resolution to addresses is in breakpoint-requests.ts; this is the protocol side.
 */
import * as path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { TRAP_KINDS } from '../../emulator/debug/trap-kinds';
import {
  formatDataId, resolveDataBreakpoints, resolveFunctionBreakpoints, resolveInstructionBreakpoints, resolveSourceBreakpoints,
} from '../breakpoint-requests';
import { RequestError, argsOf, needArray, needInt, needString, objects, optInt, optString } from '../request-error';
import { SessionContext, checkThread } from './context';

function sourceFile(command: string, a: Record<string, unknown>): string {
  const file = optString(command, argsOf(`${command}: source`, a.source), 'path');
  if (file === undefined) throw new RequestError(`${command}: source.path is missing (sources without a path have no line tables here)`);
  return path.resolve(file);
}

export function setBreakpoints(ctx: SessionContext, raw: unknown): DebugProtocol.SetBreakpointsResponse['body'] {
  const a = argsOf('setBreakpoints', raw);
  const file = sourceFile('setBreakpoints', a);
  const requested = objects('setBreakpoints', 'breakpoints', a.breakpoints === undefined ? [] : needArray('setBreakpoints', a, 'breakpoints'))
    .map((b, i) => ({ ...b, line: ctx.lineFromClient(needInt(`setBreakpoints: breakpoints[${i}]`, b, 'line', { min: 1 })) }) as DebugProtocol.SourceBreakpoint);
  const rt = ctx.rt('setBreakpoints');
  const r = resolveSourceBreakpoints(rt.target, file, requested);
  rt.exec.setCodeBreakpoints(`source:${file}`, r.runtime);
  return {
    breakpoints: r.breakpoints.map((b) => (b.line !== undefined ? { ...b, line: ctx.lineToClient(b.line), ...(b.verified ? { source: { path: file, name: path.basename(file) } } : {}) } : b)),
  };
}

export function breakpointLocations(ctx: SessionContext, raw: unknown): DebugProtocol.BreakpointLocationsResponse['body'] {
  const a = argsOf('breakpointLocations', raw);
  const file = sourceFile('breakpointLocations', a);
  const line = ctx.lineFromClient(needInt('breakpointLocations', a, 'line', { min: 1 }));
  const end = ctx.lineFromClient(optInt('breakpointLocations', a, 'endLine', ctx.lineToClient(line), { min: 1 }));
  const info = ctx.rt('breakpointLocations').target.debugInfo;
  const breakpoints: DebugProtocol.BreakpointLocation[] = [];
  for (let l = line; l <= Math.min(end, line + 10_000); l++) {
    if (info.addressesOf(file, l).length > 0) breakpoints.push({ line: ctx.lineToClient(l) });
  }
  return { breakpoints };
}

export function setFunctionBreakpoints(ctx: SessionContext, raw: unknown): DebugProtocol.SetFunctionBreakpointsResponse['body'] {
  const a = argsOf('setFunctionBreakpoints', raw);
  const requested = objects('setFunctionBreakpoints', 'breakpoints', needArray('setFunctionBreakpoints', a, 'breakpoints'));
  requested.forEach((b, i) => needString(`setFunctionBreakpoints: breakpoints[${i}]`, b, 'name'));
  const rt = ctx.rt('setFunctionBreakpoints');
  const r = resolveFunctionBreakpoints(rt.target, requested as unknown as DebugProtocol.FunctionBreakpoint[]);
  rt.exec.setCodeBreakpoints('function', r.runtime);
  return {
    breakpoints: r.breakpoints.map((b) => (b.source?.path !== undefined
      ? { ...b, source: { ...b.source, path: ctx.sourcePath(b.source.path) }, line: ctx.lineToClient(b.line!) } : b)),
  };
}

export function setInstructionBreakpoints(ctx: SessionContext, raw: unknown): DebugProtocol.SetInstructionBreakpointsResponse['body'] {
  const a = argsOf('setInstructionBreakpoints', raw);
  const requested = objects('setInstructionBreakpoints', 'breakpoints', needArray('setInstructionBreakpoints', a, 'breakpoints'));
  requested.forEach((b, i) => needString(`setInstructionBreakpoints: breakpoints[${i}]`, b, 'instructionReference'));
  const rt = ctx.rt('setInstructionBreakpoints');
  const r = resolveInstructionBreakpoints(rt.target, requested as unknown as DebugProtocol.InstructionBreakpoint[]);
  rt.exec.setCodeBreakpoints('instruction', r.runtime);
  return { breakpoints: r.breakpoints };
}

export function setExceptionBreakpoints(ctx: SessionContext, raw: unknown): DebugProtocol.SetExceptionBreakpointsResponse['body'] {
  const a = argsOf('setExceptionBreakpoints', raw);
  const ids = needArray('setExceptionBreakpoints', a, 'filters').map(String);
  const options = a.filterOptions === undefined ? [] : objects('setExceptionBreakpoints', 'filterOptions', needArray('setExceptionBreakpoints', a, 'filterOptions'));
  const all = [...ids, ...options.map((o, i) => needString(`setExceptionBreakpoints: filterOptions[${i}]`, o, 'filterId'))];
  for (const id of all) {
    if (!TRAP_KINDS.some((k) => k.id === id)) throw new RequestError(`setExceptionBreakpoints: unknown filter "${id}" (known: ${TRAP_KINDS.map((k) => k.id).join(', ')})`);
  }
  ctx.rt('setExceptionBreakpoints').exec.setExceptionFilters(all);
  return { breakpoints: all.map(() => ({ verified: true })) };
}

export function exceptionInfo(ctx: SessionContext, raw: unknown): DebugProtocol.ExceptionInfoResponse['body'] {
  checkThread('exceptionInfo', argsOf('exceptionInfo', raw));
  const trap = ctx.rt('exceptionInfo').lastStop?.trap;
  if (trap === undefined) throw new RequestError('exceptionInfo: the hart did not stop at an exception');
  return {
    exceptionId: trap.filterId, description: trap.message, breakMode: 'always',
    details: {
      message: trap.message, typeName: trap.name,
      fullTypeName: `${trap.interrupt ? 'interrupt' : 'exception'} ${trap.cause} (${trap.name}), tval 0x${trap.tval.toString(16)}, epc 0x${trap.epc.toString(16)}, ${trap.privilege}-mode`,
    },
  };
}

export function dataBreakpointInfo(ctx: SessionContext, raw: unknown): DebugProtocol.DataBreakpointInfoResponse['body'] {
  const a = argsOf('dataBreakpointInfo', raw);
  const name = needString('dataBreakpointInfo', a, 'name');
  const t = ctx.rt('dataBreakpointInfo').target;
  if (a.variablesReference !== undefined && a.variablesReference !== 0) {
    return { dataId: null, description: `${name} is a register: data breakpoints watch memory (use an address)` };
  }
  let addr: number;
  let size = optInt('dataBreakpointInfo', a, 'bytes', 0, { min: 1, max: 4096 });
  try {
    const v = t.evaluate(name);
    if (a.asAddress === true || v.place?.kind !== 'memory') {
      addr = v.value >>> 0;
      // A symbol names an object: watch all of it (up to a page), else one word.
      if (size === 0) size = a.asAddress === true ? 4 : Math.min(Math.max(t.symbols.get(name)?.size ?? 4, 1), 4096);
    } else {
      addr = v.place.addr;
      if (size === 0) size = v.place.size;
    }
  } catch (e) {
    return { dataId: null, description: `cannot watch "${name}": ${(e as Error).message}` };
  }
  if (t.memory.read(addr, 1, 'virtual').bytes.length === 0) {
    return { dataId: null, description: `0x${addr.toString(16)} is not readable memory now` };
  }
  return {
    dataId: formatDataId(addr, size), description: `${size} byte${size > 1 ? 's' : ''} at 0x${addr.toString(16)}`,
    accessTypes: ['write', 'read', 'readWrite'], canPersist: true,
  };
}

export function setDataBreakpoints(ctx: SessionContext, raw: unknown): DebugProtocol.SetDataBreakpointsResponse['body'] {
  const a = argsOf('setDataBreakpoints', raw);
  const requested = objects('setDataBreakpoints', 'breakpoints', needArray('setDataBreakpoints', a, 'breakpoints'));
  const r = resolveDataBreakpoints(requested as unknown as DebugProtocol.DataBreakpoint[]);
  ctx.rt('setDataBreakpoints').exec.setDataBreakpoints(r.runtime);
  return { breakpoints: r.breakpoints };
}
