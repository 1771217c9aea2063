/**
 * `translucent run|help`: the command-line front end. Guest console on stdout, keystrokes on stdin to
 * the UART, exit status from the guest (test finisher, HTIF or semihosting exit).
 */
import { parseArgs, ParseArgsConfig } from 'node:util';
import * as fs from 'node:fs';
import { GuestSystem } from './system';
import { parseBios, type GuestInput } from './machine/boot-plan';
import { assembleFiles, errorSummary, isAssemblySource } from './asm/program';
import { formatDiagnostic } from './asm/diagnostics';
import { StopReason } from './tb/engine';
import { formatTrace, TRACE_KINDS, TraceKind } from './trace';
import { formatCounters } from './tb/counters';

/** Exit status when --max-insns stops a guest that had not finished (as `timeout` does). */
export const EXIT_BUDGET = 124;

interface OptionDoc { readonly arg?: string; readonly help: string }

/** Every `run` option, declared once: the parser config and --help both derive from it. */
const RUN_OPTIONS = {
  engine: { type: 'string', doc: { arg: 'jit|interp', help: 'execution engine: generated JavaScript (default) or the micro-op interpreter' } },
  bios: { type: 'string', doc: { arg: 'none|builtin|FILE', help: 'M-mode firmware: none (GUEST runs in M-mode), builtin (our SBI; GUEST in S-mode) or an image run before GUEST; default: builtin for an S-mode Linux Image, else none' } },
  semihosting: { type: 'boolean', doc: { help: 'enable RISC-V semihosting (console, files, exit) for the guest' } },
  clock: { type: 'string', doc: { arg: 'icount|host', help: 'machine time from retired instructions (default: runs repeat exactly) or from the host clock' } },
  ram: { type: 'string', doc: { arg: 'SIZE', help: 'RAM size, e.g. 128M (default), 64MiB, 1G' } },
  append: { type: 'string', doc: { arg: 'CMDLINE', help: 'kernel command line (device tree /chosen/bootargs)' } },
  dtb: { type: 'string', doc: { arg: 'FILE', help: 'device tree blob to pass instead of the generated one (--append still sets its bootargs)' } },
  symbols: { type: 'string', multiple: true, doc: { arg: 'ELF', help: 'also name addresses with the symbols of ELF (repeatable), e.g. the vmlinux of a raw Image' } },
  'max-insns': { type: 'string', doc: { arg: 'N', help: `stop after about N guest instructions (exit status ${EXIT_BUDGET})` } },
  trace: { type: 'string', doc: { arg: 'KINDS[:FILE]', help: `log each translation: comma-separated ${TRACE_KINDS.join(',')} (QEMU -d style; out_asm is the generated JavaScript), to stderr or FILE` } },
  stats: { type: 'boolean', doc: { help: 'print translation statistics at exit (like QEMU\'s "info jit")' } },
  help: { type: 'boolean', short: 'h', doc: { help: 'show this help' } },
} as const satisfies Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean; doc: OptionDoc }>;

function usage(): string {
  const rows = Object.entries(RUN_OPTIONS).map(([name, o]) => {
    const d: OptionDoc = o.doc;
    return [`  --${name}${d.arg ? ' ' + d.arg : ''}`, d.help];
  });
  const w = Math.max(...rows.map(([a]) => a.length));
  return [
    'Usage: translucent run [options] GUEST',
    '       translucent run [options] FILE.S...',
    '',
    'Boots GUEST (an RV32 ELF executable, Linux Image or raw image) on the `virt` board. The guest console',
    '(UART, semihosting) is on stdout and stdin; the exit status is the guest\'s own.',
    'Assembly sources (.S, .s, .asm) are assembled in memory, as `translucent asm` would, and booted; their',
    'errors are printed as file:line:col and the status is 1.',
    '',
    'Options:',
    ...rows.map(([a, h]) => `${a.padEnd(w)}  ${h}`),
    '',
    'Commands:',
    '  run [options] GUEST        boot a guest (this help)',
    '  asm FILE.S... -o OUT.elf   assemble RISC-V assembly into an ELF for the virt board (asm --help)',
    '  dap                        the debug adapter (Debug Adapter Protocol on stdin/stdout), for any DAP client',
    '  lsp --stdio                the RISC-V assembly language server, for any LSP editor',
    '  help                       this help',
  ].join('\n');
}

