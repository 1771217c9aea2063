/**
 * The Linux part of `npm run bench`: each prebuilt RV32 kernel booted on Translucent (both engines) and
 * on qemu-system-riscv32, timed to `/init` (the console line `Run /init as init process`) and to
 * power-off, by watching the console as it streams.
 *
 * QEMU runs with `-cpu rv32,f=off,d=off,h=off,sstc=off`, the hart we emulate (RV32IMAC, no Sstc), so
 * both execute the same kernel paths. QEMU's default rv32 firmware (OpenSBI fw_dynamic) is not what we
 * run and is often not installed, so the MMU kernel is compared two ways: our built-in SBI against
 * QEMU on minisbi.bin (different firmware: labelled), and both on minisbi.bin (like for like).
 * QEMU does not count instructions; what compares is the kernel's own timestamp on the /init line
 * (time since its clocksource started) under `-icount shift=0,sleep=off`: 1 ns per instruction, idle
 * time skipped, which is how our clock runs too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { GuestSystem } from '../emulator/system';
import { StopReason, type EngineKind } from '../emulator/tb/engine';
import type { BiosChoice } from '../emulator/machine/boot-plan';

const INIT_LINE = 'Run /init as init process';
const QEMU_CPU = 'rv32,f=off,d=off,h=off,sstc=off';

interface BootCase {
  readonly name: string;
  readonly kernel: string;
  readonly ours: { readonly bios: BiosChoice; readonly label: string };
  readonly qemuBios: string;
  readonly qemuLabel: string;
}

export interface BootTiming {
  /** Wall milliseconds from start to the /init line and to the end of the run. */
  readonly initMs: number;
  readonly endMs: number;
  /** Guest instructions at /init and at the end (ours only). */
  readonly initInsns?: number;
  readonly endInsns?: number;
  /** The kernel's timestamp on the /init line, in ms. */
  readonly initStampMs: number;
}

/** The kernel's printk timestamp on the line that contains `needle`, in ms. */
function stampOf(console: string, needle: string): number {
  const line = console.split('\n').find((l) => l.includes(needle)) ?? '';
  const m = /^\[\s*(\d+\.\d+)\]/.exec(line);
  return m ? Number(m[1]) * 1000 : NaN;
}

function bootOurs(kernel: string, bios: BiosChoice, engine: EngineKind): BootTiming {
  let out = '';
  let initMs = NaN;
  let initInsns = NaN;
  let sys: GuestSystem | undefined;
  const t0 = performance.now();
  sys = new GuestSystem({
    guest: kernel, bios, engine,
    write: (b) => {
      out += Buffer.from(b).toString('latin1');
      if (Number.isNaN(initMs) && out.includes(INIT_LINE)) {
        initMs = performance.now() - t0;
        // Counted at the end of the block that printed it: at most one block early.
        initInsns = sys!.machine.hart.icount;
      }
    },
  });
  let r;
  do r = sys.run(50_000_000);
  while (r.reason === StopReason.Budget && sys.machine.hart.icount < 1e9);
  const endMs = performance.now() - t0;
  if (!out.includes('INIT-RESULT: PASS') || r.exitCode !== 0) {
    throw new Error(`${path.basename(kernel)} on ${engine}: no INIT-RESULT: PASS and clean power-off (${r.reason}, exit ${r.exitCode})`);
  }
  return { initMs, endMs, initInsns, endInsns: sys.machine.hart.icount, initStampMs: stampOf(out, INIT_LINE) };
}

function bootQemu(kernel: string, bios: string, icount: boolean): Promise<BootTiming> {
  const args = ['-M', 'virt', '-cpu', QEMU_CPU, '-bios', bios, '-nographic', '-monitor', 'none', '-serial', 'stdio',
    ...(icount ? ['-icount', 'shift=0,sleep=off'] : []), '-kernel', kernel];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('qemu-system-riscv32', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let initMs = NaN;
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('latin1');
      if (Number.isNaN(initMs) && out.includes(INIT_LINE)) initMs = performance.now() - t0;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const endMs = performance.now() - t0;
      if (code !== 0 || !out.includes('INIT-RESULT: PASS')) {
        reject(new Error(`QEMU ${args.join(' ')}: exit ${code}, ${out.includes('INIT-RESULT: PASS') ? '' : 'no INIT-RESULT: PASS'}`));
        return;
      }
      resolve({ initMs, endMs, initStampMs: stampOf(out, INIT_LINE) });
    });
  });
}

