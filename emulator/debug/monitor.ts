/**
 * The monitor: QEMU-style commands typed in the debug console (or a CLI), answered as text. Commands
 * are a table: name, usage, help, and what they do over a MonitorHost.
 */
import type { TraceKind } from '../trace';
import { TRACE_KINDS } from '../trace';
import { regName } from '../isa/registers';
import type { DebugTarget } from './debug-target';
import { INFO_COMMANDS } from './monitor-info';
import { examine, parseExamineSpec } from './examine';
import { ExprError, formatValue } from './expr';
import { normalise } from './c-types';
import { objdumpSymbolizer } from './objdump-symbols';

export interface MonitorHost {
  readonly target: DebugTarget;
  /** System reset (the host decides what follows: the debug adapter stops at the entry again). */
  reset(): void;
  /** Translation logging (QEMU `-d` kinds) for blocks translated from now on. */
  logKinds: ReadonlySet<TraceKind>;
}

interface Command {
  readonly usage: string;
  readonly help: string;
  readonly run: (host: MonitorHost, args: string) => string;
  readonly complete?: (host: MonitorHost, args: string) => string[];
}

/** A usage error in a monitor command: reported as the command's answer. */
export class MonitorError extends Error {}

function addressArg(host: MonitorHost, text: string, what: string): number {
  if (text.trim() === '') throw new MonitorError(`${what}: missing address`);
  try {
    return host.target.evaluate(text).value >>> 0;
  } catch (e) {
    throw new MonitorError(`${what}: ${(e as Error).message}`);
  }
}

function examineCommand(space: 'virtual' | 'physical') {
  return (host: MonitorHost, args: string): string => {
    const m = /^(\/\S*)?\s*(.*)$/.exec(args.trim())!;
    let spec;
    try {
      spec = parseExamineSpec(m[1] ?? '/');
    } catch (e) {
      throw new MonitorError((e as Error).message);
    }
    const addr = addressArg(host, m[2], space === 'virtual' ? 'x' : 'xp');
    const t = host.target;
    return examine(t.memory, addr, spec, space, objdumpSymbolizer(t.symbols));
  };
}

const PRINT_FORMATS: Readonly<Record<string, (v: number) => string>> = {
  x: (v) => '0x' + (v >>> 0).toString(16),
  d: (v) => String(v | 0),
  u: (v) => String(v >>> 0),
  o: (v) => '0' + (v >>> 0).toString(8),
  t: (v) => (v >>> 0).toString(2),
  c: (v) => JSON.stringify(String.fromCharCode(v & 0xff)),
};

function print(host: MonitorHost, args: string): string {
  const m = /^(?:\/([a-z]))?\s*(.*)$/.exec(args.trim())!;
  if (m[2] === '') throw new MonitorError('p: missing expression');
  const fmt = m[1];
  if (fmt !== undefined && PRINT_FORMATS[fmt] === undefined) throw new MonitorError(`p: unknown format '${fmt}' (x d u o t c)`);
  try {
    const v = host.target.evaluate(m[2]);
    return fmt !== undefined ? PRINT_FORMATS[fmt](normalise(v.value, v.type)) : formatValue(v, (a) => host.target.symbolize(a));
  } catch (e) {
    if (e instanceof ExprError) throw new MonitorError(`p: ${e.message}`);
    throw e;
  }
}

/** QEMU's `sum`: the BSD checksum of physical memory, as a 16-bit number. */
function sum(host: MonitorHost, args: string): string {
  const parts = args.trim().split(/\s+/);
  if (parts.length !== 2 || parts[0] === '') throw new MonitorError('sum: usage: sum ADDR SIZE');
  const addr = addressArg(host, parts[0], 'sum');
  const size = addressArg(host, parts[1], 'sum');
  const r = host.target.memory.read(addr, size, 'physical');
  if (r.bytes.length < size) throw new MonitorError(`sum: cannot read physical memory at 0x${((addr + r.bytes.length) >>> 0).toString(16)}`);
  let s = 0;
  for (const b of r.bytes) s = ((((s >>> 1) | (s << 15)) & 0xffff) + b) & 0xffff;
  return String(s).padStart(5, '0');
}

function log(host: MonitorHost, args: string): string {
  const text = args.trim();
  if (text === '') return `logging: ${[...host.logKinds].join(',') || 'none'} (kinds: ${TRACE_KINDS.join(', ')})`;
  if (text === 'none') {
    host.logKinds = new Set();
    return 'logging off';
  }
  const kinds = new Set<TraceKind>();
  for (const k of text.split(',')) {
    if (!(TRACE_KINDS as readonly string[]).includes(k)) throw new MonitorError(`log: unknown item "${k}" (${TRACE_KINDS.join(', ')}, none)`);
    kinds.add(k as TraceKind);
  }
  host.logKinds = kinds;
  return `logging ${[...kinds].join(',')} for each block translated from now on`;
}

