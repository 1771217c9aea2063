import * as assert from 'assert';
import { dec, translateOne, FakeHart, run } from './fixtures';
import { BaseMnemonic } from '../../emulator/isa/types';

/** Executes one instruction with the given register values; returns rd's value. */
function exec(m: BaseMnemonic, rs1v: number, opnd: number, imm: boolean): number {
  const h = new FakeHart();
  h.x[6] = rs1v;
  h.x[7] = opnd;
  run(translateOne(dec(m, { rd: 5, rs1: 6, rs2: 7, imm: opnd })).block, h);
  return h.x[5];
}

describe('translate/rv32i-alu', () => {
  it('emits one op into rd for register-register forms', () => {
    const cases: [BaseMnemonic, string][] = [
      ['add', 'add_i32'], ['sub', 'sub_i32'], ['sll', 'shl_i32'], ['srl', 'shr_i32'], ['sra', 'sar_i32'],
      ['xor', 'xor_i32'], ['or', 'or_i32'], ['and', 'and_i32'],
    ];
    for (const [m, op] of cases) {
      assert.deepStrictEqual(translateOne(dec(m, { rd: 10, rs1: 11, rs2: 12 })).lines, [`${op} x10/a0,x11/a1,x12/a2`], m);
    }
  });
  it('emits one op with a constant for immediate forms', () => {
    assert.deepStrictEqual(translateOne(dec('addi', { rd: 10, rs1: 11, imm: 5 })).lines, ['add_i32 x10/a0,x11/a1,$0x5']);
    assert.deepStrictEqual(translateOne(dec('andi', { rd: 10, rs1: 11, imm: -1 })).lines, ['and_i32 x10/a0,x11/a1,$0xffffffff']);
    assert.deepStrictEqual(translateOne(dec('srai', { rd: 1, rs1: 1, imm: 31 })).lines, ['sar_i32 x1/ra,x1/ra,$0x1f']);
  });
  it('uses setcond for the comparisons', () => {
    assert.deepStrictEqual(translateOne(dec('slt', { rd: 5, rs1: 6, rs2: 7 })).lines, ['setcond_i32 x5/t0,x6/t1,x7/t2,lt']);
    assert.deepStrictEqual(translateOne(dec('sltiu', { rd: 5, rs1: 6, imm: -1 })).lines, ['setcond_i32 x5/t0,x6/t1,$0xffffffff,ltu']);
  });
  it('turns lui and auipc into constants', () => {
    assert.deepStrictEqual(translateOne(dec('lui', { rd: 10, imm: 0x12345000 })).lines, ['mov_i32 x10/a0,$0x12345000']);
    assert.deepStrictEqual(translateOne(dec('auipc', { rd: 10, imm: -4096 }), 0x80000010).lines, ['mov_i32 x10/a0,$0x7ffff010']);
  });
  it('reads x0 as the constant 0', () => {
    assert.deepStrictEqual(translateOne(dec('addi', { rd: 10, rs1: 0, imm: 7 })).lines, ['add_i32 x10/a0,$0x0,$0x7']);
    assert.deepStrictEqual(translateOne(dec('sub', { rd: 10, rs1: 0, rs2: 11 })).lines, ['sub_i32 x10/a0,$0x0,x11/a1']);
  });
  it('emits nothing when rd is x0 (nop and hints)', () => {
    for (const m of ['addi', 'add', 'slt', 'sltiu', 'lui', 'auipc', 'slli'] as const) {
      const one = translateOne(dec(m, { rd: 0, rs1: 1, rs2: 2, imm: 3 }));
      assert.deepStrictEqual(one.lines, [], m);
      assert.strictEqual(one.ctx.ended, false);
    }
  });
  it('computes RISC-V results', () => {
    assert.strictEqual(exec('sltiu', 5, -1, true), 1);
    assert.strictEqual(exec('slti', -5, 1, true), 1);
    assert.strictEqual(exec('sltu', -5, 1, false), 0);
    assert.strictEqual(exec('sra', -16, 2, false), -4);
    assert.strictEqual(exec('srl', -16, 28, false), 15);
    // Register shift amounts use only their low five bits.
    assert.strictEqual(exec('sll', 1, 33, false), 2);
    assert.strictEqual(exec('add', 0x7fffffff, 1, false), -0x80000000);
  });
});