function best(runs: BootTiming[]): BootTiming {
  return runs.reduce((a, b) => (b.endMs < a.endMs ? b : a));
}

export interface LinuxBenchOptions {
  readonly dir: string;
  readonly haveQemu: boolean;
  /** QEMU's process start-up and shut-down, subtracted from its times. */
  readonly qemuStartMs: number;
  readonly skipInterp: boolean;
  readonly runs: number;
}

/** Rows for the Linux table, or null when the prebuilt kernels are missing. */
export async function linuxBench(o: LinuxBenchOptions): Promise<{ header: string[]; rows: string[][]; notes: string[] } | null> {
  const file = (n: string) => path.join(o.dir, n);
  const nommu = file('Image-rv32-nommu');
  const mmu = file('Image-rv32-mmu');
  const minisbi = file('minisbi.bin');
  if (![nommu, mmu, minisbi].every((f) => fs.existsSync(f))) return null;
  const cases: BootCase[] = [
    { name: 'nommu', kernel: nommu, ours: { bios: 'none', label: 'none (M-mode)' }, qemuBios: 'none', qemuLabel: 'none' },
    { name: 'mmu', kernel: mmu, ours: { bios: 'builtin', label: 'built-in SBI' }, qemuBios: minisbi, qemuLabel: 'minisbi.bin' },
    { name: 'mmu', kernel: mmu, ours: { bios: { file: minisbi }, label: 'minisbi.bin' }, qemuBios: minisbi, qemuLabel: 'minisbi.bin' },
  ];
  const header = ['kernel', 'firmware ours / QEMU', 'insns to /init', 'insns total', '/init stamp ours / QEMU-icount',
    'jit ms /init', 'jit ms total', 'interp ms total', 'QEMU ms /init', 'QEMU ms total', 'jit/QEMU /init', 'jit/QEMU total'];
  const rows: string[][] = [];
  const qemuMs = (ms: number) => Math.max(1, ms - o.qemuStartMs);
  for (const c of cases) {
    const jit = best(Array.from({ length: o.runs }, () => bootOurs(c.kernel, c.ours.bios, 'jit')));
    const interp = o.skipInterp ? undefined : bootOurs(c.kernel, c.ours.bios, 'interp');
    const qemuRuns: BootTiming[] = [];
    for (let i = 0; i < (o.haveQemu ? 3 : 0); i++) qemuRuns.push(await bootQemu(c.kernel, c.qemuBios, false));
    const qemu = qemuRuns.length > 0 ? best(qemuRuns) : undefined;
    const qemuVirtual = o.haveQemu ? await bootQemu(c.kernel, c.qemuBios, true) : undefined;
    const ratio = (a: number, b: number | undefined) => (b === undefined ? '-' : `${(a / qemuMs(b)).toFixed(1)}x`);
    rows.push([
      c.name, `${c.ours.label} / ${c.qemuLabel}`,
      `${(jit.initInsns! / 1e6).toFixed(2)}M`, `${(jit.endInsns! / 1e6).toFixed(2)}M`,
      `${jit.initStampMs.toFixed(1)} / ${qemuVirtual ? qemuVirtual.initStampMs.toFixed(1) : '-'} ms`,
      jit.initMs.toFixed(0), jit.endMs.toFixed(0), interp ? interp.endMs.toFixed(0) : '-',
      qemu ? qemuMs(qemu.initMs).toFixed(0) : '-', qemu ? qemuMs(qemu.endMs).toFixed(0) : '-',
      ratio(jit.initMs, qemu?.initMs), ratio(jit.endMs, qemu?.endMs),
    ]);
  }
  const notes = [
    `Linux: ours in-process (jit best of ${o.runs}, interp 1 run), translation included; QEMU -M virt -cpu ${QEMU_CPU} (TCG), best of 3, ` +
      `start-up of ${o.qemuStartMs.toFixed(0)} ms subtracted. The built-in SBI is not QEMU's firmware (QEMU's default rv32 OpenSBI is ` +
      'not used); the minisbi.bin rows run the same firmware on both. "/init stamp" is the kernel\'s timestamp on the /init line ' +
      '(ms since its clocksource started): our clock is 1 ns per instruction plus skipped idle time, as QEMU\'s with -icount shift=0,sleep=off.',
  ];
  return { header, rows, notes };
}
