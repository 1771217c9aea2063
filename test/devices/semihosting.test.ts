import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Semihosting } from '../../emulator/devices/semihosting';
import { SystemBus } from '../../emulator/machine/bus';
import { FakeHart } from '../machine/fake-hart';

const RAM = 0x80000000;
const E = os.constants.errno;
const enum Sys {
  OPEN = 0x01, CLOSE = 0x02, WRITEC = 0x03, WRITE0 = 0x04, WRITE = 0x05, READ = 0x06, READC = 0x07,
  ISERROR = 0x08, ISTTY = 0x09, SEEK = 0x0a, FLEN = 0x0c, TMPNAM = 0x0d, REMOVE = 0x0e, RENAME = 0x0f,
  CLOCK = 0x10, TIME = 0x11, SYSTEM = 0x12, ERRNO = 0x13, GET_CMDLINE = 0x15, HEAPINFO = 0x16,
  EXIT = 0x18, EXIT_EXTENDED = 0x20, ELAPSED = 0x30, TICKFREQ = 0x31,
}

const dirs: string[] = [];
after(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-sh-'));
  dirs.push(dir);
  const bus = new SystemBus({ ramBase: RAM, ramSize: 1 << 20 });
  const hart = new FakeHart(bus);
  const out: number[] = [];
  const input: number[] = [];
  const exits: number[] = [];
  const time = { ns: 0 };
  const sh = new Semihosting({
    bus, cwd: dir,
    console: { write: (b) => out.push(...b) },
    cmdline: () => 'guest.elf a b',
    heapInfo: () => [0x80002ac8, 0x87e00000, 0x87e00000, 0x80002ac8],
    now: () => time.ns,
    wallClock: () => 1234,
    readInput: () => input.shift(),
    exit: (c) => exits.push(c),
  });
  let next = RAM + 0x1000;
  const alloc = (n: number) => { const a = next; next += (n + 7) & ~7; return a; };
  const block = (...words: number[]) => {
    const a = alloc(words.length * 4);
    words.forEach((w, i) => bus.write(a + 4 * i, 4, w));
    return a;
  };
  const str = (s: string) => {
    const a = alloc(s.length + 1);
    bus.loadBytes(a, Buffer.from(s + '\0', 'latin1'));
    return a;
  };
  const mem = (a: number, n: number) => Buffer.from(bus.ram.subarray(a - RAM, a - RAM + n));
  const call = (op: number, arg: number) => {
    hart.x[10] = op;
    hart.x[11] = arg;
    sh.call(hart);
    return hart.x[10];
  };
  const open = (name: string, mode: number) => call(Sys.OPEN, block(str(name), mode, name.length));
  const errno = () => call(Sys.ERRNO, 0);
  return { dir, bus, hart, sh, out, input, exits, time, alloc, block, str, mem, call, open, errno };
}