class UsageError extends Error {}
/** The guest could not be loaded (missing, malformed, wrong architecture): exit status 1. */
class GuestError extends Error {}

export function parseSize(text: string): number {
  const m = /^(\d+)\s*([kmg]?)(i?b)?$/i.exec(text.trim());
  if (!m) throw new UsageError(`--ram: cannot read size "${text}" (examples: 128M, 64MiB, 1G)`);
  const mult = { '': 1, k: 1 << 10, m: 1 << 20, g: 1 << 30 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  const bytes = Number(m[1]) * mult * (m[2] === '' && !m[3] ? 1 << 20 : 1);
  if (bytes < 1 << 20 || bytes > 2 ** 31) throw new UsageError(`--ram: ${text} is out of range (1 MiB to 2 GiB)`);
  return bytes;
}

function parseTrace(spec: string): { kinds: Set<TraceKind>; file?: string } {
  const colon = spec.indexOf(':');
  const list = colon < 0 ? spec : spec.slice(0, colon);
  const kinds = new Set<TraceKind>();
  for (const k of list.split(',')) {
    if (!(TRACE_KINDS as readonly string[]).includes(k)) {
      throw new UsageError(`--trace: unknown kind "${k}" (expected ${TRACE_KINDS.join(', ')})`);
    }
    kinds.add(k as TraceKind);
  }
  return { kinds, file: colon < 0 ? undefined : spec.slice(colon + 1) };
}

async function run(argv: string[]): Promise<number> {
  const config: ParseArgsConfig = {
    args: argv,
    allowPositionals: true,
    strict: true,
    options: Object.fromEntries(Object.entries(RUN_OPTIONS).map(([k, o]) => [k, {
      type: o.type, ...('short' in o ? { short: o.short } : {}), ...('multiple' in o ? { multiple: o.multiple } : {}),
    }])),
  };
  let parsed;
  try {
    parsed = parseArgs(config);
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
  const v = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (v.help) {
    process.stdout.write(usage() + '\n');
    return 0;
  }
  const engine = (v.engine as string | undefined) ?? 'jit';
  if (engine !== 'jit' && engine !== 'interp') throw new UsageError(`--engine: "${engine}" is not jit or interp`);
  let maxInsns = Infinity;
  if (v['max-insns'] !== undefined) {
    maxInsns = Number(v['max-insns']);
    if (!Number.isSafeInteger(maxInsns) || maxInsns <= 0) throw new UsageError(`--max-insns: "${v['max-insns']}" is not a positive integer`);
  }
  const trace = v.trace !== undefined ? parseTrace(v.trace as string) : undefined;
  const ramSize = v.ram !== undefined ? parseSize(v.ram as string) : undefined;
  const clock = (v.clock as string | undefined) ?? 'icount';
  if (clock !== 'icount' && clock !== 'host') throw new UsageError(`--clock: "${clock}" is not icount or host`);
  const guest = guestOf(parsed.positionals);
  if (typeof guest === 'number') return guest;
  const traceFd = trace?.file ? fs.openSync(trace.file, 'w') : 2;

  const stdout = process.stdout;
  let sys: GuestSystem | undefined;
  try {
    sys = new GuestSystem({
    guest,
    engine,
    bios: v.bios !== undefined ? parseBios(v.bios as string) : undefined,
    dtb: v.dtb as string | undefined,
    symbolFiles: v.symbols as string[] | undefined,
    ramSize,
    bootargs: v.append as string | undefined,
    semihosting: v.semihosting === true,
    clock,
    cwd: process.cwd(),
    write: (bytes) => writeAll(stdout.fd, bytes),
    onTranslate: trace ? (tb) => fs.writeSync(traceFd, formatTrace(tb, trace.kinds, (a) => sys?.symbolize(a))) : undefined,
    });
  } catch (e) {
    throw new GuestError((e as Error).message.split('\n')[0]);
  }
  const system = sys;

  const input = attachInput(system);
  try {
    const slice = 4_000_000;
    let left = maxInsns;
    const start = system.machine.hart.icount;
    for (;;) {
      const r = system.run(Math.min(slice, left));
      left = maxInsns - (system.machine.hart.icount - start);
      if (r.reason === StopReason.Stopped) return finish(system, v.stats === true, r.exitCode ?? 0);
      if (r.reason === StopReason.Idle) {
        if (!input.open()) {
          process.stderr.write('translucent: the guest waits for an interrupt (wfi) that nothing can deliver; stopping\n');
          return finish(system, v.stats === true, 1);
        }
        await input.wait();
      } else if (left <= 0) {
        process.stderr.write(`translucent: stopped after ${system.machine.hart.icount - start} instructions (--max-insns)\n`);
        return finish(system, v.stats === true, EXIT_BUDGET);
      } else {
        // Let stdin and signals in between slices.
        await new Promise((res) => setImmediate(res));
      }
    }
  } finally {
    input.close();
    if (traceFd !== 2) fs.closeSync(traceFd);
  }
}

/** The positionals as a guest: one image file, or assembly sources assembled here (status 1 on errors). */
function guestOf(files: readonly string[]): GuestInput | number {
  const asm = files.filter(isAssemblySource);
  if (asm.length === 0) {
    if (files.length !== 1) throw new UsageError('run: expected exactly one GUEST file, or assembly sources (see --help)');
    return files[0];
  }
  if (asm.length !== files.length) {
    throw new UsageError(`run: ${files.find((f) => !isAssemblySource(f))} is not an assembly source; give one GUEST file or only .S/.s files`);
  }
  const result = assembleFiles(files);
  for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (result.elf === undefined) {
    process.stderr.write(`translucent: ${files.join(' ')}: ${errorSummary(result.diagnostics, 'assembly error')}; nothing to run\n`);
    return 1;
  }
  return { path: files[0], bytes: result.elf };
}

function finish(sys: GuestSystem, stats: boolean, code: number): number {
  if (stats) {
    const h = sys.machine.hart;
    process.stderr.write(formatCounters(sys.engine.stats, {
      engine: sys.engine.kind,
      'guest instructions': h.icount,
      'blocks in cache': sys.engine.cache.size,
    }) + '\n');
  }
  return code;
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) {
    try {
      off += fs.writeSync(fd, bytes, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    }
  }
}

/** stdin to the guest UART. A terminal is put in raw mode; Ctrl-A x quits, as in QEMU. */
function attachInput(sys: GuestSystem): { open(): boolean; wait(): Promise<void>; close(): void } {
  const stdin = process.stdin;
  let open = !stdin.readableEnded;
  let wake: (() => void) | null = null;
  let ctrlA = false;
  if (stdin.isTTY) stdin.setRawMode(true);
  const onData = (chunk: Buffer) => {
    for (const byte of chunk) {
      if (stdin.isTTY && ctrlA && byte === 0x78) {
        process.stderr.write('\ntranslucent: terminated\n');
        process.exit(0);
      }
      ctrlA = byte === 0x01;
    }
    sys.machine.sendInput(new Uint8Array(chunk));
    wake?.();
  };
  const onEnd = () => {
    open = false;
    wake?.();
  };
  stdin.on('data', onData);
  stdin.on('end', onEnd);
  stdin.on('error', onEnd);
  return {
    open: () => open,
    wait: () => new Promise<void>((res) => { wake = () => { wake = null; res(); }; }),
    close: () => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      stdin.unref?.();
    },
  };
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'run': return await run(rest);
      // Loaded on demand: `run` should not pay for the assembler or the language server.
      case 'asm': return await (require('./asm/cli') as typeof import('./asm/cli')).asmMain(rest);
      case 'lsp': return await (require('../language-server/main') as typeof import('../language-server/main')).lspMain(rest);
      case 'dap': return await (require('../debug-adapter/main') as typeof import('../debug-adapter/main')).dapMain(rest);
      case undefined: case 'help': case '--help': case '-h':
        process.stdout.write(usage() + '\n');
        return cmd === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${cmd}" (try: translucent run --help)`);
    }
  } catch (e) {
    // Bad input is reported in one line; anything else is an emulator bug, reported as such.
    const err = e as Error;
    if (err instanceof UsageError || err instanceof GuestError) {
      process.stderr.write(`translucent: ${err.message}\n`);
      return err instanceof UsageError ? 2 : 1;
    }
    process.stderr.write(`translucent: internal error: ${err.message} (set TRANSLUCENT_DEBUG=1 for details)\n`);
    if (process.env.TRANSLUCENT_DEBUG) process.stderr.write(String(err.stack) + '\n');
    return 70;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
