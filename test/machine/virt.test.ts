import * as assert from 'assert';
import { VirtBoard, type VirtOptions } from '../../emulator/machine/virt-board';
import { parseFdt, fdtFind, fdtProp, fdtStrings, fdtCells } from '../../emulator/machine/fdt-parse';
import { encodeFdt, fdtNode } from '../../emulator/machine/fdt';
import { loadGuestBytes, type LoadedImage } from '../../emulator/loader/load';
import { SymbolTable } from '../../emulator/loader/symbols';
import { Irq } from '../../emulator/cpu/hart-api';
import { FakeHart } from './fake-hart';

const RAM = 0x80000000;
const MiB = 1024 * 1024;

function board(opts: Partial<VirtOptions> = {}) {
  const out: number[] = [];
  let hart!: FakeHart;
  const m = new VirtBoard({ console: { write: (b) => out.push(...b) }, ...opts }, (bus) => (hart = new FakeHart(bus)));
  const text = () => Buffer.from(out).toString('latin1');
  return { m, hart, out, text };
}

function image(entry = RAM, extra: Partial<LoadedImage> = {}): LoadedImage {
  return {
    path: 'guest.elf', format: 'elf', entry,
    segments: [{ addr: RAM, data: Uint8Array.of(0x6f, 0, 0, 0) }],
    symbols: SymbolTable.EMPTY, ...extra,
  };
}

function romWords(m: VirtBoard, n: number): number[] {
  return Array.from({ length: n }, (_, i) => m.bus.read(0x1000 + 4 * i, 4));
}

