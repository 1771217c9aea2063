import * as assert from 'assert';
import { BaseMnemonic } from '../../emulator/isa/types';
import { dec, translateOne, FakeHart, run, runCatching, RAM_BASE } from './fixtures';

describe('translate/rv32i-mem', () => {
  it('loads into a temp, then moves to rd', () => {
    assert.deepStrictEqual(translateOne(dec('lw', { rd: 12, rs1: 10, imm: 8 })).lines, [
      'add_i32 tmp0,x10/a0,$0x8',
      'qemu_ld_i32 tmp1,tmp0,l',
      'mov_i32 x12/a2,tmp1',
    ]);
  });
  it('uses the memop of each load and store', () => {
    const memops: [BaseMnemonic, string][] = [['lb', 'sb'], ['lh', 'sw'], ['lw', 'l'], ['lbu', 'ub'], ['lhu', 'uw'],
      ['sb', 'ub'], ['sh', 'uw'], ['sw', 'l']];
    for (const [m, memop] of memops) {
      const last = translateOne(dec(m, { rd: 1, rs1: 2, rs2: 3, imm: 4 })).lines.find((l) => l.startsWith('qemu'));
      assert.ok(last?.endsWith(',' + memop), `${m}: ${last}`);
    }
  });
  it('skips the add for a zero offset and uses a constant address for base x0', () => {
    assert.deepStrictEqual(translateOne(dec('lbu', { rd: 1, rs1: 2, imm: 0 })).lines, ['qemu_ld_i32 tmp0,x2/sp,ub', 'mov_i32 x1/ra,tmp0']);
    assert.deepStrictEqual(translateOne(dec('sw', { rs1: 0, rs2: 5, imm: 0x100 })).lines, ['qemu_st_i32 x5/t0,$0x100,l']);
  });
  it('stores rs2 at rs1 + imm', () => {
    assert.deepStrictEqual(translateOne(dec('sh', { rs1: 2, rs2: 0, imm: -2 })).lines, [
      'add_i32 tmp0,x2/sp,$0xfffffffe',
      'qemu_st_i32 $0x0,tmp0,uw',
    ]);
  });
  it('still performs a load into x0 (it may fault or touch a device)', () => {
    assert.deepStrictEqual(translateOne(dec('lw', { rd: 0, rs1: 2 })).lines, ['qemu_ld_i32 tmp0,x2/sp,l']);
    const h = new FakeHart();
    h.x[2] = 0x10;
    assert.strictEqual(runCatching(translateOne(dec('lw', { rd: 0, rs1: 2 })).block, h), 'trap');
  });
  it('leaves rd unchanged when the load faults, even when rd is the base', () => {
    const h = new FakeHart();
    h.x[10] = 0x40;
    const { block } = translateOne(dec('lw', { rd: 10, rs1: 10, imm: 4 }), 0x80000100);
    assert.strictEqual(runCatching(block, h), 'trap');
    assert.deepStrictEqual([h.x[10], h.cause, h.tval, h.x[32]], [0x40, 5, 0x44, 0x80000100 | 0]);
  });
  it('sign- and zero-extends', () => {
    const h = new FakeHart();
    h.mem.sw(RAM_BASE, 0x8081f0ff | 0);
    h.x[2] = RAM_BASE;
    const load = (m: BaseMnemonic) => {
      run(translateOne(dec(m, { rd: 5, rs1: 2 })).block, h);
      return h.x[5];
    };
    assert.deepStrictEqual([load('lb'), load('lbu'), load('lh'), load('lhu'), load('lw')],
      [-1, 0xff, -3841, 0xf0ff, 0x8081f0ff | 0]);
  });
});
