/**
 * Shared test utilities for the guest programs in test/guests/: discovering them, running them on
 * the Translucent CLI and on QEMU (child processes with a timeout, exact stdout bytes and exit
 * status), and describing the difference between two console outputs.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The repository root (this file runs from out/test/helpers/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const GUESTS_DIR = path.join(REPO_ROOT, 'test', 'guests');
export const CLI = path.join(REPO_ROOT, 'bin', 'translucent.js');
export const QEMU = process.env.QEMU || 'qemu-system-riscv32';

/** expected/<name>.json, as written by test/guests/record-qemu.js. */
export interface GuestExpectation {
  readonly exit: number;
  readonly machine: 'virt' | 'spike';
  readonly semihosting: boolean;
  readonly bench: boolean;
  /** QEMU's arguments, before `-kernel <elf>`. */
  readonly qemuArgs: readonly string[];
  /** Time limit for one run on Translucent. */
  readonly timeoutMs: number;
  readonly covers?: string;
  /**
   * Optional, added by hand: the name of a file in expected/ that Translucent's output is compared
   * with instead of <name>.out, for a known, deliberate difference from QEMU (QEMU is still
   * checked against <name>.out).
   */
  readonly translucentExpected?: string;
}

export interface Guest {
  readonly name: string;
  readonly elf: string;
  readonly expected: GuestExpectation;
  /** The bytes QEMU printed (expected/<name>.out). */
  readonly qemuOutput: Buffer;
  /** The bytes Translucent must print (qemuOutput unless translucentExpected says otherwise). */
  readonly translucentOutput: Buffer;
}

export function loadGuests(): Guest[] {
  const dir = path.join(GUESTS_DIR, 'expected');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.json'.length);
      const expected = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as GuestExpectation;
      const qemuOutput = fs.readFileSync(path.join(dir, `${name}.out`));
      const translucentOutput = expected.translucentExpected
        ? fs.readFileSync(path.join(dir, expected.translucentExpected))
        : qemuOutput;
      return { name, elf: path.join(GUESTS_DIR, 'bin', `${name}.elf`), expected, qemuOutput, translucentOutput };
    });
}

export interface RunResult {
  readonly stdout: Buffer;
  readonly stderr: string;
  /** Exit status, or null when killed. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly ms: number;
}

/** Runs a program in a fresh temporary directory (removed afterwards) with no standard input. */
export function runProgram(cmd: string, args: readonly string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-guest-'));
    const start = Date.now();
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => {
      clearTimeout(timer);
      fs.rmSync(cwd, { recursive: true, force: true });
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      fs.rmSync(cwd, { recursive: true, force: true });
      resolve({
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString('utf8'),
        code,
        signal,
        timedOut,
        ms: Date.now() - start,
      });
    });
  });
}

export type Engine = 'jit' | 'interp';

/** `translucent run --engine <engine> [--semihosting] <elf>` */
export function runTranslucent(guest: Guest, engine: Engine, timeoutMs = guest.expected.timeoutMs): Promise<RunResult> {
  const args = [CLI, 'run', '--engine', engine];
  if (guest.expected.semihosting) args.push('--semihosting');
  args.push(guest.elf);
  return runProgram(process.execPath, args, timeoutMs);
}

/** QEMU with the recorded arguments and `-kernel <elf>`. */
export function runQemu(guest: Guest, timeoutMs = 60000): Promise<RunResult> {
  return runProgram(QEMU, [...guest.expected.qemuArgs, '-kernel', guest.elf], timeoutMs);
}

let qemuVersionCache: string | null | undefined;
/** QEMU's version line, or null when it is not installed. */
export function qemuVersion(): string | null {
  if (qemuVersionCache === undefined) {
    const r = spawnSync(QEMU, ['--version'], { encoding: 'utf8' });
    qemuVersionCache = r.status === 0 ? r.stdout.split('\n')[0].trim() : null;
  }
  return qemuVersionCache;
}

function lines(b: Buffer): string[] {
  // latin1 keeps every byte visible as one character; JSON.stringify shows control bytes.
  const s = b.toString('latin1');
  const l = s.split('\n');
  if (l.length > 1 && l[l.length - 1] === '') l.pop();
  return l;
}

function show(line: string | undefined): string {
  return line === undefined ? '<end of output>' : JSON.stringify(line);
}

/**
 * Compares a run with the expected output and status; returns null when they match, else a
 * message: the first differing line, and the last lines of both outputs.
 */
export function describeMismatch(
  what: string,
  expectedOut: Buffer,
  expectedExit: number,
  actual: RunResult,
  tail = 8,
): string | null {
  const outOk = actual.stdout.equals(expectedOut);
  const exitOk = actual.code === expectedExit && !actual.timedOut;
  if (outOk && exitOk) return null;
  const msg: string[] = [];
  if (actual.timedOut) msg.push(`${what}: timed out after ${actual.ms} ms (killed)`);
  else if (actual.signal) msg.push(`${what}: killed by ${actual.signal}`);
  if (!exitOk && !actual.timedOut) msg.push(`${what}: exit status ${actual.code}, expected ${expectedExit}`);
  if (!outOk) {
    const e = lines(expectedOut);
    const a = lines(actual.stdout);
    let i = 0;
    while (i < e.length && i < a.length && e[i] === a[i]) i++;
    msg.push(
      `${what}: output differs at line ${i + 1} (expected ${expectedOut.length} bytes, got ${actual.stdout.length})`,
      `  expected: ${show(e[i])}`,
      `  actual:   ${show(a[i])}`,
      `  last ${tail} lines expected:`,
      ...e.slice(-tail).map((l) => `    ${show(l)}`),
      `  last ${tail} lines actual:`,
      ...a.slice(-tail).map((l) => `    ${show(l)}`),
    );
  }
  const err = actual.stderr.trim();
  if (err) msg.push(`  stderr (last lines):`, ...err.split('\n').slice(-tail).map((l) => `    ${l}`));
  return msg.join('\n');
}
