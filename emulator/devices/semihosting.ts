/**
 * RISC-V semihosting (the ARM semihosting operations, with a0 = operation, a1 = parameter or
 * parameter block of 32-bit words, result in a0), as QEMU 7.2 answers them on qemu-system-riscv32.
 *
 * Differences from QEMU, on purpose: time (CLOCK, TIME, ELAPSED) is machine time, deterministic by
 * default; SYSTEM is refused; console input never blocks (no input = nothing read); an unknown
 * operation fails with ENOSYS instead of aborting the emulator.
 */
import * as os from 'os';
import * as path from 'path';
import * as fs from 'fs';
import type { HartControl } from '../cpu/hart-api';
import type { Bus, DeviceState } from '../machine/bus-api';
import type { ConsoleIO } from './uart16550';
import { GuestMemory } from './semihost-memory';
import { HandleTable, consoleHandle, openHostFile, MODE_COUNT, type Handle } from './semihost-files';

export interface SemihostingOptions {
  readonly bus: Bus;
  readonly console: ConsoleIO;
  /** Directory that relative guest file names resolve against. */
  readonly cwd: string;
  /** What SYS_GET_CMDLINE returns (QEMU: the kernel file name, then the -append string). */
  readonly cmdline: () => string;
  /** Heap base, heap limit, stack base, stack limit for SYS_HEAPINFO. */
  readonly heapInfo: () => readonly [number, number, number, number];
  /** Machine time in ns since reset. */
  readonly now: () => number;
  /** Seconds since the epoch for SYS_TIME. */
  readonly wallClock: () => number;
  /** Next byte of console input, or undefined when there is none. */
  readonly readInput: () => number | undefined;
  readonly exit: (code: number) => void;
}

const ADP_STOPPED_APPLICATION_EXIT = 0x20026;
/** "SHFB" then one byte: SH_EXT_EXIT_EXTENDED | SH_EXT_STDOUT_STDERR, what QEMU 7.2 reports. */
const FEATURES = Uint8Array.of(0x53, 0x48, 0x46, 0x42, 0x03);
const TICKS_PER_SECOND = 1_000_000_000;

const E = os.constants.errno;

/** A failed call: a0 = -1 and the errno SYS_ERRNO will report. */
class SemihostError {
  constructor(readonly errno: number) {}
}

type Op = (this: Semihosting, arg: number) => number | void;

export class Semihosting {
  private readonly handles = new HandleTable();
  private errno = 0;
  private calls = 0;
  private lastOp = '';
  /** Guest memory for the call in progress. */
  private mem!: GuestMemory;

  constructor(private readonly opts: SemihostingOptions) {}

  /** The hart's semihosting hook: performs the call in a0/a1 and leaves the result in a0. */
  call(h: HartControl): void {
    this.mem = new GuestMemory(h, this.opts.bus);
    const op = h.x[10] >>> 0;
    const arg = h.x[11] >>> 0;
    const entry = OPS[op];
    this.calls++;
    this.lastOp = entry ? entry[0] : `0x${op.toString(16)}`;
    let result: number | void;
    try {
      result = entry ? entry[1].call(this, arg) : this.fail(E.ENOSYS);
    } catch (e) {
      if (e instanceof SemihostError) {
        this.errno = e.errno;
        result = -1;
      } else if (isNodeError(e)) {
        this.errno = errnoOf(e);
        result = -1;
      } else {
        throw e;
      }
    }
    if (result !== undefined) h.x[10] = result | 0;
  }

  reset(): void {
    this.handles.closeAll();
    this.errno = 0;
    this.calls = 0;
    this.lastOp = '';
  }

  describe(): DeviceState {
    return {
      name: 'semihosting', base: 0, size: 0, registers: [],
      details: { calls: this.calls, 'last call': this.lastOp || 'none', errno: this.errno, 'open handles': this.handles.list() },
    };
  }

  // ---- helpers used by the operations ----

  fail(errno: number): never {
    throw new SemihostError(errno);
  }

