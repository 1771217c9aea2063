import * as assert from 'assert';
import { TRAP_SIGNAL } from '../../emulator/cpu/trap-signal';
import { translateBlock, TranslatedBlock } from '../../emulator/translate/translator';
import { CodeEnv, listing } from './fixtures';

const BASE = 0x80000000;

// Encodings (from riscv64-unknown-elf-as).
const ADDI = 0x00558513; //       addi a0,a1,5
const LW = 0x00852603; //         lw a2,8(a0)
const BEQ = 0x00c50463; //        beq a0,a2,.+8
const CSRRW = 0x340516f3; //      csrrw a3,mscratch,a0
const CSRR_MCYCLE = 0xb0002573; // csrr a0,mcycle
const JAL = 0x010000ef; //        jal ra,.+16
const JALR = 0x004680e7; //       jalr ra,4(a3)
const ECALL = 0x00000073;
const EBREAK = 0x00100073;
const MRET = 0x30200073;
const SRET = 0x10200073;
const WFI = 0x10500073;
const FENCE_I = 0x0000100f;
const SFENCE_VMA = 0x12000073;
const FENCE = 0x0ff0000f;
const ADD = 0x00b50533; //        add a0,a0,a1
const ADDI_X0 = 0x00a00013; //    addi x0,x0,10
const SLLI_X0 = 0x01f01013;
const SRAI_X0 = 0x40705013;
const C_ADDI = 0x0505; //         c.addi a0,1
const C_J = 0xa011; //            c.j .+4
const C_EBREAK = 0x9002;
const C_JR = 0x8082; //           c.jr ra
const C_NOP = 0x0001;
const ILLEGAL16 = 0x0000;
const ILLEGAL32 = 0xffffff83 | 0;

function translate(insns: number[], opts: { base?: number; max?: number; limit?: number; semihosting?: boolean } = {}) {
  const env = new CodeEnv(opts.base ?? BASE, insns, opts.limit, opts.semihosting ?? false);
  const tb = translateBlock(env, opts.base ?? BASE, opts.max ?? 64);
  return { env, tb, lines: listing(tb.ir) };
}
const pcs = (tb: TranslatedBlock) => tb.insns.map((i) => i.pc >>> 0);
const tail = (lines: string[], n = 2) => lines.slice(-n);

