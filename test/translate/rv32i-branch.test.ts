import * as assert from 'assert';
import { BaseMnemonic } from '../../emulator/isa/types';
import { dec, translateOne, FakeHart, run } from './fixtures';

const PC = 0x80000100;

describe('translate/rv32i-branch', () => {
  it('branches: taken through slot 0, fall-through through slot 1', () => {
    const one = translateOne(dec('beq', { rs1: 10, rs2: 12, imm: -8 }), PC);
    assert.deepStrictEqual(one.lines, [
      'brcond_i32 x10/a0,x12/a2,eq,$L0',
      'mov_i32 pc,$0x80000104',
      'goto_tb $0x1',
      'set_label $L0',
      'mov_i32 pc,$0x800000f8',
      'goto_tb $0x0',
    ]);
    assert.strictEqual(one.ctx.ended, true);
  });
  it('falls through by the instruction length (compressed branch)', () => {
    assert.ok(translateOne(dec('bne', { len: 2, rs1: 8, imm: 6 }), PC).lines.includes('mov_i32 pc,$0x80000102'));
  });
  it('evaluates every condition as RISC-V does', () => {
    const table: [BaseMnemonic, number, number, boolean][] = [
      ['beq', 3, 3, true], ['bne', 3, 3, false], ['blt', -1, 0, true], ['bge', -1, 0, false],
      ['bltu', -1, 0, false], ['bgeu', -1, 0, true], ['bge', 5, 5, true], ['bltu', 1, 2, true],
    ];
    for (const [m, a, b, taken] of table) {
      const h = new FakeHart();
      h.x[1] = a;
      h.x[2] = b;
      const exit = run(translateOne(dec(m, { rs1: 1, rs2: 2, imm: 0x40 }), PC).block, h);
      assert.deepStrictEqual([exit, h.x[32]], taken ? [0, PC + 0x40 | 0] : [1, PC + 4 | 0], `${m} ${a} ${b}`);
    }
  });
  it('jal links pc + length and jumps through slot 0', () => {
    assert.deepStrictEqual(translateOne(dec('jal', { rd: 1, imm: 0x800, len: 2 }), PC).lines, [
      'mov_i32 x1/ra,$0x80000102',
      'mov_i32 pc,$0x80000900',
      'goto_tb $0x0',
    ]);
    assert.deepStrictEqual(translateOne(dec('jal', { rd: 0, imm: -4 }), PC).lines, ['mov_i32 pc,$0x800000fc', 'goto_tb $0x0']);
  });
  it('jalr computes the target (bit 0 cleared) before writing rd, and leaves as an indirect jump', () => {
    const one = translateOne(dec('jalr', { rd: 1, rs1: 1, imm: 3 }), PC);
    assert.deepStrictEqual(one.lines, [
      'add_i32 pc,x1/ra,$0x3',
      'and_i32 pc,pc,$0xfffffffe',
      'mov_i32 x1/ra,$0x80000104',
      'exit_tb $0x4',
    ]);
    const h = new FakeHart();
    h.x[1] = 0x2000;
    assert.strictEqual(run(one.block, h), 4);
    assert.deepStrictEqual([h.x[32], h.x[1]], [0x2002, PC + 4 | 0]);
  });
});
