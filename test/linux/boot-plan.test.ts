/**
 * `--bios none|builtin|FILE`: where the firmware and the kernel go, how the hart starts, and the
 * reset ROM's fw_dynamic_info for a separate kernel, as QEMU 7.2's virt board does it.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { planBoot, parseBios } from '../../emulator/machine/boot-plan';
import { GuestSystem } from '../../emulator/system';
import { buildElf } from '../loader/elf-builder';
import { MINISBI, MMU, NOMMU, needLinuxFiles } from './linux-images';

const RAM = 0x80000000;
const MiB = 1024 * 1024;
const RAM_SPAN = { base: RAM, size: 128 * MiB };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-boot-plan-'));
function file(name: string, bytes: Uint8Array): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

/** A minimal RISC-V Linux Image header with the given load offset. */
function linuxImage(textOffset: number, size = 256): Uint8Array {
  const img = Buffer.alloc(size);
  img.writeUInt32LE(0x0000006f, 0); // j . (the image's first instruction)
  img.writeUInt32LE(textOffset, 8);
  img.writeUInt32LE(size, 16);
  Buffer.from('RISCV\0\0\0').copy(img, 48);
  Buffer.from('RSC\x05', 'latin1').copy(img, 56);
  return img;
}

function romWords(sys: GuestSystem, n: number): number[] {
  return Array.from({ length: n }, (_, i) => sys.machine.bus.read(0x1000 + 4 * i, 4) >>> 0);
}

describe('linux: boot plan (--bios)', function () {
  this.timeout(60_000);

  const sImage = file('Image-s', linuxImage(0x400000));
  const mImage = file('Image-m', linuxImage(0));
  const elf = file('prog.elf', buildElf({ entry: RAM + 0x10, segments: [{ paddr: RAM, data: new Uint8Array(32) }] }));
  const fw = file('fw.bin', new Uint8Array(0x4e0));

  it('reads --bios as none, builtin or a file name', () => {
    assert.deepStrictEqual([parseBios('none'), parseBios('builtin'), parseBios('fw.bin')], ['none', 'builtin', { file: 'fw.bin' }]);
  });

  it('by default gives an S-mode Linux Image the built-in firmware and the rest none', () => {
    const s = planBoot(sImage, undefined, RAM_SPAN);
    assert.deepStrictEqual([s.firmware, s.kernel.entry, s.kernel.segments[0].addr], ['builtin', RAM + 4 * MiB, RAM + 4 * MiB]);
    const m = planBoot(mImage, undefined, RAM_SPAN);
    assert.deepStrictEqual([m.firmware, m.kernel.entry], [null, RAM]);
    const e = planBoot(elf, undefined, RAM_SPAN);
    assert.deepStrictEqual([e.firmware, e.kernel.entry], [null, RAM + 0x10]);
  });

  it('--bios none puts any image at the start of RAM; builtin puts it 4 MiB up; an ELF stays where it is linked', () => {
    assert.strictEqual(planBoot(sImage, 'none', RAM_SPAN).kernel.entry, RAM);
    assert.strictEqual(planBoot(mImage, 'builtin', RAM_SPAN).kernel.entry, RAM + 4 * MiB);
    assert.strictEqual(planBoot(elf, 'builtin', RAM_SPAN).kernel.entry, RAM + 0x10);
  });

  it('--bios FILE: the firmware at RAM, the kernel at the next 4 MiB boundary past its end', () => {
    const p = planBoot(sImage, { file: fw }, RAM_SPAN);
    assert.ok(typeof p.firmware === 'object' && p.firmware !== null);
    assert.deepStrictEqual([p.firmware.entry, p.kernel.entry], [RAM, RAM + 4 * MiB]);
    const big = file('big-fw.bin', new Uint8Array(4 * MiB + 1));
    assert.strictEqual(planBoot(sImage, { file: big }, RAM_SPAN).kernel.entry, RAM + 8 * MiB);
  });

  it('refuses a kernel ELF that overlaps the firmware, and missing files, in one line naming the file', () => {
    assert.throws(() => planBoot(elf, { file: fw }, RAM_SPAN), /^Error: .*prog\.elf: segment at 0x80000000\.\.0x80000020 overlaps the firmware .*fw\.bin \(0x80000000\.\.0x800004e0\)$/);
    assert.throws(() => planBoot(sImage, { file: path.join(dir, 'nope.bin') }, RAM_SPAN), /nope\.bin: no such file$/);
    assert.throws(() => planBoot(path.join(dir, 'nope'), 'none', RAM_SPAN), /nope: no such file$/);
  });

  it('starts a firmware file from the reset ROM with fw_dynamic_info naming the kernel (S-mode)', () => {
    const sys = new GuestSystem({ guest: sImage, bios: { file: fw }, write: () => {} });
    const h = sys.machine.hart;
    assert.deepStrictEqual([h.pc, h.priv], [0x1000, 3]);
    // start address, fdt address, then fw_dynamic_info: magic, version, next_addr, next_mode (S), options, boot hart.
    assert.deepStrictEqual(romWords(sys, 16).slice(6), [RAM, 0, 0x87e00000, 0, 0x4942534f, 2, RAM + 4 * MiB, 1, 0, 0]);
    assert.strictEqual(sys.machine.bus.read(RAM + 4 * MiB, 4), 0x6f, 'the kernel is in RAM');
  });

  it('boots the shared minisbi.bin to its hand-off: the kernel\'s first instruction in S-mode, a0/a1 set', function () {
    needLinuxFiles(this, MINISBI, MMU);
    const sys = new GuestSystem({ guest: MMU, bios: { file: MINISBI }, write: () => {} });
    const h = sys.machine.hart;
    // run(1) stops after the block that ends with minisbi's mret (it changes privilege).
    for (let i = 0; i < 10_000 && h.priv !== 1; i++) sys.run(1);
    assert.deepStrictEqual([h.pc, h.priv, h.x[10], h.x[11] >>> 0], [RAM + 4 * MiB, 1, 0, sys.machine.fdtAddress]);
  });

  it('keeps booting the NOMMU kernel in M-mode at the start of RAM without --bios', function () {
    needLinuxFiles(this, NOMMU);
    const sys = new GuestSystem({ guest: NOMMU, write: () => {} });
    assert.deepStrictEqual([sys.firmware, sys.image.entry, sys.machine.hart.pc], [null, RAM, 0x1000]);
  });
});
