/**
 * `npm run bench`: CPU-bound guests on both engines and on qemu-system-riscv32, in one run.
 * Prints guest instructions per second for each and the time ratios, and checks that all three printed
 * the same console output (a fast wrong answer is not a result).
 *
 * Then the Linux section (bench/linux-boot.ts): both prebuilt RV32 kernels, time to /init and to power-off.
 *
 *   npm run bench [-- --only NAME] [-- --skip-interp] [-- --markdown] [-- --linux | --skip-linux] [-- --linux-runs N]
 *   [-- --skip-panels]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { GuestSystem } from '../emulator/system';
import { StopReason, EngineKind } from '../emulator/tb/engine';
import { linuxBench } from './linux-boot';
import { panelsBench } from './panels';

const ROOT = path.resolve(__dirname, '..', '..');
const GUEST_DIR = path.join(ROOT, 'test', 'guests', 'bin');
const LINUX_DIR = path.resolve(ROOT, '..', 'shared', 'guests', 'linux-rv32', 'out');

interface Measure { ms: number; insns: number; output: string; exit: number | null }

function runOurs(guest: string, engine: EngineKind): Measure {
  const chunks: Buffer[] = [];
  const sys = new GuestSystem({ guest, engine, write: (b) => chunks.push(Buffer.from(b)) });
  const t0 = performance.now();
  let r;
  do r = sys.run(50_000_000);
  while (r.reason === StopReason.Budget);
  const ms = performance.now() - t0;
  return { ms, insns: sys.machine.hart.icount, output: Buffer.concat(chunks).toString('latin1'), exit: r.exitCode };
}

function qemuAvailable(): boolean {
  return spawnSync('qemu-system-riscv32', ['--version']).status === 0;
}

function runQemu(guest: string): Measure {
  const args = ['-M', 'virt', '-bios', 'none', '-nographic', '-monitor', 'none', '-serial', 'stdio', '-kernel', guest];
  const t0 = performance.now();
  const r = spawnSync('qemu-system-riscv32', args, { encoding: 'latin1', timeout: 120_000 });
  const ms = performance.now() - t0;
  return { ms, insns: NaN, output: r.stdout ?? '', exit: r.status };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  const skipInterp = argv.includes('--skip-interp');
  const markdown = argv.includes('--markdown');
  const linuxOnly = argv.includes('--linux');
  const linuxRuns = argv.includes('--linux-runs') ? Number(argv[argv.indexOf('--linux-runs') + 1]) : 1;
  const guests = linuxOnly ? [] : fs.readdirSync(GUEST_DIR).filter((f) => /^bench-.*\.elf$/.test(f) && (!only || f.includes(only))).sort();
  if (guests.length === 0 && !linuxOnly) throw new Error(`no bench-*.elf guests in ${GUEST_DIR}`);
  const haveQemu = qemuAvailable();
  if (!haveQemu) console.error('bench: qemu-system-riscv32 not found: QEMU columns are empty (apt-get install qemu-system-misc)');

  // QEMU's own start-up and shut-down time, measured on a guest that exits at once, is subtracted so the
  // ratio compares execution, not process start.
  const startGuest = path.join(GUEST_DIR, 'exit-code.elf');
  const qemuStart = haveQemu && fs.existsSync(startGuest) ? median([0, 1, 2].map(() => runQemu(startGuest).ms)) : 0;

  const rows: string[][] = [];
  const header = ['guest', 'instructions', 'QEMU ms', 'QEMU MIPS', 'jit ms', 'jit MIPS', 'interp ms', 'interp MIPS', 'jit / QEMU', 'interp / jit'];
  for (const name of guests) {
    const guest = path.join(GUEST_DIR, name);
    const jitRuns = [runOurs(guest, 'jit'), runOurs(guest, 'jit'), runOurs(guest, 'jit')];
    const jit = jitRuns.reduce((a, b) => (b.ms < a.ms ? b : a));
    const interp = skipInterp ? undefined : runOurs(guest, 'interp');
    const qemu = haveQemu ? [runQemu(guest), runQemu(guest), runQemu(guest)].reduce((a, b) => (b.ms < a.ms ? b : a)) : undefined;
    for (const [who, m] of [['interp', interp], ['qemu', qemu]] as const) {
      if (m && (m.output !== jit.output || m.exit !== jit.exit)) {
        throw new Error(`${name}: ${who} output or exit status differs from the jit's: the figures would be meaningless`);
      }
    }
    const qms = qemu ? Math.max(1, qemu.ms - qemuStart) : NaN;
    const mips = (m?: Measure) => (m ? (jit.insns / m.ms / 1000).toFixed(1) : '-');
    rows.push([
      name.replace(/\.elf$/, ''), String(jit.insns), qemu ? qms.toFixed(0) : '-', qemu ? (jit.insns / qms / 1000).toFixed(1) : '-',
      jit.ms.toFixed(0), mips(jit),
      interp ? interp.ms.toFixed(0) : '-', mips(interp),
      qemu ? (jit.ms / qms).toFixed(2) + 'x' : '-', interp ? (interp.ms / jit.ms).toFixed(1) + 'x' : '-',
    ]);
  }
  if (rows.length > 0) {
    print(header, rows, markdown);
    console.log(`\nQEMU: qemu-system-riscv32 -M virt -bios none (TCG), start-up of ${qemuStart.toFixed(0)} ms subtracted; ` +
      'ours: in-process, best of 3 (interpreter: 1 run), translation included.');
  }

  if (rows.length > 0 && !argv.includes('--skip-panels')) {
    const name = guests.includes('bench-dhry.elf') ? 'bench-dhry.elf' : guests[0];
    const p = panelsBench(path.join(GUEST_DIR, name));
    const cost = ((p.onMs / p.offMs - 1) * 100).toFixed(1);
    console.log(`\nPanels' live updates (${name.replace(/\.elf$/, '')}, jit): off ${p.offMs.toFixed(0)} ms, on ${p.onMs.toFixed(0)} ms ` +
      `(${p.updates} updates of tbStats + devices, ${(p.bytesPerUpdate / 1024).toFixed(0)} KiB each): ${cost} % slower.`);
  }

  if (argv.includes('--skip-linux') || only !== undefined) return;
  const linux = await linuxBench({ dir: LINUX_DIR, haveQemu, qemuStartMs: qemuStart, skipInterp, runs: linuxRuns });
  if (linux === null) {
    console.log(`\nLinux: skipped (no prebuilt kernels in ${LINUX_DIR}; see its build.sh)`);
    return;
  }
  console.log('');
  print(linux.header, linux.rows, markdown);
  for (const n of linux.notes) console.log(`\n${n}`);
}

function print(header: string[], rows: string[][], markdown: boolean): void {
  if (markdown) {
    console.log(`| ${header.join(' | ')} |`);
    console.log(`|${header.map(() => '---').join('|')}|`);
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    return;
  }
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

main().catch((e) => {
  console.error(`bench: ${(e as Error).message}`);
  process.exit(1);
});
