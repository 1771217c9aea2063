/** The disassembler's API and objdump's line layout (the golden and differential tests cover spelling). */
import * as assert from 'assert';
import { decode } from '../../emulator/isa/decoder';
import { disassemble, disassembleWord, formatAddress } from '../../emulator/isa/disassembler';
import { ObjdumpListing, formatObjdumpLine } from '../../emulator/isa/objdump-listing';
import { Decoded } from '../../emulator/isa/types';

function dec(raw: number): Decoded {
  const d = decode(raw);
  assert.ok(d !== null);
  return d;
}

const PC = 0x80000000;

describe('isa: disassembler', () => {
  it('prints aliases by default and canonical forms with aliases: false', () => {
    assert.deepStrictEqual(disassemble(dec(0x00058513), PC), { mnemonic: 'mv', operands: 'a0,a1' });
    assert.deepStrictEqual(disassemble(dec(0x00058513), PC, { aliases: false }), { mnemonic: 'addi', operands: 'a0,a1,0' });
    assert.deepStrictEqual(disassemble(dec(0x852e), PC), { mnemonic: 'mv', operands: 'a0,a1' });
    assert.deepStrictEqual(disassemble(dec(0x852e), PC, { aliases: false }), { mnemonic: 'c.mv', operands: 'a0,a1' });
  });

  it('reports branch and jump targets', () => {
    const j = disassemble(dec(0xffdff0ef), 0x80000024);
    assert.deepStrictEqual(j, { mnemonic: 'jal', operands: '0x80000020', target: 0x80000020 });
    assert.strictEqual(disassemble(dec(0x80b50063), 0x800000b0).target, 0x7ffff0b0);
    assert.strictEqual(disassemble(dec(0xb001), 0x80000800).target, 0x80000000);
    assert.strictEqual(disassemble(dec(0x00a50533), PC).target, undefined);
  });

  it('names addresses through the symbolizer, objdump style', () => {
    const symbolize = (a: number): string | undefined => (a === 0x80000020 ? 'jumps' : undefined);
    assert.strictEqual(disassemble(dec(0xffdff0ef), 0x80000024, { symbolize }).operands, '80000020 <jumps>');
    assert.strictEqual(formatAddress(0x1c, () => '_start-0x7fffffe4'), '1c <_start-0x7fffffe4>');
    assert.strictEqual(formatAddress(0xfffff000), '0xfffff000');
  });

  it('prints CSR names, or the number in hex', () => {
    assert.strictEqual(disassemble(dec(0xf1502573), PC).operands, 'a0,mconfigptr');
    assert.strictEqual(disassemble(dec(0x7ff02573), PC).operands, 'a0,0x7ff');
  });

  it('prints words it cannot decode as objdump does', () => {
    assert.deepStrictEqual(disassembleWord(0x2000, PC), { mnemonic: '.2byte', operands: '0x2000' });
    assert.deepStrictEqual(disassembleWord(0x0000000b, PC), { mnemonic: '.4byte', operands: '0xb' });
    assert.deepStrictEqual(disassembleWord(0x0000, PC), { mnemonic: 'unimp', operands: '' });
    assert.deepStrictEqual(disassembleWord(0x0000, PC, { aliases: false }), { mnemonic: 'c.unimp', operands: '' });
    // Decoded (reserved fields are ignored) but objdump has no name for it.
    assert.deepStrictEqual(disassemble(dec(0x0ff5000f), PC), { mnemonic: '.4byte', operands: '0xff5000f' });
  });

  it('uses optional-extension spellings only when enabled', () => {
    assert.strictEqual(disassemble(dec(0x0100000f), PC).mnemonic, 'fence');
    assert.strictEqual(disassemble(dec(0x0100000f), PC, { extensions: ['Zihintpause'] }).mnemonic, 'pause');
  });
});

describe('isa: objdump listing', () => {
  it('lays out a line as objdump -d does', () => {
    assert.strictEqual(formatObjdumpLine(PC, 0x00150513, 4, { mnemonic: 'add', operands: 'a0,a0,1' }),
      '80000000:\t00150513          \tadd\ta0,a0,1');
    assert.strictEqual(formatObjdumpLine(PC + 2, 0x0001, 2, { mnemonic: 'nop', operands: '' }),
      '80000002:\t0001                \tnop');
    assert.strictEqual(formatObjdumpLine(PC, 0x00450503, 4, { mnemonic: 'lb', operands: 'a0,4(a0)' }, '0x12345004'),
      '80000000:\t00450503          \tlb\ta0,4(a0) # 0x12345004');
  });

  it('narrows the address column as objdump does for low sections', () => {
    const line = (pc: number, end: number): string => formatObjdumpLine(pc, 0x0001, 2, { mnemonic: 'nop', operands: '' }, undefined, end);
    assert.ok(line(0x0, 0x66).startsWith('   0:\t'));
    assert.ok(line(0x12, 0x66).startsWith('  12:\t'));
    assert.ok(line(0x1000, 0x2000).startsWith('    1000:\t'));
  });

  it('remembers lui/auipc values until a base-register use consumes them', () => {
    const listing = new ObjdumpListing();
    listing.line(PC, 0x12345537);
    assert.strictEqual(listing.line(PC + 4, 0x00a50533).comment, undefined);
    assert.strictEqual(listing.line(PC + 8, 0x00450513).comment, 0x12345004);
    assert.strictEqual(listing.line(PC + 12, 0x00450513).comment, undefined);
    listing.line(PC + 16, 0x00000517);
    assert.strictEqual(listing.line(PC + 20, 0x00050067).text, '80000014:\t00050067          \tjr\ta0 # 0x80000010');
  });

  it('resolves gp-relative addresses when told where gp points', () => {
    assert.strictEqual(new ObjdumpListing({ gp: 0x80000800 }).line(PC, 0x0101a503).comment, 0x80000810);
    assert.strictEqual(new ObjdumpListing().line(PC, 0x0101a503).comment, undefined);
  });
});
