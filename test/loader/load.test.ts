import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadGuest, loadGuestBytes } from '../../emulator/loader/load';
import { buildElf } from './elf-builder';

const RAM = 0x80000000;

function oneLineError(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: Error) => {
    assert.match(e.message, pattern);
    assert.ok(!e.message.includes('\n'));
    return true;
  });
}

describe('loader/load', () => {
  it('turns an ELF into zero-filled segments, entry, symbols and HTIF addresses', () => {
    const img = loadGuestBytes(buildElf({
      entry: RAM,
      segments: [{ paddr: RAM, data: Uint8Array.of(1, 2, 3, 4) }, { paddr: RAM + 0x2000, data: Uint8Array.of(9), memsz: 16 }],
      symbols: [{ name: 'tohost', value: RAM + 0x3000, size: 8, type: 1 }, { name: 'fromhost', value: RAM + 0x3040, size: 8, type: 1 }],
    }), 'g.elf');
    assert.strictEqual(img.format, 'elf');
    assert.strictEqual(img.entry, RAM);
    assert.deepStrictEqual(img.segments.map((s) => [s.addr, [...s.data]]), [
      [RAM, [1, 2, 3, 4]], [RAM + 0x2000, [9, ...new Array(15).fill(0)]],
    ]);
    assert.strictEqual(img.tohost, RAM + 0x3000);
    assert.strictEqual(img.fromhost, RAM + 0x3040);
    assert.strictEqual(img.symbols.describe(RAM + 0x3004), 'tohost+0x4');
  });

  it('loads by physical address', () => {
    const img = loadGuestBytes(buildElf({ segments: [{ paddr: RAM + 0x1000, vaddr: 0xc0001000, data: Uint8Array.of(1) }] }), 'g.elf');
    assert.strictEqual(img.segments[0].addr, RAM + 0x1000);
  });

  it('names the address of a segment outside RAM', () => {
    oneLineError(() => loadGuestBytes(buildElf({ segments: [{ paddr: 0x20000000, data: Uint8Array.of(1) }] }), 'g.elf'),
      /^g\.elf: segment at 0x20000000\.\.0x20000001 lies outside RAM \(0x80000000\.\.0x88000000, 128 MiB\)$/);
    oneLineError(() => loadGuestBytes(buildElf({ segments: [{ paddr: RAM + 0x7fff000, data: Uint8Array.of(1), memsz: 0x2000 }] }), 'g.elf'),
      /segment at 0x87fff000\.\.0x88001000 lies outside RAM/);
    oneLineError(() => loadGuestBytes(buildElf({ segments: [{ paddr: RAM + 0x100000, data: Uint8Array.of(1) }] }), 'g.elf', { ramSize: 1 << 20 }),
      /0x80100000.*1 MiB/);
  });

  it('drops ELF headers that `ld -Ttext` maps just below RAM, as QEMU does', () => {
    const code = Uint8Array.of(0x6f, 0, 0, 0);
    // The first segment starts at file offset 0 (headers), 0x1000 bytes below the code at RAM.
    const file = new Uint8Array(0x1004);
    const elf = buildElf({ segments: [{ paddr: RAM - 0x1000, data: file, offset: 0 }] });
    const bytes = new Uint8Array(Math.max(elf.length, 0x1004));
    bytes.set(elf);
    bytes.set(code, 0x1000);
    const img = loadGuestBytes(bytes, 'g.elf');
    assert.strictEqual(img.format, 'elf');
    assert.deepStrictEqual(img.segments.map((s) => [s.addr, s.data.length]), [[RAM, 4]]);
    assert.deepStrictEqual([...img.segments[0].data], [...code]);
    // Anything but headers and padding below RAM is still an error.
    bytes[0x800] = 1;
    oneLineError(() => loadGuestBytes(bytes, 'g.elf'), /segment at 0x7ffff000/);
  });

  it('places a raw binary at the start of RAM or a given address', () => {
    const raw = loadGuestBytes(Uint8Array.of(0x13, 0, 0, 0), 'fw.bin');
    assert.deepStrictEqual([raw.format, raw.entry, raw.segments[0].addr], ['raw', RAM, RAM]);
    const at = loadGuestBytes(Uint8Array.of(0x13, 0, 0, 0), 'fw.bin', { loadAddress: RAM + 0x200000 });
    assert.strictEqual(at.entry, RAM + 0x200000);
    oneLineError(() => loadGuestBytes(Uint8Array.of(1), 'fw.bin', { loadAddress: 0x1000 }), /^fw\.bin: raw image at 0x1000\.\.0x1001 lies outside RAM/);
    oneLineError(() => loadGuestBytes(new Uint8Array(0), 'fw.bin'), /^fw\.bin: is empty$/);
  });

  it('recognises a RISC-V Linux Image by its header and checks its effective size', () => {
    const img = Buffer.alloc(128);
    img.writeUInt32LE(0x40000, 16); // image_size
    Buffer.from('RISCV\0\0\0').copy(img, 48);
    Buffer.from('RSC\x05', 'latin1').copy(img, 56);
    const linux = loadGuestBytes(img, 'Image');
    assert.deepStrictEqual([linux.format, linux.entry, linux.segments[0].data.length], ['linux', RAM, 128]);
    img.writeUInt32LE(0x10000000, 16);
    oneLineError(() => loadGuestBytes(img, 'Image'), /^Image: Linux image at 0x80000000\.\.0x90000000 lies outside RAM/);
    assert.strictEqual(loadGuestBytes(img, 'Image', { format: 'raw' }).format, 'raw');
  });

  it('reports unreadable files in one line', () => {
    oneLineError(() => loadGuest('/nonexistent/guest.elf'), /^\/nonexistent\/guest\.elf: no such file$/);
    oneLineError(() => loadGuest(os.tmpdir()), /is a directory$/);
  });

  it('loads a real guest built by the toolchain, when present', function () {
    const file = path.join(__dirname, '../../../test/guests/bin/hello-asm.elf');
    if (!fs.existsSync(file)) this.skip();
    const img = loadGuest(file);
    assert.strictEqual(img.format, 'elf');
    assert.ok(img.segments.every((s) => s.addr >= RAM && s.addr + s.data.length <= RAM + 128 * 1024 * 1024));
    assert.ok(img.symbols.lookup(img.entry) !== undefined, 'the entry point has a symbol');
  });
});
