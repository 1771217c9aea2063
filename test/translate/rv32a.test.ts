import * as assert from 'assert';
import { AmoOp } from '../../emulator/cpu/hart-api';
import { BaseMnemonic } from '../../emulator/isa/types';
import { dec, translateOne, FakeHart, run, runCatching, RAM_BASE } from './fixtures';

describe('translate/rv32a', () => {
  it('each AMO is one amo helper call with its operation, then rd', () => {
    const ops: [BaseMnemonic, AmoOp][] = [
      ['amoswap.w', AmoOp.Swap], ['amoadd.w', AmoOp.Add], ['amoxor.w', AmoOp.Xor], ['amoand.w', AmoOp.And],
      ['amoor.w', AmoOp.Or], ['amomin.w', AmoOp.Min], ['amomax.w', AmoOp.Max], ['amominu.w', AmoOp.Minu],
      ['amomaxu.w', AmoOp.Maxu],
    ];
    for (const [m, op] of ops) {
      assert.deepStrictEqual(translateOne(dec(m, { rd: 10, rs1: 11, rs2: 12 })).lines, [
        `call amo,tmp0,x11/a1,x12/a2,$0x${op.toString(16)},$0xa`,
        'mov_i32 x10/a0,tmp0',
      ], m);
    }
  });
  it('lr.w and sc.w call their helpers', () => {
    assert.deepStrictEqual(translateOne(dec('lr.w', { rd: 10, rs1: 11 })).lines, ['call lr,tmp0,x11/a1', 'mov_i32 x10/a0,tmp0']);
    assert.deepStrictEqual(translateOne(dec('sc.w', { rd: 10, rs1: 11, rs2: 12 })).lines, ['call sc,tmp0,x11/a1,x12/a2,$0xa', 'mov_i32 x10/a0,tmp0']);
  });
  it('does not end the block', () => {
    assert.strictEqual(translateOne(dec('amoadd.w', { rd: 1, rs1: 2, rs2: 3 })).ctx.ended, false);
  });
  it('runs an AMO and an lr/sc pair', () => {
    const h = new FakeHart();
    h.mem.sw(RAM_BASE, 40);
    h.x[11] = RAM_BASE;
    h.x[12] = 2;
    run(translateOne(dec('amoadd.w', { rd: 11, rs1: 11, rs2: 12 })).block, h);
    assert.deepStrictEqual([h.x[11], h.mem.lw(RAM_BASE)], [40, 42]);
    h.x[11] = RAM_BASE;
    run(translateOne(dec('lr.w', { rd: 5, rs1: 11 })).block, h);
    run(translateOne(dec('sc.w', { rd: 6, rs1: 11, rs2: 12 })).block, h);
    assert.deepStrictEqual([h.x[5], h.x[6], h.mem.lw(RAM_BASE)], [42, 0, 2]);
  });
  it('leaves rd unchanged when the AMO faults', () => {
    const h = new FakeHart();
    h.x[11] = 0x10;
    h.x[10] = 99;
    assert.strictEqual(runCatching(translateOne(dec('amoswap.w', { rd: 10, rs1: 11, rs2: 12 })).block, h), 'trap');
    assert.deepStrictEqual([h.x[10], h.cause], [99, 7]);
  });
});
