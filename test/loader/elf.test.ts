import * as assert from 'assert';
import { parseElf } from '../../emulator/loader/elf';
import { buildElf } from './elf-builder';

const RAM = 0x80000000;
const code = Uint8Array.of(0x6f, 0x00, 0x00, 0x00);

function expectError(bytes: Uint8Array, pattern: RegExp): void {
  assert.throws(() => parseElf(bytes, 'guest.elf'), (e: Error) => {
    assert.match(e.message, /^guest\.elf: /);
    assert.match(e.message, pattern);
    assert.ok(!e.message.includes('\n'), 'one line');
    return true;
  });
}

describe('loader/elf', () => {
  it('reads the entry, PT_LOAD segments and their sizes', () => {
    const elf = parseElf(buildElf({
      entry: RAM + 4,
      segments: [
        { paddr: RAM, data: code },
        { paddr: RAM + 0x1000, data: Uint8Array.of(1, 2), memsz: 0x100 },
        { paddr: 0, data: new Uint8Array(4), type: 0x70000003 }, // RISCV_ATTRIBUTES: not loaded
      ],
    }), 'guest.elf');
    assert.strictEqual(elf.entry, RAM + 4);
    assert.deepStrictEqual(elf.segments.map((s) => [s.paddr, s.filesz, s.memsz]), [[RAM, 4, 4], [RAM + 0x1000, 2, 0x100]]);
    assert.strictEqual(elf.headersEnd, 52 + 3 * 32);
  });

  it('keeps function, object and label symbols, dropping sections, files, undefined, absolute and local labels', () => {
    const elf = parseElf(buildElf({
      segments: [{ paddr: RAM, data: code }],
      symbols: [
        { name: 'main', value: RAM, size: 4, type: 2 },
        { name: 'counter', value: RAM + 0x100, size: 4, type: 1, bind: 0 },
        { name: '_start', value: RAM, type: 0 },
        { name: '.text', value: RAM, type: 3 },
        { name: 'crt.c', value: 0, type: 4, shndx: 0xfff1 },
        { name: 'printf', value: 0, type: 2, shndx: 0 },
        { name: '__stack_size', value: 0x1000, type: 0, shndx: 0xfff1 },
        { name: '$x', value: RAM, type: 0, bind: 0 },
        { name: '.L5', value: RAM + 2, type: 0, bind: 0 },
      ],
    }), 'guest.elf');
    assert.deepStrictEqual(elf.symbols.map((s) => `${s.name} ${s.kind} ${s.global ? 'G' : 'L'} ${s.size}`),
      ['main func G 4', 'counter object L 4', '_start label G 0']);
  });

  it('rejects a 64-bit ELF, saying what Translucent emulates', () => {
    expectError(buildElf({ class: 2, segments: [{ paddr: RAM, data: code }] }), /is a 64-bit ELF; Translucent emulates RV32/);
  });

  it('rejects another machine by name', () => {
    expectError(buildElf({ machine: 62, segments: [{ paddr: RAM, data: code }] }), /is for x86-64, not RISC-V/);
    expectError(buildElf({ machine: 999, segments: [{ paddr: RAM, data: code }] }), /is for machine 999, not RISC-V/);
  });

  it('rejects objects, shared objects and big-endian files', () => {
    expectError(buildElf({ type: 1, segments: [{ paddr: RAM, data: code }] }), /relocatable object/);
    expectError(buildElf({ type: 3, segments: [{ paddr: RAM, data: code }] }), /position-independent executable/);
    expectError(buildElf({ data: 2, segments: [{ paddr: RAM, data: code }] }), /big-endian/);
  });

  it('rejects a hard-float ABI', () => {
    expectError(buildElf({ flags: 0x5, segments: [{ paddr: RAM, data: code }] }), /ilp32d .* without floating point/);
  });

  it('reports truncation of the header, program headers, segment data and section headers', () => {
    const good = buildElf({ segments: [{ paddr: RAM, data: new Uint8Array(64) }], symbols: [{ name: 'main', value: RAM }] });
    expectError(good.subarray(0, 3), /not an ELF file/);
    expectError(good.subarray(0, 10), /truncated ELF header/);
    expectError(good.subarray(0, 40), /truncated ELF header \(40 of 52 bytes\)/);
    expectError(good.subarray(0, 60), /truncated: program headers end at 0x54 but the file has 60 bytes/);
    expectError(good.subarray(0, 100), /truncated: segment 0 needs bytes up to 0x94/);
    expectError(good.subarray(0, good.length - 10), /truncated: section headers end/);
  });

  it('rejects malformed segments and files with nothing to load', () => {
    const bad = Buffer.from(buildElf({ segments: [{ paddr: RAM, data: code }] }));
    bad.writeUInt32LE(2, 52 + 20); // memsz < filesz
    expectError(bad, /segment 0 is malformed: file size 0x4 exceeds memory size 0x2/);
    expectError(buildElf({ segments: [{ paddr: 0, data: code, type: 4 }] }), /has no loadable \(PT_LOAD\) segments/);
    expectError(buildElf({ segments: [] }), /has no program headers/);
  });
});
