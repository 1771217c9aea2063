/**
 * Breakpoint requests (source lines, functions, instructions, data) resolved to addresses and checked;
 * each answer says per breakpoint whether it is verified and, if not, why.
 */
import * as path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { DebugTarget } from '../emulator/debug/debug-target';
import { parseHitCondition, HitTest } from '../emulator/debug/breakpoint-rules';
import type { CodeBreakpoint, BreakpointKind } from './runtime/code-breakpoints';
import type { DataBreakpoint } from './runtime/executor';
import { formatMemoryRef } from './memory-ref';

/** How far below a line without code a source breakpoint may move (to the next line that has code). */
const MAX_LINE_SLIDE = 20;

export interface Resolved<T> {
  readonly runtime: T[];
  readonly breakpoints: DebugProtocol.Breakpoint[];
}

let nextId = 1;
export function newBreakpointId(): number {
  return nextId++;
}

function hitTest(text: string | undefined): HitTest | string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return parseHitCondition(text);
  } catch (e) {
    return (e as Error).message;
  }
}

/** Shared by all kinds: condition, hit condition, log message; or why it cannot be set. */
function options(o: { condition?: string; hitCondition?: string; logMessage?: string }): { hit?: HitTest; error?: string; condition?: string; logMessage?: string } {
  const hit = hitTest(o.hitCondition);
  if (typeof hit === 'string') return { error: hit };
  return {
    ...(hit !== undefined ? { hit } : {}),
    ...(o.condition !== undefined && o.condition.trim() !== '' ? { condition: o.condition } : {}),
    ...(o.logMessage !== undefined ? { logMessage: o.logMessage } : {}),
  };
}

function unverified(message: string, extra: Partial<DebugProtocol.Breakpoint> = {}): DebugProtocol.Breakpoint {
  return { id: newBreakpointId(), verified: false, message, ...extra };
}

function code(kind: BreakpointKind, pc: number, o: ReturnType<typeof options>): CodeBreakpoint {
  return { id: newBreakpointId(), pc: pc >>> 0, kind, ...(o.condition ? { condition: o.condition } : {}), ...(o.hit ? { hit: o.hit } : {}), ...(o.logMessage !== undefined ? { logMessage: o.logMessage } : {}) };
}

/** Whether the line tables know this file (by absolute path, or a relative DWARF path it ends with). */
export function knownSource(target: DebugTarget, file: string): boolean {
  const norm = path.normalize(file);
  return target.debugInfo.files().some((f) => {
    const g = path.normalize(f);
    return path.isAbsolute(g) ? g === norm : norm.endsWith(path.sep + g) || norm === g;
  });
}

/**
 * Where a line's breakpoint goes: as GDB places it, the lowest statement address of the line in each
 * function holding it (a `for` line has several statements; inlined copies live in other functions).
 */
function lineAddresses(target: DebugTarget, file: string, line: number): number[] {
  const byFunction = new Map<number, number>();
  for (const a of target.debugInfo.addressesOf(file, line)) {
    const fn = target.symbols.lookup(a)?.symbol.addr ?? -1;
    const best = byFunction.get(fn);
    if (best === undefined || a < best) byFunction.set(fn, a);
  }
  return [...byFunction.values()].sort((a, b) => a - b);
}

export function resolveSourceBreakpoints(target: DebugTarget, file: string, requested: DebugProtocol.SourceBreakpoint[]): Resolved<CodeBreakpoint> {
  if (!knownSource(target, file)) {
    // Not an error: a client sends every file's breakpoints, those of other programs too. Each one is
    // answered unverified, saying why, and stays so (VS Code shows it hollow with this message).
    const files = target.debugInfo.files();
    const why = `no line information for ${file}` +
      (target.debugInfo.empty ? ' (the program has no DWARF line tables: build it with -g)' : ` (the program's line tables name ${files.length} source files, not this one)`);
    return { runtime: [], breakpoints: requested.map((r) => unverified(why, { line: r.line })) };
  }
  const runtime: CodeBreakpoint[] = [];
  const breakpoints = requested.map((r): DebugProtocol.Breakpoint => {
    const o = options(r);
    if (o.error !== undefined) return unverified(o.error, { line: r.line });
    for (let line = r.line; line <= r.line + MAX_LINE_SLIDE; line++) {
      const addrs = lineAddresses(target, file, line);
      if (addrs.length === 0) continue;
      const bps = addrs.map((a) => code('source', a, o));
      const [first, ...rest] = bps;
      runtime.push(first, ...rest.map((b) => ({ ...b, id: first.id })));
      return { id: first.id, verified: true, line, instructionReference: formatMemoryRef(addrs[0]) };
    }
    return unverified(`no code at line ${r.line} or the ${MAX_LINE_SLIDE} lines after it`, { line: r.line });
  });
  return { runtime, breakpoints };
}