describe('devices/semihosting', () => {
  // Results for the same calls on qemu-system-riscv32 7.2 -semihosting are quoted in the comments.
  it('opens ":tt" as stdin/stdout/stderr by mode, numbering handles from 1', () => {
    const t = setup();
    assert.deepStrictEqual([t.open(':tt', 0), t.open(':tt', 4), t.open(':tt', 8)], [1, 2, 3]);
    assert.strictEqual(t.call(Sys.ISTTY, t.block(2)), 1);
  });

  it('serves ":semihosting-features" as "SHFB" + 0x03, read-only', () => {
    const t = setup();
    const f = t.open(':semihosting-features', 0);
    assert.strictEqual(t.call(Sys.FLEN, t.block(f)), 5);
    const buf = t.alloc(8);
    assert.strictEqual(t.call(Sys.READ, t.block(f, buf, 8)), 3); // QEMU: 3 bytes not read
    assert.deepStrictEqual([...t.mem(buf, 5)], [0x53, 0x48, 0x46, 0x42, 0x03]);
    assert.strictEqual(t.call(Sys.ISTTY, t.block(f)), 0);
    assert.strictEqual(t.open(':semihosting-features', 4), -1); // QEMU: -1
  });

  it('writes to the console handles, returning the bytes not written', () => {
    const t = setup();
    const so = t.open(':tt', 4);
    assert.strictEqual(t.call(Sys.WRITE, t.block(so, t.str('hello\n'), 6)), 0);
    t.call(Sys.WRITE0, t.str('w0'));
    t.call(Sys.WRITEC, t.str('!'));
    assert.strictEqual(Buffer.from(t.out).toString(), 'hello\nw0!');
  });

  it('reports a bad handle with -1 and EBADF (QEMU: istty(77) = -1, errno 9)', () => {
    const t = setup();
    assert.strictEqual(t.call(Sys.ISTTY, t.block(77)), -1);
    assert.strictEqual(t.errno(), E.EBADF);
    const so = t.open(':tt', 4);
    assert.strictEqual(t.call(Sys.CLOSE, t.block(so)), 0);
    assert.strictEqual(t.call(Sys.CLOSE, t.block(so)), -1);
  });

  it('creates, writes, seeks, measures and reads host files relative to its directory', () => {
    const t = setup();
    t.open(':tt', 0);
    const f = t.open('testfile.txt', 4);
    assert.strictEqual(f, 2, 'the lowest free handle');
    assert.strictEqual(t.call(Sys.WRITE, t.block(f, t.str('abcdef'), 6)), 0);
    assert.strictEqual(t.call(Sys.SEEK, t.block(f, 2)), 0);
    assert.strictEqual(t.call(Sys.WRITE, t.block(f, t.str('XY'), 2)), 0);
    assert.strictEqual(t.call(Sys.FLEN, t.block(f)), 6);
    assert.strictEqual(t.call(Sys.ISTTY, t.block(f)), 0);
    assert.strictEqual(t.call(Sys.CLOSE, t.block(f)), 0);
    assert.strictEqual(fs.readFileSync(path.join(t.dir, 'testfile.txt'), 'latin1'), 'abXYef');

    const r = t.open('testfile.txt', 1);
    const buf = t.alloc(10);
    assert.strictEqual(t.call(Sys.READ, t.block(r, buf, 10)), 4); // QEMU: 4 not read
    assert.strictEqual(t.mem(buf, 6).toString('latin1'), 'abXYef');
    assert.strictEqual(t.call(Sys.READ, t.block(r, buf, 10)), 10, 'at end of file');

    const a = t.open('testfile.txt', 8);
    t.call(Sys.WRITE, t.block(a, t.str('++'), 2));
    t.call(Sys.CLOSE, t.block(a));
    assert.strictEqual(fs.readFileSync(path.join(t.dir, 'testfile.txt'), 'latin1'), 'abXYef++');
  });

  it('fails to open a missing file with the host errno (QEMU: -1, errno 2)', () => {
    const t = setup();
    assert.strictEqual(t.open('/nonexistent/x', 0), -1);
    assert.strictEqual(t.errno(), E.ENOENT);
    assert.strictEqual(t.open('x', 12), -1);
    assert.strictEqual(t.errno(), E.EINVAL);
  });

  it('renames and removes files', () => {
    const t = setup();
    fs.writeFileSync(path.join(t.dir, 'a'), 'x');
    assert.strictEqual(t.call(Sys.RENAME, t.block(t.str('a'), 1, t.str('b'), 1)), 0);
    assert.ok(fs.existsSync(path.join(t.dir, 'b')));
    assert.strictEqual(t.call(Sys.REMOVE, t.block(t.str('b'), 1)), 0);
    assert.strictEqual(t.call(Sys.REMOVE, t.block(t.str('b'), 1)), -1);
    assert.strictEqual(t.errno(), E.ENOENT);
  });

  it('answers ISERROR, TMPNAM, HEAPINFO and GET_CMDLINE', () => {
    const t = setup();
    assert.strictEqual(t.call(Sys.ISERROR, t.block(-1)), 1);
    assert.strictEqual(t.call(Sys.ISERROR, t.block(5)), 0);
    const nameBuf = t.alloc(64);
    assert.strictEqual(t.call(Sys.TMPNAM, t.block(nameBuf, 7, 64)), 0);
    assert.match(t.mem(nameBuf, 64).toString('latin1'), /translucent-[0-9a-f]+07\0/);
    assert.strictEqual(t.call(Sys.TMPNAM, t.block(nameBuf, 7, 4)), -1);

    const info = t.alloc(16);
    assert.strictEqual(t.call(Sys.HEAPINFO, t.block(info)), 0);
    assert.deepStrictEqual([0, 1, 2, 3].map((i) => t.bus.read(info + 4 * i, 4)), [0x80002ac8, 0x87e00000, 0x87e00000, 0x80002ac8]);

    const cl = t.alloc(64);
    const blk = t.block(cl, 64);
    assert.strictEqual(t.call(Sys.GET_CMDLINE, blk), 0);
    assert.strictEqual(t.mem(cl, 14).toString('latin1'), 'guest.elf a b\0');
    assert.strictEqual(t.bus.read(blk + 4, 4), 13); // QEMU: the length without the NUL
    assert.strictEqual(t.call(Sys.GET_CMDLINE, t.block(cl, 13)), -1);
  });

  it('tells machine time: CLOCK in centiseconds, ELAPSED in ticks of TICKFREQ (1 GHz), TIME', () => {
    const t = setup();
    t.time.ns = 3_456_000_000 + 2 ** 32;
    assert.strictEqual(t.call(Sys.TICKFREQ, 0), 1_000_000_000);
    const el = t.alloc(8);
    assert.strictEqual(t.call(Sys.ELAPSED, el), 0);
    assert.deepStrictEqual([t.bus.read(el, 4), t.bus.read(el + 4, 4)], [3_456_000_000, 1]);
    assert.strictEqual(t.call(Sys.CLOCK, 0), Math.floor(t.time.ns / 1e7));
    assert.strictEqual(t.call(Sys.TIME, 0), 1234);
  });

  it('refuses SYSTEM', () => {
    const t = setup();
    assert.strictEqual(t.call(Sys.SYSTEM, t.block(t.str('true'), 4)), -1);
    assert.strictEqual(t.errno(), E.EPERM);
  });

  it('reads console input without blocking', () => {
    const t = setup();
    t.input.push(0x41, 0x42);
    assert.strictEqual(t.call(Sys.READC, 0), 0x41);
    const si = t.open(':tt', 0);
    const buf = t.alloc(4);
    assert.strictEqual(t.call(Sys.READ, t.block(si, buf, 4)), 3);
    assert.strictEqual(t.mem(buf, 1)[0], 0x42);
    assert.strictEqual(t.call(Sys.READC, 0), -1);
  });

  it('exits as QEMU does on rv32: SYS_EXIT takes the reason itself, EXIT_EXTENDED a block', () => {
    const t = setup();
    t.call(Sys.EXIT, 0x20026);                       // QEMU: status 0
    t.call(Sys.EXIT, 0x20023);                       // QEMU: status 1
    t.call(Sys.EXIT_EXTENDED, t.block(0x20026, 42)); // QEMU: status 42
    t.call(Sys.EXIT_EXTENDED, t.block(0x20023, 5));  // QEMU: status 1
    assert.deepStrictEqual(t.exits, [0, 1, 42, 1]);
  });

  it('fails an unknown operation with ENOSYS and a bad pointer with EFAULT', () => {
    const t = setup();
    assert.strictEqual(t.call(0x99, 0), -1);
    assert.strictEqual(t.errno(), E.ENOSYS);
    assert.strictEqual(t.call(Sys.FLEN, 0x10), -1);
    assert.strictEqual(t.errno(), E.EFAULT);
  });

  it('goes through the hart\'s MMU when translation is on, turning a fault into EFAULT', () => {
    const t = setup();
    t.hart.priv = 1;
    t.hart.satp = 0x80000000;
    const so = t.open(':tt', 4);
    assert.strictEqual(so, 1);
    assert.strictEqual(t.call(Sys.WRITE, t.block(so, 0x1000, 4)), -1);
    assert.strictEqual(t.errno(), E.EFAULT);
  });

  it('closes host files on reset and describes its state', () => {
    const t = setup();
    t.open('f', 4);
    assert.deepStrictEqual(t.sh.describe().details!['open handles'], ['1: ' + path.join(t.dir, 'f')]);
    t.sh.reset();
    assert.deepStrictEqual(t.sh.describe().details!['open handles'], []);
    assert.strictEqual(t.open(':tt', 4), 1);
  });
});
