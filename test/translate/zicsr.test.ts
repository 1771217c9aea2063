import * as assert from 'assert';
import { dec, translateOne, FakeHart, run, runCatching } from './fixtures';

const PC = 0x80000010;
const END = ['mov_i32 pc,$0x80000014', 'exit_tb $0x2'];

describe('translate/zicsr', () => {
  it('csrrw reads and writes, passing csr, bits and block index, then ends the block', () => {
    const one = translateOne(dec('csrrw', { rd: 13, rs1: 10, csr: 0x340, raw: 0x340516f3 }), PC, 3);
    assert.deepStrictEqual(one.lines, ['call csrrw,tmp0,x10/a0,$0x340,$0x340516f3,$0x3', 'mov_i32 x13/a3,tmp0', ...END]);
    assert.strictEqual(one.ctx.ended, true);
  });
  it('csrrw with rd = x0 does not read', () => {
    assert.deepStrictEqual(translateOne(dec('csrrw', { rd: 0, rs1: 5, csr: 0x305, raw: 0x30529073 }), PC).lines,
      ['call csrw,x5/t0,$0x305,$0x30529073,$0x0', ...END]);
  });
  it('csrrs/csrrc with rs1 = x0 only read and do not end the block', () => {
    for (const m of ['csrrs', 'csrrc'] as const) {
      const one = translateOne(dec(m, { rd: 10, rs1: 0, csr: 0xc00, raw: 0xc0002573 }), PC, 1);
      assert.deepStrictEqual(one.lines, ['call csrr,tmp0,$0xc00,$0xc0002573,$0x1', 'mov_i32 x10/a0,tmp0']);
      assert.strictEqual(one.ctx.ended, false);
    }
  });
  it('csrrs/csrrc with a register write, even when the register holds zero', () => {
    assert.deepStrictEqual(translateOne(dec('csrrs', { rd: 0, rs1: 6, csr: 0x300, raw: 1 }), PC).lines,
      ['call csrrs,tmp0,x6/t1,$0x300,$0x1,$0x0', ...END]);
    assert.deepStrictEqual(translateOne(dec('csrrc', { rd: 7, rs1: 6, csr: 0x300, raw: 1 }), PC).lines,
      ['call csrrc,tmp0,x6/t1,$0x300,$0x1,$0x0', 'mov_i32 x7/t2,tmp0', ...END]);
  });
  it('immediate forms pass zimm as a constant; zimm = 0 only reads', () => {
    assert.deepStrictEqual(translateOne(dec('csrrwi', { rd: 0, imm: 8, csr: 0x300, raw: 2 }), PC).lines,
      ['call csrw,$0x8,$0x300,$0x2,$0x0', ...END]);
    assert.deepStrictEqual(translateOne(dec('csrrsi', { rd: 1, imm: 8, csr: 0x300, raw: 2 }), PC).lines,
      ['call csrrs,tmp0,$0x8,$0x300,$0x2,$0x0', 'mov_i32 x1/ra,tmp0', ...END]);
    assert.deepStrictEqual(translateOne(dec('csrrci', { rd: 1, imm: 0, csr: 0x300, raw: 2 }), PC).lines,
      ['call csrr,tmp0,$0x300,$0x2,$0x0', 'mov_i32 x1/ra,tmp0']);
  });
  it('executes: old value to rd, new value in the CSR', () => {
    const h = new FakeHart();
    h.csrs.set(0x340, 11);
    h.x[10] = 22;
    assert.strictEqual(run(translateOne(dec('csrrw', { rd: 10, rs1: 10, csr: 0x340 }), PC).block, h), 2);
    assert.deepStrictEqual([h.x[10], h.csrs.get(0x340), h.x[32]], [11, 22, PC + 4 | 0]);
  });
  it('leaves rd unchanged when the access raises', () => {
    const h = new FakeHart();
    h.x[10] = 5;
    assert.strictEqual(runCatching(translateOne(dec('csrrs', { rd: 10, rs1: 0, csr: 0x7ff, raw: 0x7ff02573 }), PC).block, h), 'trap');
    assert.deepStrictEqual([h.x[10], h.cause, h.tval, h.x[32]], [5, 2, 0x7ff02573, PC | 0]);
  });
});