export function resolveFunctionBreakpoints(target: DebugTarget, requested: DebugProtocol.FunctionBreakpoint[]): Resolved<CodeBreakpoint> {
  const runtime: CodeBreakpoint[] = [];
  const breakpoints = requested.map((r): DebugProtocol.Breakpoint => {
    const o = options(r);
    if (o.error !== undefined) return unverified(o.error);
    const name = r.name.trim();
    let pc = target.symbols.address(name);
    if (pc === undefined) {
      // Also an address or any expression (`0x80000010`, `main+8`).
      try {
        if (/^(0x[0-9a-f]+|\d+)$/i.test(name) || /[+\-*]/.test(name)) pc = target.evaluate(name).value >>> 0;
      } catch {
        pc = undefined;
      }
    }
    if (pc === undefined) return unverified(`no function or symbol named "${name}"`);
    const bp = code('function', pc, o);
    runtime.push(bp);
    const loc = target.debugInfo.locate(pc);
    return { id: bp.id, verified: true, instructionReference: formatMemoryRef(pc), ...(loc ? { source: { path: loc.file, name: path.basename(loc.file) }, line: loc.line } : {}) };
  });
  return { runtime, breakpoints };
}

export function resolveInstructionBreakpoints(target: DebugTarget, requested: DebugProtocol.InstructionBreakpoint[]): Resolved<CodeBreakpoint> {
  const runtime: CodeBreakpoint[] = [];
  const breakpoints = requested.map((r): DebugProtocol.Breakpoint => {
    const o = options(r);
    if (o.error !== undefined) return unverified(o.error);
    const m = /^(0x[0-9a-f]+|\d+)$/i.exec(String(r.instructionReference ?? '').trim());
    if (!m) return unverified(`instructionReference "${r.instructionReference}" is not an address`);
    const pc = (Number(m[1]) + (r.offset ?? 0)) >>> 0;
    if (pc % 2 !== 0) return unverified(`0x${pc.toString(16)} is not a 2-byte aligned instruction address`);
    const bp = code('instruction', pc, o);
    runtime.push(bp);
    const readable = target.memory.read(pc, 2, 'virtual').bytes.length === 2;
    return { id: bp.id, verified: true, instructionReference: formatMemoryRef(pc), ...(readable ? {} : { message: 'nothing is mapped there now' }) };
  });
  return { runtime, breakpoints };
}

/** A data breakpoint id: `0x80001000/4` (virtual address, bytes). */
export function formatDataId(addr: number, size: number): string {
  return `${formatMemoryRef(addr)}/${size}`;
}

function parseDataId(id: string): { addr: number; size: number } | undefined {
  const m = /^(0x[0-9a-f]+)\/(\d+)$/i.exec(id);
  if (!m) return undefined;
  const size = Number(m[2]);
  return size >= 1 && size <= 4096 ? { addr: Number(m[1]) >>> 0, size } : undefined;
}

export function resolveDataBreakpoints(requested: DebugProtocol.DataBreakpoint[]): Resolved<DataBreakpoint> {
  const runtime: DataBreakpoint[] = [];
  const breakpoints = requested.map((r): DebugProtocol.Breakpoint => {
    const o = options(r);
    if (o.error !== undefined) return unverified(o.error);
    const d = typeof r.dataId === 'string' ? parseDataId(r.dataId) : undefined;
    if (d === undefined) return unverified(`dataId "${r.dataId}" is not one this adapter made (ADDRESS/SIZE)`);
    const access = r.accessType ?? 'write';
    if (!['read', 'write', 'readWrite'].includes(access)) return unverified(`accessType "${access}" is not read, write or readWrite`);
    const id = newBreakpointId();
    runtime.push({ id, addr: d.addr, size: d.size, access, hits: 0, ...(o.condition ? { condition: o.condition } : {}), ...(o.hit ? { hit: o.hit } : {}) });
    return { id, verified: true, message: `${access} of ${d.size} bytes at 0x${d.addr.toString(16)}` };
  });
  return { runtime, breakpoints };
}
