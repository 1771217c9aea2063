/**
 * The launch configuration: every attribute declared once (type, description, default), from which
 * come package.json's `configurationAttributes` (contributions.ts), the runtime check of a launch
 * request, and its TypeScript type.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { arrayOf, bool, either, Infer, num, object, oneOf, optional, SchemaError, str } from './schema';
import { isAssemblySource } from '../emulator/asm/program';

export const LAUNCH_ATTRIBUTES = object({
  program: either(
    str('The guest to run: an RV32 ELF executable (symbols and DWARF line tables are read from it), a raw image / RISC-V Linux Image loaded at the start of RAM, or an assembly source (.S, .s, .asm) that is assembled at launch by the built-in assembler.'),
    arrayOf(str('An assembly source (.S, .s, .asm).'), 'Assembly sources assembled and linked together at launch, in this order (.text starts at 0x80000000; the entry point is _start, else the first instruction).'),
    'The guest to run: an ELF executable, a raw image or Linux Image, an assembly source, or a list of assembly sources (assembled at launch: no toolchain needed; errors go to the Problems view).',
    'a file name, or a list of assembly source file names'),
  bios: optional(str('Firmware: "none" (the guest starts in M-mode at its entry, as QEMU -bios none), "builtin" (the built-in SBI firmware; the guest starts in S-mode) or the path of a firmware file (ELF or raw).'), 'none'),
  dtb: optional(str('A device tree blob to use instead of the generated one (its /chosen/bootargs is set from "bootargs").')),
  bootargs: optional(str('Kernel command line: /chosen/bootargs in the device tree, and the tail of semihosting SYS_GET_CMDLINE.')),
  ram: optional(either(
    num('RAM size in bytes.', { integer: true, minimum: 2 * 1024 * 1024, maximum: 2 ** 31 }),
    str('RAM size with a unit, e.g. "128M", "64MiB", "1G".'),
    'RAM size: a number of bytes or a size such as "128M" (2 MiB to 2 GiB, a multiple of 4 KiB).', 'a number of bytes or a size such as "128M"'), '128M'),
  engine: optional(oneOf(['jit', 'interp'] as const, 'Execution engine: "jit" compiles hot blocks to JavaScript; "interp" runs every block with the micro-op interpreter.'), 'jit'),
  semihosting: optional(bool('Enable RISC-V semihosting (console, files relative to "cwd", exit status).'), false),
  stopOnEntry: optional(bool('Stop at the program\'s entry point (after the reset code and any firmware) instead of running.'), false),
  cwd: optional(str('Directory that relative paths in this configuration, relative source paths in the DWARF and semihosting file names are relative to (default: the directory the adapter runs in; the initial configurations set ${workspaceFolder}).')),
  symbols: optional(arrayOf(str('An ELF file.'), 'Extra ELF files whose symbols and line tables describe code in the guest (a firmware\'s ELF, a kernel\'s vmlinux).'), []),
}, 'Run an RV32IMAC guest on the Translucent virt board under the debugger.');

export type LaunchAttributes = Infer<typeof LAUNCH_ATTRIBUTES>;

export type BiosChoice = 'none' | 'builtin' | { readonly file: string };

/** What `program` names: an image file to load, or assembly sources to assemble at launch. */
export type ProgramPlan =
  | { readonly kind: 'image'; readonly file: string }
  | { readonly kind: 'assembly'; readonly files: readonly string[] };

/** A checked launch configuration: absolute paths to readable files, sizes in bytes. */
export interface LaunchPlan {
  readonly program: ProgramPlan;
  readonly bios: BiosChoice;
  readonly dtb?: string;
  readonly bootargs?: string;
  readonly ramSize?: number;
  readonly engine: 'jit' | 'interp';
  readonly semihosting: boolean;
  readonly stopOnEntry: boolean;
  readonly cwd: string;
  readonly symbols: readonly string[];
}

/** `128M`, `64MiB`, `1G`, `2097152`: bytes, or an error naming the attribute. */
export function parseRamSize(text: string | number, attr = 'ram'): number {
  let bytes: number;
  if (typeof text === 'number') {
    bytes = text;
  } else {
    const m = /^(\d+)\s*([kmg]?)(i?b)?$/i.exec(text.trim());
    if (!m) throw new SchemaError(`${attr}: cannot read size "${text}" (examples: 128M, 64MiB, 1G)`);
    const mult = { '': 1, k: 1 << 10, m: 1 << 20, g: 1 << 30 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
    bytes = Number(m[1]) * mult;
  }
  if (bytes < 2 << 20 || bytes > 2 ** 31 || bytes % 4096 !== 0) {
    throw new SchemaError(`${attr}: ${text} is not a RAM size this board supports (a multiple of 4 KiB from 2 MiB to 2 GiB)`);
  }
  return bytes;
}

/** An absolute path to a readable regular file, or an error naming the attribute and the problem. */
function readableFile(file: string, cwd: string, attr: string): string {
  const abs = path.resolve(cwd, file);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SchemaError(`${attr}: ${abs}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code})`}`);
  }
  if (st.isDirectory()) throw new SchemaError(`${attr}: ${abs} is a directory, not a file`);
  try {
    fs.accessSync(abs, fs.constants.R_OK);
  } catch {
    throw new SchemaError(`${attr}: ${abs}: permission denied`);
  }
  return abs;
}

function programPlan(program: string | string[], cwd: string): ProgramPlan {
  if (typeof program === 'string') {
    const file = readableFile(program, cwd, 'program');
    return isAssemblySource(file) ? { kind: 'assembly', files: [file] } : { kind: 'image', file };
  }
  if (program.length === 0) throw new SchemaError('program: the list of assembly sources is empty');
  const files = program.map((f, i) => {
    if (!isAssemblySource(f)) {
      throw new SchemaError(`program[${i}]: ${f} is not an assembly source (.S, .s, .asm); a list names sources to assemble together, an image is given alone`);
    }
    return readableFile(f, cwd, `program[${i}]`);
  });
  const seen = files.findIndex((f, i) => files.indexOf(f) !== i);
  if (seen >= 0) throw new SchemaError(`program[${seen}]: ${files[seen]} is listed twice`);
  return { kind: 'assembly', files };
}

/** Checks a launch request's arguments; throws SchemaError naming the first bad attribute. */
export function resolveLaunch(raw: unknown, defaultCwd = process.cwd()): LaunchPlan {
  const a = LAUNCH_ATTRIBUTES.parse(raw ?? {}, 'launch');
  const cwd = path.resolve(defaultCwd, a.cwd ?? '.');
  if (a.cwd !== undefined && !(fs.existsSync(cwd) && fs.statSync(cwd).isDirectory())) {
    throw new SchemaError(`cwd: ${cwd} is not a directory`);
  }
  const bios: BiosChoice = a.bios === undefined || a.bios === 'none' || a.bios === 'builtin' ? a.bios ?? 'none' : { file: readableFile(a.bios, cwd, 'bios') };
  return {
    program: programPlan(a.program, cwd),
    bios,
    ...(a.dtb !== undefined ? { dtb: readableFile(a.dtb, cwd, 'dtb') } : {}),
    ...(a.bootargs !== undefined ? { bootargs: a.bootargs } : {}),
    ...(a.ram !== undefined ? { ramSize: parseRamSize(a.ram) } : {}),
    engine: a.engine ?? 'jit',
    semihosting: a.semihosting ?? false,
    stopOnEntry: a.stopOnEntry ?? false,
    cwd,
    symbols: (a.symbols ?? []).map((s, i) => readableFile(s, cwd, `symbols[${i}]`)),
  };
}
