/**
 * Both RV32 Linux kernels boot to their /init and power off, on both engines, as child processes of
 * `translucent run`: the NOMMU kernel in M-mode (--bios none), the MMU kernel in S-mode on the built-in
 * SBI firmware and on the shared minisbi.bin. The console must match QEMU's boot log line for line,
 * timestamps aside, less the differences listed (each with its reason).
 *
 * A panic, oops, hang or wrong instruction fails the test with the last 30 console lines: hangs are
 * caught by an instruction budget (exit status 124), not by the test timeout.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI, runProgram, type RunResult } from '../helpers/guests';
import {
  BOOT_BUDGET, LINUX_OUT, MIN_DTB, MINISBI, MMU, NOMMU, needLinuxFiles, lastLines, plainLine, troubleLine,
} from './linux-images';

/** Lines that differ from QEMU's log for a known reason: removed from QEMU's side and/or ours. */
interface Difference {
  readonly qemu?: RegExp;
  readonly ours?: RegExp;
  readonly why: string;
}

const HART: readonly Difference[] = [
  { qemu: /^riscv: (base ISA extensions|ELF capabilities) /, ours: /^riscv: (base ISA extensions|ELF capabilities) acim$/, why: 'QEMU\'s default CPU also has F, D and H; ours is RV32IMAC' },
  { qemu: /^riscv-timer: Timer interrupt in S-mode is available via sstc extension$/, why: 'QEMU\'s default CPU has Sstc; without it the kernel uses SBI set_timer' },
  { qemu: /^Memory: \d+K\/\d+K available/, ours: /^Memory: \d+K\/\d+K available/, why: 'the reserved total includes the device tree, and QEMU\'s describes devices we do not model' },
  { qemu: /^nanosleep\(20ms\) ret=0 elapsed_us=\d+$/, ours: /^nanosleep\(20ms\) ret=0 elapsed_us=\d+$/, why: 'QEMU\'s time is the host\'s; ours is instruction-counted' },
];

const BUILTIN_SBI: readonly Difference[] = [
  { qemu: /^minisbi: /, why: 'minisbi prints a banner and a reset note; the built-in firmware is silent' },
  { qemu: /^SBI implementation ID=0x4d53 Version=0x1$/, ours: /^SBI implementation ID=0x544c Version=0x10000$/, why: 'a different SBI implementation' },
  { ours: /^SBI (IPI|RFENCE) extension detected$/, why: 'minisbi lacks IPI and RFENCE' },
];

interface Boot {
  readonly name: string;
  readonly args: readonly string[];
  readonly files: readonly string[];
  /** QEMU's log of the same boot (in LINUX_OUT), and how ours may differ from it. */
  readonly qemuLog?: string;
  readonly differences?: readonly Difference[];
  /** Lines our console must have (after the timestamp). */
  readonly mustHave?: readonly string[];
}

const BOOTS: readonly Boot[] = [
  ...(['jit', 'interp'] as const).flatMap((engine): Boot[] => [
    {
      name: `NOMMU kernel, M-mode, --bios none, ${engine}`,
      args: ['--engine', engine, '--bios', 'none', NOMMU], files: [NOMMU],
      qemuLog: 'boot-nommu.log', differences: HART,
    },
    {
      name: `MMU kernel, S-mode on the built-in SBI firmware, ${engine}`,
      args: ['--engine', engine, MMU], files: [MMU],
      qemuLog: 'boot-mmu-minisbi.log', differences: [...HART, ...BUILTIN_SBI],
      mustHave: ['SBI specification v1.0 detected', 'SBI TIME extension detected', 'SBI SRST extension detected'],
    },
  ]),
  {
    name: 'MMU kernel on minisbi.bin (--bios FILE), jit',
    args: ['--bios', MINISBI, MMU], files: [MINISBI, MMU],
    qemuLog: 'boot-mmu-minisbi.log', differences: HART,
  },
  {
    name: 'MMU kernel with --dtb rv32-virt-min.dtb and the uart8250 earlycon, jit',
    args: ['--dtb', MIN_DTB, '--append', 'earlycon=uart8250,mmio,0x10000000 console=ttyS0', MMU], files: [MIN_DTB, MMU],
    mustHave: [
      'earlycon: uart8250 at MMIO 0x10000000 (options \'\')',
      'Kernel command line: earlycon=uart8250,mmio,0x10000000 console=ttyS0',
      'riscv: base ISA extensions acim',
    ],
  },
];

