import * as assert from 'assert';
import { dec, translateOne, FakeHart, run, runCatching, NO_FETCH, listing } from './fixtures';
import { translateIllegal } from '../../emulator/translate/system';
import { IRBlock, IRBuilder } from '../../emulator/ir/ir';
import { TransCtx } from '../../emulator/translate/context';

const PC = 0x80000020;
const TO_NEXT = ['mov_i32 pc,$0x80000024', 'exit_tb $0x2'];

describe('translate/system', () => {
  it('fence emits nothing and continues', () => {
    const one = translateOne(dec('fence', { pred: 15, succ: 15 }), PC);
    assert.deepStrictEqual([one.lines, one.ctx.ended], [[], false]);
  });
  it('fence.i, wfi and sfence.vma call the hart and end the block at the next instruction', () => {
    assert.deepStrictEqual(translateOne(dec('fence.i'), PC).lines, ['call fence_i', ...TO_NEXT]);
    assert.deepStrictEqual(translateOne(dec('wfi', { raw: 0x10500073 }), PC).lines, ['call wfi,$0x10500073', ...TO_NEXT]);
    assert.deepStrictEqual(translateOne(dec('sfence.vma', { rs1: 10, rs2: 0, raw: 0x12050073 }), PC).lines,
      ['call sfence_vma,x10/a0,$0x0,$0x12050073', ...TO_NEXT]);
  });
  it('xRET lets the helper set pc', () => {
    assert.deepStrictEqual(translateOne(dec('mret', { raw: 0x30200073 }), PC).lines, ['call mret,$0x30200073', 'exit_tb $0x2']);
    const h = new FakeHart();
    assert.strictEqual(run(translateOne(dec('sret', { raw: 0x10200073 }), PC).block, h), 2);
    assert.strictEqual(h.x[32], 0x5678);
  });
  it('ecall and ebreak raise with pc at the instruction', () => {
    assert.deepStrictEqual(translateOne(dec('ecall', { raw: 0x73 }), PC).lines, ['call ecall', 'exit_tb $0x2']);
    for (const [m, cause] of [['ecall', 11], ['ebreak', 3]] as const) {
      const h = new FakeHart();
      assert.strictEqual(runCatching(translateOne(dec(m), PC).block, h), 'trap');
      assert.deepStrictEqual([h.cause, h.tval, h.x[32]], [cause, 0, PC | 0]);
    }
  });
  it('an illegal instruction raises with its bits and ends the block', () => {
    const block = new IRBlock();
    const b = new IRBuilder(block);
    const ctx: TransCtx = { b, env: NO_FETCH, pc: PC, next: PC + 2, raw: 0x6081, insnIndex: 0, ended: false };
    b.insnStart(PC);
    translateIllegal(ctx);
    assert.deepStrictEqual(listing(block).slice(1), ['call illegal,$0x6081', 'exit_tb $0x2']);
    assert.strictEqual(ctx.ended, true);
    const h = new FakeHart();
    assert.strictEqual(runCatching(block, h), 'trap');
    assert.deepStrictEqual([h.cause, h.tval, h.x[32]], [2, 0x6081, PC | 0]);
  });
});