describe('translate/translator', () => {
  describe('instructions', () => {
    it('starts every instruction with insn_start and records what it translated', () => {
      const { tb, lines } = translate([ADDI, C_ADDI, LW], { max: 3 });
      assert.deepStrictEqual(tb.insns.map((i) => [i.pc >>> 0, i.len, i.raw >>> 0, i.decoded?.mnemonic]), [
        [BASE, 4, ADDI, 'addi'], [BASE + 4, 2, C_ADDI, 'addi'], [BASE + 6, 4, LW, 'lw'],
      ]);
      assert.deepStrictEqual(lines.filter((l) => l.startsWith('----')), ['---- 80000000', '---- 80000004', '---- 80000006']);
      assert.deepStrictEqual([tb.pc >>> 0, tb.size], [BASE, 10]);
    });
    it('continues through chain slot 0 when straight-line code hits the size limit', () => {
      const { tb, lines } = translate([ADDI, ADD, ADD], { max: 2 });
      assert.deepStrictEqual(pcs(tb), [BASE, BASE + 4]);
      assert.deepStrictEqual(tail(lines), ['mov_i32 pc,$0x80000008', 'goto_tb $0x0']);
    });
    it('translates at least one instruction whatever the limit', () => {
      assert.strictEqual(translate([ADDI, ADDI], { max: 0 }).tb.insns.length, 1);
      assert.strictEqual(translate([ADDI, ADDI], { max: 1 }).tb.insns.length, 1);
    });
    it('emits nothing but insn_start for a write to x0', () => {
      const { lines } = translate([ADDI_X0], { max: 1 });
      assert.deepStrictEqual(lines, ['---- 80000000', 'mov_i32 pc,$0x80000004', 'goto_tb $0x0']);
    });
    it('passes each instruction its index in the block (CSR reads count retired instructions)', () => {
      const { lines } = translate([ADDI, C_NOP, CSRR_MCYCLE], { max: 3 });
      assert.ok(lines.includes(`call csrr,tmp0,$0xb00,$0x${CSRR_MCYCLE.toString(16)},$0x2`), lines.join('\n'));
    });
  });

  describe('block ends', () => {
    const enders: [string, number][] = [
      ['beq', BEQ], ['jal', JAL], ['jalr', JALR], ['ecall', ECALL], ['ebreak', EBREAK], ['mret', MRET],
      ['sret', SRET], ['wfi', WFI], ['fence.i', FENCE_I], ['sfence.vma', SFENCE_VMA], ['csrrw', CSRRW],
      ['c.j', C_J], ['c.jr', C_JR], ['c.ebreak', C_EBREAK], ['illegal16', ILLEGAL16], ['illegal32', ILLEGAL32],
    ];
    for (const [name, insn] of enders) {
      it(`ends after ${name}`, () => {
        const { tb, lines } = translate([ADDI, insn, ADDI, ADDI]);
        assert.deepStrictEqual(pcs(tb), [BASE, BASE + 4]);
        assert.match(lines[lines.length - 1], /^(goto_tb|exit_tb)/);
      });
    }
    it('does not end after fence, a CSR read, AMO-free ALU code', () => {
      const { tb } = translate([FENCE, CSRR_MCYCLE, ADD], { max: 3 });
      assert.strictEqual(tb.insns.length, 3);
    });
    it('a CSR write continues at the next instruction through a lookup', () => {
      const { lines } = translate([ADDI, CSRRW]);
      assert.deepStrictEqual(tail(lines), ['mov_i32 pc,$0x80000008', 'exit_tb $0x2']);
    });
    it('raises illegal instruction with the instruction bits', () => {
      assert.deepStrictEqual(tail(translate([ILLEGAL16]).lines), ['call illegal,$0x0', 'exit_tb $0x2']);
      assert.deepStrictEqual(tail(translate([ILLEGAL32]).lines), ['call illegal,$0xffffff83', 'exit_tb $0x2']);
      assert.strictEqual(translate([ILLEGAL16]).tb.insns[0].decoded, null);
    });
  });

  describe('pages', () => {
    it('stops before an instruction in the next page', () => {
      const { tb, lines } = translate([ADDI, ADDI, ADDI], { base: 0x80000ff8 });
      assert.deepStrictEqual(pcs(tb), [0x80000ff8, 0x80000ffc]);
      assert.deepStrictEqual(tail(lines), ['mov_i32 pc,$0x80001000', 'goto_tb $0x0']);
      assert.strictEqual(tb.size, 8);
    });
    it('stops before a later 4-byte instruction that would straddle the page end, without fetching past it', () => {
      const { tb, env, lines } = translate([C_NOP, ADDI], { base: 0x80000ffc });
      assert.deepStrictEqual(pcs(tb), [0x80000ffc]);
      assert.deepStrictEqual(tail(lines), ['mov_i32 pc,$0x80000ffe', 'goto_tb $0x0']);
      assert.ok(!env.fetched.includes(0x80001000));
    });
    it('allows a later 2-byte instruction in the last halfword', () => {
      assert.deepStrictEqual(pcs(translate([C_NOP, C_NOP, C_NOP], { base: 0x80000ffc }).tb), [0x80000ffc, 0x80000ffe]);
    });
    it('allows a straddling instruction first, then stops at the page it ran into', () => {
      const { tb, lines } = translate([ADDI, ADDI], { base: 0x80000ffe });
      assert.deepStrictEqual([pcs(tb), tb.size], [[0x80000ffe], 4]);
      assert.deepStrictEqual(tail(lines), ['mov_i32 pc,$0x80001002', 'goto_tb $0x0']);
    });
  });

  describe('fetch faults', () => {
    it('propagate from the first instruction', () => {
      const env = new CodeEnv(BASE, [ADDI]);
      assert.throws(() => translateBlock(env, BASE - 4, 8), (e: unknown) => e === TRAP_SIGNAL);
      assert.strictEqual(env.faultVa, BASE - 4);
    });
    it('propagate from the second half of a straddling first instruction, at the second half (QEMU tval)', () => {
      const env = new CodeEnv(0x80000ffe, [ADDI], 0x80001000);
      assert.throws(() => translateBlock(env, 0x80000ffe, 8), (e: unknown) => e === TRAP_SIGNAL);
      assert.strictEqual(env.faultVa, 0x80001000);
    });
    it('end the block before a later instruction that cannot be fetched', () => {
      const { tb, lines } = translate([ADDI, ADDI, ADDI], { limit: BASE + 8 });
      assert.deepStrictEqual(pcs(tb), [BASE, BASE + 4]);
      assert.deepStrictEqual(tail(lines), ['mov_i32 pc,$0x80000008', 'goto_tb $0x0']);
    });
  });

  describe('semihosting', () => {
    it('turns the marked ebreak into a semihosting call that continues after it', () => {
      const { tb, lines } = translate([SLLI_X0, EBREAK, SRAI_X0], { semihosting: true });
      assert.deepStrictEqual(pcs(tb), [BASE, BASE + 4]);
      assert.deepStrictEqual(tail(lines, 3), ['call semihosting', 'mov_i32 pc,$0x80000008', 'exit_tb $0x2']);
    });
    it('leaves it an ebreak when semihosting is off', () => {
      assert.deepStrictEqual(tail(translate([SLLI_X0, EBREAK, SRAI_X0]).lines), ['call ebreak', 'exit_tb $0x2']);
    });
    it('detects it in a block starting at the ebreak', () => {
      const env = new CodeEnv(BASE, [SLLI_X0, EBREAK, SRAI_X0], undefined, true);
      assert.ok(listing(translateBlock(env, BASE + 4, 8).ir).includes('call semihosting'));
    });
  });
});