  /** Word `i` of the parameter block at `block`. */
  arg(block: number, i: number): number {
    const v = this.mem.word(block + 4 * i);
    return v === null ? this.fail(E.EFAULT) : v;
  }

  str(addr: number): string {
    return this.mem.cString(addr) ?? this.fail(E.EFAULT);
  }

  bytes(addr: number, len: number): Uint8Array {
    return this.mem.read(addr, len) ?? this.fail(E.EFAULT);
  }

  put(addr: number, data: Uint8Array): void {
    if (!this.mem.write(addr, data)) this.fail(E.EFAULT);
  }

  putWord(addr: number, v: number): void {
    if (!this.mem.setWord(addr, v)) this.fail(E.EFAULT);
  }

  handle(n: number): Handle {
    return this.handles.get(n) ?? this.fail(E.EBADF);
  }

  hostPath(name: string): string {
    return path.resolve(this.opts.cwd, name);
  }

  get table(): HandleTable { return this.handles; }
  get options(): SemihostingOptions { return this.opts; }
  get lastErrno(): number { return this.errno; }

  /** Reads up to `len` bytes from a handle. */
  readFrom(h: Handle, len: number): Uint8Array {
    switch (h.kind) {
      case 'stdin': {
        const out: number[] = [];
        while (out.length < len) {
          const b = this.opts.readInput();
          if (b === undefined) break;
          out.push(b);
        }
        return Uint8Array.from(out);
      }
      case 'features': {
        const out = FEATURES.slice(h.pos, h.pos + len);
        h.pos += out.length;
        return out;
      }
      case 'file': {
        const buf = new Uint8Array(len);
        const n = fs.readSync(h.fd, buf, 0, len, h.pos);
        h.pos += n;
        return buf.subarray(0, n);
      }
      default: return this.fail(E.EBADF);
    }
  }

  /** Writes to a handle; returns the bytes written. */
  writeTo(h: Handle, data: Uint8Array): number {
    switch (h.kind) {
      case 'stdout':
      case 'stderr':
        this.opts.console.write(data);
        return data.length;
      case 'file': {
        const n = fs.writeSync(h.fd, data, 0, data.length, h.append ? null : h.pos);
        h.pos = h.append ? fs.fstatSync(h.fd).size : h.pos + n;
        return n;
      }
      default: return this.fail(E.EBADF);
    }
  }
}