/** Runs at most `n` boots at a time (each is one busy process). */
function limiter(n: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: (() => void)[] = [];
  return async (job) => {
    if (running >= n) await new Promise<void>((res) => queue.push(res));
    running++;
    try {
      return await job();
    } finally {
      running--;
      queue.shift()?.();
    }
  };
}

/** A wall-clock backstop only: the instruction budget ends a hang long before this. */
const WALL_LIMIT_MS = 10 * 60_000;

function boot(b: Boot): Promise<RunResult> {
  return runProgram(process.execPath, [CLI, 'run', '--max-insns', String(BOOT_BUDGET), ...b.args], WALL_LIMIT_MS);
}

/** Why the boot failed, or null. */
function problem(r: RunResult, out: string): string | null {
  const trouble = troubleLine(out);
  if (trouble !== undefined) return `the kernel reported trouble: "${plainLine(trouble)}"`;
  if (r.timedOut) return `still running after ${WALL_LIMIT_MS / 1000} s of wall time`;
  if (r.code === 124) return `no power-off within ${BOOT_BUDGET / 1e6}M instructions (a hang?)`;
  if (!out.includes('INIT-RESULT: PASS')) return `/init did not report PASS (exit status ${r.code})`;
  if (r.code !== 0) return `exit status ${r.code}${r.stderr ? ` (${r.stderr.trim()})` : ''}`;
  return null;
}

function withoutDifferences(lines: readonly string[], res: readonly (RegExp | undefined)[]): string[] {
  return lines.filter((l) => l !== '' && !res.some((re) => re?.test(l)));
}

/** The first place two consoles part, with a little context. */
function firstDifference(qemu: string[], ours: string[]): string | null {
  const n = Math.max(qemu.length, ours.length);
  for (let i = 0; i < n; i++) {
    if (qemu[i] !== ours[i]) {
      return `line ${i + 1}:\n  QEMU: ${qemu[i] ?? '(end)'}\n  ours: ${ours[i] ?? '(end)'}\n` +
        `  before: ${qemu.slice(Math.max(0, i - 2), i).join(' | ')}`;
    }
  }
  return null;
}

describe('linux: both kernels boot to /init and power off', function () {
  this.timeout(WALL_LIMIT_MS + 60_000);
  const results = new Map<string, Promise<RunResult>>();
  const started = Date.now();

  before(function () {
    needLinuxFiles(this, NOMMU, MMU);
    const run = limiter(Math.max(1, Math.min(2, os.cpus().length)));
    for (const b of BOOTS) {
      if (b.files.every((f) => fs.existsSync(f))) results.set(b.name, run(() => boot(b)));
    }
  });

  after(() => {
    if (results.size > 0) console.log(`      (${results.size} boots in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  });

  for (const b of BOOTS) {
    it(b.name, async function () {
      needLinuxFiles(this, ...b.files);
      const r = await results.get(b.name)!;
      const out = r.stdout.toString('latin1');
      const why = problem(r, out);
      if (why !== null) assert.fail(`${b.name}: ${why}\n--- last 30 console lines ---\n${lastLines(out)}`);

      const ours = out.split('\n').map(plainLine);
      for (const line of b.mustHave ?? []) assert.ok(ours.includes(line), `missing console line: ${line}`);
      if (b.qemuLog === undefined) return;
      const logFile = path.join(LINUX_OUT, b.qemuLog);
      if (!fs.existsSync(logFile)) return;
      const diffs = b.differences ?? [];
      const qemu = withoutDifferences(fs.readFileSync(logFile, 'latin1').split('\n').map(plainLine), diffs.map((d) => d.qemu));
      const mine = withoutDifferences(ours, diffs.map((d) => d.ours));
      const where = firstDifference(qemu, mine);
      if (where !== null) assert.fail(`console differs from QEMU's ${b.qemuLog} at ${where}`);
    });
  }
});