function info(host: MonitorHost, args: string): string {
  const what = args.trim();
  const cmd = INFO_COMMANDS[what];
  if (cmd === undefined) {
    const list = Object.entries(INFO_COMMANDS).map(([n, c]) => `info ${n.padEnd(10)} -- ${c.help}`).join('\n');
    if (what === '') return list;
    throw new MonitorError(`info: unknown item "${what}"; one of:\n${list}`);
  }
  return cmd.run(host.target);
}

function help(_host: MonitorHost, args: string): string {
  const name = args.trim();
  if (name !== '') {
    const c = COMMANDS[name];
    if (c === undefined) throw new MonitorError(`help: no command "${name}"`);
    return `${c.usage} -- ${c.help}`;
  }
  const w = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  return [...Object.values(COMMANDS).map((c) => `${c.usage.padEnd(w)} -- ${c.help}`),
    '', 'Anything else is evaluated as an expression: registers (a0, x10, $pc, $mstatus), symbols, *(uint32_t *)addr, a0 = 5 ...'].join('\n');
}

const COMMANDS: Readonly<Record<string, Command>> = {
  help: { usage: 'help [cmd]', help: 'list the monitor commands', run: help, complete: () => Object.keys(COMMANDS) },
  info: { usage: 'info ITEM', help: `show machine state: ${Object.keys(INFO_COMMANDS).join(', ')}`, run: info, complete: () => Object.keys(INFO_COMMANDS) },
  x: { usage: 'x /Nfu ADDR', help: 'examine virtual memory (f: x d u o c i s; u: b h w)', run: examineCommand('virtual') },
  xp: { usage: 'xp /Nfu ADDR', help: 'examine physical memory', run: examineCommand('physical') },
  p: { usage: 'p[/f] EXPR', help: 'print an expression (f: x d u o t c)', run: print },
  print: { usage: 'print[/f] EXPR', help: 'same as p', run: print },
  sum: { usage: 'sum ADDR SIZE', help: 'BSD checksum of physical memory (QEMU\'s sum)', run: sum },
  system_reset: {
    usage: 'system_reset', help: 'reset the system (devices, hart, images reloaded)',
    run: (host) => { host.reset(); return 'system reset'; },
  },
  log: { usage: `log ITEMS|none`, help: `log translations (${TRACE_KINDS.join(',')}) to the debug console`, run: log, complete: () => [...TRACE_KINDS, 'none'] },
};

/** Whether a console line is a monitor command (its first word names one). */
export function isMonitorCommand(line: string): boolean {
  const m = /^\s*([a-z_]+)(?=\/|\s|$)/.exec(line);
  return m !== null && COMMANDS[m[1]] !== undefined;
}

/** Runs a monitor command line; usage errors come back as MonitorError. */
export function runMonitor(host: MonitorHost, line: string): string {
  const m = /^\s*([a-z_]+)(.*)$/s.exec(line);
  const cmd = m === null ? undefined : COMMANDS[m[1]];
  if (m === null || cmd === undefined) throw new MonitorError(`unknown command "${line.trim()}" (try help)`);
  return cmd.run(host, m[2]);
}

/**
 * Completions for the word before `cursor`: command names first, then the command's own arguments,
 * registers and symbols. Returns the candidates and where the completed word starts.
 */
export function completeMonitor(host: MonitorHost, line: string, cursor: number): { start: number; items: string[] } {
  const before = line.slice(0, cursor);
  const word = /[A-Za-z0-9_.$]*$/.exec(before)![0];
  const start = cursor - word.length;
  const head = before.slice(0, start);
  let pool: string[];
  if (head.trim() === '') {
    pool = [...Object.keys(COMMANDS), ...registerNames(), ...host.target.symbols.all.map((s) => s.name)];
  } else {
    const cmd = COMMANDS[head.trim().split(/[\s/]/)[0]];
    const own = cmd?.complete?.(host, head) ?? [];
    pool = own.length > 0 && head.trim().split(/\s+/).length === 1 ? own : [...registerNames(), ...host.target.symbols.all.map((s) => s.name)];
  }
  const items = [...new Set(pool.filter((p) => p.startsWith(word)))].sort().slice(0, 200);
  return { start, items };
}

function registerNames(): string[] {
  return ['pc', ...Array.from({ length: 32 }, (_, i) => regName(i)), ...Array.from({ length: 32 }, (_, i) => `x${i}`)];
}