/** Operation number -> name and implementation. */
const OPS: Readonly<Record<number, readonly [string, Op]>> = {
  0x01: ['SYS_OPEN', function (b) {
    const name = this.str(this.arg(b, 0));
    const mode = this.arg(b, 1);
    if (mode >= MODE_COUNT) this.fail(E.EINVAL);
    if (name === ':tt') return this.table.add(consoleHandle(mode));
    if (name === ':semihosting-features') {
      if (mode > 1) this.fail(E.EACCES);
      return this.table.add({ kind: 'features', pos: 0 });
    }
    return this.table.add(openHostFile(this.hostPath(name), mode));
  }],
  0x02: ['SYS_CLOSE', function (b) {
    const n = this.arg(b, 0);
    return this.table.close(n) ? 0 : this.fail(E.EBADF);
  }],
  0x03: ['SYS_WRITEC', function (p) {
    this.options.console.write(this.bytes(p, 1));
  }],
  0x04: ['SYS_WRITE0', function (p) {
    this.options.console.write(Uint8Array.from(this.str(p), (c) => c.charCodeAt(0)));
  }],
  0x05: ['SYS_WRITE', function (b) {
    const h = this.handle(this.arg(b, 0));
    const len = this.arg(b, 2);
    return len - this.writeTo(h, this.bytes(this.arg(b, 1), len));
  }],
  0x06: ['SYS_READ', function (b) {
    const h = this.handle(this.arg(b, 0));
    const buf = this.arg(b, 1);
    const len = this.arg(b, 2);
    const data = this.readFrom(h, len);
    this.put(buf, data);
    return len - data.length;
  }],
  0x07: ['SYS_READC', function () {
    return this.options.readInput() ?? -1;
  }],
  0x08: ['SYS_ISERROR', function (b) {
    return (this.arg(b, 0) | 0) < 0 ? 1 : 0;
  }],
  0x09: ['SYS_ISTTY', function (b) {
    const k = this.handle(this.arg(b, 0)).kind;
    return k === 'stdin' || k === 'stdout' || k === 'stderr' ? 1 : 0;
  }],
  0x0a: ['SYS_SEEK', function (b) {
    const h = this.handle(this.arg(b, 0));
    if (h.kind === 'features' || h.kind === 'file') h.pos = this.arg(b, 1);
    else this.fail(E.ESPIPE);
    return 0;
  }],
  0x0c: ['SYS_FLEN', function (b) {
    const h = this.handle(this.arg(b, 0));
    if (h.kind === 'features') return FEATURES.length;
    if (h.kind === 'file') return fs.fstatSync(h.fd).size;
    return this.fail(E.EBADF);
  }],
  0x0d: ['SYS_TMPNAM', function (b) {
    const name = path.join(os.tmpdir(), `translucent-${process.pid.toString(16)}${(this.arg(b, 1) & 0xff).toString(16).padStart(2, '0')}`);
    if (name.length + 1 > this.arg(b, 2)) this.fail(E.ERANGE);
    this.put(this.arg(b, 0), Uint8Array.from(name + '\0', (c) => c.charCodeAt(0)));
    return 0;
  }],
  0x0e: ['SYS_REMOVE', function (b) {
    fs.unlinkSync(this.hostPath(this.str(this.arg(b, 0))));
    return 0;
  }],
  0x0f: ['SYS_RENAME', function (b) {
    fs.renameSync(this.hostPath(this.str(this.arg(b, 0))), this.hostPath(this.str(this.arg(b, 2))));
    return 0;
  }],
  0x10: ['SYS_CLOCK', function () {
    return Math.floor(this.options.now() / 10_000_000);
  }],
  0x11: ['SYS_TIME', function () {
    return this.options.wallClock();
  }],
  0x12: ['SYS_SYSTEM', function () {
    // Running host commands on a guest's behalf is not something a debugger should do.
    return this.fail(E.EPERM);
  }],
  0x13: ['SYS_ERRNO', function () {
    return this.lastErrno;
  }],
  0x15: ['SYS_GET_CMDLINE', function (b) {
    const cmdline = this.options.cmdline();
    if (cmdline.length + 1 > this.arg(b, 1)) this.fail(E.E2BIG);
    this.put(this.arg(b, 0), Uint8Array.from(cmdline + '\0', (c) => c.charCodeAt(0) & 0xff));
    this.putWord(b + 4, cmdline.length);
    return 0;
  }],
  0x16: ['SYS_HEAPINFO', function (b) {
    const at = this.arg(b, 0);
    this.options.heapInfo().forEach((v, i) => this.putWord(at + 4 * i, v));
    return 0;
  }],
  0x18: ['SYS_EXIT', function (reason) {
    // On a 32-bit target the reason is a1 itself and no status can be given (as on AArch32).
    this.options.exit(reason === ADP_STOPPED_APPLICATION_EXIT ? 0 : 1);
  }],
  0x20: ['SYS_EXIT_EXTENDED', function (b) {
    const reason = this.arg(b, 0);
    this.options.exit(reason === ADP_STOPPED_APPLICATION_EXIT ? this.arg(b, 1) | 0 : 1);
  }],
  0x30: ['SYS_ELAPSED', function (b) {
    const t = this.options.now();
    this.putWord(b, t % 0x1_0000_0000);
    this.putWord(b + 4, Math.floor(t / 0x1_0000_0000));
    return 0;
  }],
  0x31: ['SYS_TICKFREQ', function () {
    return TICKS_PER_SECOND;
  }],
};

function isNodeError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string';
}

function errnoOf(e: NodeJS.ErrnoException): number {
  return (E as Record<string, number>)[e.code ?? ''] ?? E.EIO;
}