describe('machine/virt', () => {
  it('starts the hart at the MROM reset vector QEMU 7.2 builds', () => {
    const { m, hart } = board();
    m.load(image(RAM + 0x40, { segments: [{ addr: RAM + 0x40, data: new Uint8Array(4) }] }));
    assert.strictEqual(hart.pc, 0x1000);
    // From `xp /16wx 0x1000` on qemu-system-riscv32 -M virt -bios none -kernel ... (128 MiB), except
    // that we jump to the entry point where QEMU always jumps to the start of RAM.
    assert.deepStrictEqual(romWords(m, 16), [
      0x00000297, 0x02828613, 0xf1402573, 0x0202a583, 0x0182a283, 0x00028067, RAM + 0x40, 0,
      0x87e00000, 0, 0x4942534f, 2, RAM + 0x40, 1, 0, 0,
    ]);
    assert.strictEqual(m.bus.read(0xfffc, 4), 0);
    assert.strictEqual(m.bus.isExecutable(0x1000), true);
  });

  it('places the device tree where QEMU does for each RAM size', () => {
    // a1 at entry on QEMU: 64M 0x83e00000, 128M 0x87e00000, 128.5M 0x87e00000, 129M 0x88000000, 256M 0x8fe00000.
    const cases: [number, number][] = [[64 * MiB, 0x83e00000], [128 * MiB, 0x87e00000], [128.5 * MiB, 0x87e00000],
      [129 * MiB, 0x88000000], [256 * MiB, 0x8fe00000]];
    for (const [ramSize, addr] of cases) assert.strictEqual(board({ ramSize }).m.fdtAddress, addr, `${ramSize / MiB} MiB`);
  });

  it('puts a device tree describing this machine in RAM', () => {
    const { m } = board({ ramSize: 64 * MiB, bootargs: 'console=ttyS0' });
    const blob = m.bus.ram.subarray(m.fdtAddress - RAM);
    const root = parseFdt(blob).root;
    assert.deepStrictEqual(fdtCells(fdtProp(fdtFind(root, '/memory@80000000')!, 'reg')!), [0, RAM, 0, 64 * MiB]);
    assert.deepStrictEqual(fdtStrings(fdtProp(fdtFind(root, '/chosen')!, 'bootargs')!), ['console=ttyS0']);
  });

  it('uses a given DTB, setting its bootargs, and places it as QEMU places a -dtb file', () => {
    const dtb = encodeFdt(fdtNode('', { model: 'mine' }, [fdtNode('chosen', { bootargs: 'old' })]));
    const { m } = board({ dtb, bootargs: 'new', ramSize: 128.5 * MiB });
    const root = parseFdt(m.fdt).root;
    assert.deepStrictEqual(fdtStrings(fdtProp(fdtFind(root, '/chosen')!, 'bootargs')!), ['new']);
    assert.deepStrictEqual(fdtStrings(fdtProp(root, 'model')!), ['mine']);
    assert.strictEqual(m.fdtAddress, 0x88000000); // checked with a 4 KiB -dtb on QEMU
    assert.throws(() => board({ dtb: new Uint8Array(64) }), /^Error: device tree blob: not a flattened device tree/);
  });

  it('maps the devices where QEMU does, and faults in between', () => {
    const { m } = board();
    const at = (pa: number, size: 1 | 2 | 4 = 4) => { m.bus.fault = false; m.bus.read(pa, size); return !m.bus.fault; };
    assert.deepStrictEqual([at(0x0), at(0x100000), at(0x100000, 1), at(0x2000000), at(0x200bff8), at(0x200c000)],
      [false, true, false, true, true, false]);
    assert.deepStrictEqual([at(0xc000000), at(0xc5ffffc), at(0xc600000), at(0x10000000, 1), at(0x10000007, 1), at(0x10000008, 1)],
      [true, true, false, true, true, false]);
    assert.deepStrictEqual([at(RAM), at(RAM + 128 * MiB - 4), at(RAM + 128 * MiB)], [true, true, false]);
    assert.deepStrictEqual(m.describeDevices().map((d) => d.name), ['uart0', 'clint', 'plic', 'test-finisher']);
  });

  it('copies the image into RAM and the lowest address into fw_dynamic_info', () => {
    const { m } = board();
    m.load(image(RAM + 4, { segments: [{ addr: RAM + 0x1000, data: Uint8Array.of(7) }, { addr: RAM, data: Uint8Array.of(1, 2, 3, 4) }] }));
    assert.strictEqual(m.bus.read(RAM, 4), 0x04030201);
    assert.strictEqual(m.bus.read(RAM + 0x1000, 1), 7);
    assert.strictEqual(m.bus.read(0x1030, 4), RAM);
  });

  it('refuses an image with a segment outside its RAM, naming the file and address', () => {
    const { m } = board({ ramSize: 16 * MiB });
    assert.throws(() => m.load(image(RAM, { segments: [{ addr: RAM + 16 * MiB, data: new Uint8Array(4) }] })),
      /^Error: guest\.elf: segment at 0x81000000\.\.0x81000004 lies outside RAM \(0x80000000\.\.0x81000000\)$/);
  });

  it('writes UART output to the console', () => {
    const { m, text } = board();
    for (const c of 'ok\n') m.bus.write(0x10000000, 1, c.charCodeAt(0));
    assert.strictEqual(text(), 'ok\n');
  });

  it('delivers console input as a UART receive interrupt through the PLIC (source 10)', () => {
    const { m, hart } = board();
    m.bus.write(0xc000000 + 4 * 10, 4, 1);
    m.bus.write(0xc002000, 4, 1 << 10);
    m.bus.write(0x10000001, 1, 0x01);
    assert.strictEqual(hart.pending(Irq.MEIP), false);
    m.sendInput(Buffer.from('x'));
    assert.strictEqual(hart.pending(Irq.MEIP), true);
    assert.strictEqual(m.bus.read(0xc200004, 4), 10);
    assert.strictEqual(m.bus.read(0x10000000, 1), 0x78);
    m.bus.write(0xc200004, 4, 10);
    assert.strictEqual(hart.pending(Irq.MEIP), false);
  });

  it('ends the run with the finisher\'s exit code', () => {
    const { m, hart } = board();
    m.bus.write(0x100000, 4, (7 << 16) | 0x3333);
    assert.strictEqual(m.exitCode, 7);
    assert.strictEqual(hart.stopRequested, true);
    assert.strictEqual(hart.attention, true);
    m.bus.write(0x100000, 4, 0x5555);
    assert.strictEqual(m.exitCode, 7, 'the first exit wins');
  });

  it('asks the run loop for a reset on 0x7777 and restores image and device tree on reset()', () => {
    const { m, hart } = board();
    m.load(image());
    m.bus.write(RAM, 4, 0xdeadbeef);
    m.bus.write(RAM + 0x2000, 4, 0x1234);
    m.bus.write(m.fdtAddress, 4, 0);
    hart.pc = RAM + 0x100;
    m.bus.write(0x100000, 4, 0x7777);
    assert.strictEqual(m.resetRequested, true);
    assert.strictEqual(hart.stopRequested, true);
    assert.strictEqual(m.exitCode, null);
    m.reset();
    assert.strictEqual(m.resetRequested, false);
    assert.strictEqual(hart.stopRequested, false);
    assert.strictEqual(hart.pc, 0x1000);
    assert.strictEqual(m.bus.read(RAM, 4), 0x6f);
    assert.strictEqual(m.bus.read(m.fdtAddress, 4), 0xedfe0dd0);
    assert.strictEqual(m.bus.read(RAM + 0x2000, 4), 0x1234, 'the rest of RAM is kept');
  });

  it('turns the CLINT compare into a retired-instruction deadline, and WFI idle time into time', () => {
    const { m, hart } = board();
    assert.strictEqual(hart.pending(Irq.MTIP), true, 'mtimecmp = 0 at reset');
    assert.strictEqual(m.nextTimerDeadline(), Infinity);
    m.bus.write(0x2004000, 4, 1000);
    assert.strictEqual(hart.pending(Irq.MTIP), false);
    assert.strictEqual(m.nextTimerDeadline(), 100_000);
    hart.icount = 40_000;
    m.idle(10_000);
    assert.strictEqual(m.nextTimerDeadline(), 90_000);
    hart.icount = 90_000;
    m.updateTimers();
    assert.strictEqual(hart.pending(Irq.MTIP), true);
    assert.strictEqual(m.bus.read(0x200bff8, 4), 1000);
    assert.strictEqual(hart.timeSource(), 1000);
  });

  it('includes the UART receive timeout among the deadlines', () => {
    const { m, hart } = board();
    m.bus.write(0x2004004, 4, 0xffffffff);
    m.bus.write(0x10000002, 1, 0xc1); // FIFO, trigger 14
    m.bus.write(0x10000001, 1, 0x01);
    m.sendInput(Buffer.from('a'));
    const deadline = m.nextTimerDeadline();
    assert.ok(deadline > 0 && deadline < Infinity);
    hart.icount = deadline;
    m.updateTimers();
    assert.strictEqual(m.bus.read(0x10000002, 1), 0xcc);
  });

  it('installs HTIF for an image with tohost, overlaying RAM', () => {
    const { m, text } = board();
    const tohost = RAM + 0x1000;
    m.load(image(RAM, { tohost, fromhost: tohost + 0x40 }));
    assert.ok(m.htif);
    assert.strictEqual(m.bus.ioPages[1], 1);
    m.bus.write(tohost, 4, 0x21);
    m.bus.write(tohost + 4, 4, 0x01010000);
    assert.strictEqual(text(), '!');
    m.bus.write(tohost, 4, 3);
    m.bus.write(tohost + 4, 4, 0);
    assert.strictEqual(m.exitCode, 1);
    m.load(image());
    assert.strictEqual(m.htif, null);
    assert.strictEqual(m.bus.ioPages[1], 0);
  });

  it('offers semihosting with heap info from the loaded image and the QEMU command line', () => {
    const { m, hart, text } = board({ semihosting: true, bootargs: 'a b' });
    m.load(loadGuestBytes(Uint8Array.of(1, 2, 3, 4, 5), 'fw.bin'));
    assert.ok(hart.onSemihosting);
    const blk = RAM + 0x100000;
    const buf = RAM + 0x100100;
    m.bus.write(blk, 4, buf);
    m.bus.write(blk + 4, 4, 64);
    hart.x[10] = 0x15;
    hart.x[11] = blk;
    hart.semihosting();
    assert.strictEqual(hart.x[10], 0);
    assert.strictEqual(Buffer.from(m.bus.ram.subarray(0x100100, 0x100100 + 11)).toString(), 'fw.bin a b\0');
    m.bus.write(blk, 4, buf);
    hart.x[10] = 0x16;
    hart.x[11] = blk;
    hart.semihosting();
    // Largest gap: from the end of the image to the device tree (QEMU: image end, fdt, fdt, image end).
    assert.deepStrictEqual([0, 1, 2, 3].map((i) => m.bus.read(buf + 4 * i, 4)), [RAM + 5, 0x87e00000, 0x87e00000, RAM + 5]);
    hart.x[10] = 0x04;
    hart.x[11] = buf + 64;
    m.bus.write(buf + 64, 4, 0x216968); // "hi!"
    hart.semihosting();
    assert.strictEqual(text(), 'hi!');
    hart.x[10] = 0x18;
    hart.x[11] = 0x20026;
    hart.semihosting();
    assert.strictEqual(m.exitCode, 0);
    assert.deepStrictEqual(m.describeDevices().map((d) => d.name).slice(-1), ['semihosting']);
  });

  it('rejects unusable RAM sizes', () => {
    assert.throws(() => board({ ramSize: 1 * MiB }), /RAM size 1048576 bytes is not supported/);
    assert.throws(() => board({ ramSize: 3 * 1024 * MiB }), /not supported/);
  });
});
