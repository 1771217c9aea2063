/**
 * Decoder fields: immediates assembled from the right bits and sign-extended, compressed instructions
 * expanded to the right base operands, reserved encodings rejected and HINTs accepted. Expected
 * values come from the spec's encoding figures and from GNU as, not from fields.ts.
 */
import * as assert from 'assert';
import { decode, insnLength } from '../../emulator/isa/decoder';
import { Decoded } from '../../emulator/isa/types';

function dec(raw: number): Decoded {
  const d = decode(raw);
  assert.ok(d !== null, `0x${raw.toString(16)} should decode`);
  return d;
}

/** The slots of `d` named in `want`, for compact comparisons. */
function pick(d: Decoded, want: Partial<Decoded>): Partial<Decoded> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(want)) out[k] = d[k as keyof Decoded];
  return out as Partial<Decoded>;
}

function expectFields(raw: number, want: Partial<Decoded>): void {
  assert.deepStrictEqual(pick(dec(raw), want), want, `0x${raw.toString(16)}`);
}

/**
 * For an immediate, which instruction bit carries which immediate bit (from the spec's figures),
 * and whether the top one is the sign.
 */
interface BitMap {
  readonly base: number;
  readonly bits: readonly (readonly [insnBit: number, immBit: number])[];
  readonly signBit?: number;
}

const IMMEDIATES: Record<string, BitMap> = {
  // addi a0,a0,imm: imm[11:0] = inst[31:20]
  'I-type (addi)': { base: 0x00050513, bits: Array.from({ length: 12 }, (_, i) => [20 + i, i] as const), signBit: 11 },
  // sw a0,imm(a1): imm[11:5] = inst[31:25], imm[4:0] = inst[11:7]
  'S-type (sw)': { base: 0x00a5a023, bits: [[7, 0], [8, 1], [9, 2], [10, 3], [11, 4], [25, 5], [26, 6], [27, 7], [28, 8], [29, 9], [30, 10], [31, 11]], signBit: 11 },
  // beq a0,a1: imm[12|10:5] = inst[31:25], imm[4:1|11] = inst[11:7]
  'B-type (beq)': { base: 0x00b50063, bits: [[8, 1], [9, 2], [10, 3], [11, 4], [25, 5], [26, 6], [27, 7], [28, 8], [29, 9], [30, 10], [7, 11], [31, 12]], signBit: 12 },
  // jal a0: imm[20|10:1|11|19:12] = inst[31:12]
  'J-type (jal)': { base: 0x0000056f, bits: [[21, 1], [22, 2], [23, 3], [24, 4], [25, 5], [26, 6], [27, 7], [28, 8], [29, 9], [30, 10], [20, 11], [12, 12], [13, 13], [14, 14], [15, 15], [16, 16], [17, 17], [18, 18], [19, 19], [31, 20]], signBit: 20 },
  // lui a0: imm[31:12] = inst[31:12]
  'U-type (lui)': { base: 0x00000537, bits: Array.from({ length: 20 }, (_, i) => [12 + i, 12 + i] as const), signBit: 31 },
  // c.addi a0: imm[5] = inst[12], imm[4:0] = inst[6:2]
  'c.addi': { base: 0x0501, bits: [[2, 0], [3, 1], [4, 2], [5, 3], [6, 4], [12, 5]], signBit: 5 },
  // c.addi4spn: nzuimm[5:4|9:6|2|3] = inst[12:5]
  'c.addi4spn': { base: 0x0000, bits: [[6, 2], [5, 3], [11, 4], [12, 5], [7, 6], [8, 7], [9, 8], [10, 9]] },
  // c.lw: uimm[5:3] = inst[12:10], uimm[2|6] = inst[6:5]
  'c.lw': { base: 0x4000, bits: [[6, 2], [10, 3], [11, 4], [12, 5], [5, 6]] },
  // c.jal: imm[11|4|9:8|10|6|7|3:1|5] = inst[12:2]
  'c.jal': { base: 0x2001, bits: [[3, 1], [4, 2], [5, 3], [11, 4], [2, 5], [7, 6], [6, 7], [9, 8], [10, 9], [8, 10], [12, 11]], signBit: 11 },
  // c.addi16sp: nzimm[9] = inst[12], nzimm[4|6|8:7|5] = inst[6:2]
  'c.addi16sp': { base: 0x6101, bits: [[6, 4], [2, 5], [5, 6], [3, 7], [4, 8], [12, 9]], signBit: 9 },
  // c.lui a0: nzimm[17] = inst[12], nzimm[16:12] = inst[6:2]
  'c.lui': { base: 0x6501, bits: [[2, 12], [3, 13], [4, 14], [5, 15], [6, 16], [12, 17]], signBit: 17 },
  // c.beqz a0: offset[8|4:3] = inst[12:10], offset[7:6|2:1|5] = inst[6:2]
  'c.beqz': { base: 0xc101, bits: [[3, 1], [4, 2], [10, 3], [11, 4], [2, 5], [5, 6], [6, 7], [12, 8]], signBit: 8 },
  // c.lwsp a0: uimm[5] = inst[12], uimm[4:2|7:6] = inst[6:2]
  'c.lwsp': { base: 0x4502, bits: [[4, 2], [5, 3], [6, 4], [12, 5], [2, 6], [3, 7]] },
  // c.swsp a0: uimm[5:2|7:6] = inst[12:7]
  'c.swsp': { base: 0xc02a, bits: [[9, 2], [10, 3], [11, 4], [12, 5], [7, 6], [8, 7]] },
};

describe('isa: decoder', () => {
  describe('insnLength', () => {
    it('is 4 when the low two bits are 11, else 2', () => {
      assert.strictEqual(insnLength(0x0513), 4);
      assert.strictEqual(insnLength(0x0001), 2);
      assert.strictEqual(insnLength(0x0002), 2);
      assert.strictEqual(insnLength(0x0000), 2);
    });
    it('decodes only the low halfword of a compressed instruction', () => {
      assert.deepStrictEqual(decode(0xffff0505), decode(0x0505));
      assert.strictEqual(dec(0xffff0505).raw, 0x0505);
    });
  });

  describe('immediates: each instruction bit lands on its immediate bit', () => {
    for (const [name, map] of Object.entries(IMMEDIATES)) {
      it(name, () => {
        for (const [insnBit, immBit] of map.bits) {
          const raw = (map.base | (1 << insnBit)) >>> 0;
          const d = decode(raw);
          assert.ok(d !== null, `${name}: bit ${insnBit} set should decode`);
          const expected = immBit === map.signBit ? (immBit === 31 ? -0x80000000 : -(2 ** immBit)) : 2 ** immBit;
          assert.strictEqual(d.imm, expected, `${name}: inst[${insnBit}] should be imm[${immBit}]`);
        }
      });
    }
  });

  describe('immediate extremes', () => {
    const cases: [string, number, number][] = [
      ['addi max', 0x7ff50513, 2047], ['addi min', 0x80050513, -2048], ['addi -1', 0xfff50513, -1],
      ['sw min', 0x80a5a023, -2048], ['sw max', 0x7ea5afa3, 2047],
      ['beq min', 0x80b50063, -4096], ['bne max', 0x7eb51fe3, 4094],
      ['jal min', 0x8000006f, -(1 << 20)], ['jal max', 0x7ffff0ef, (1 << 20) - 2],
      ['lui top', 0xfffff537, -4096], ['auipc 0x80000', 0x80000517, -0x80000000],
      ['c.li -32', 0x5501, -32], ['c.li 31', 0x4ffd, 31], ['c.andi -32', 0x9901, -32],
      ['c.addi16sp -512', 0x7101, -512], ['c.addi16sp 496', 0x617d, 496],
      ['c.lui 0xfffe0', 0x7501, -0x20000], ['c.lui 0x1f', 0x657d, 0x1f000],
      ['c.j -2048', 0xb001, -2048], ['c.j 2046', 0xaffd, 2046],
      ['c.beqz -256', 0xd101, -256], ['c.bnez 254', 0xed7d, 254],
      ['c.addi4spn 1020', 0x1fe4, 1020], ['c.lwsp 252', 0x50fe, 252], ['c.swsp 252', 0xdf86, 252],
      ['c.lw 124', 0x5fe0, 124],
      ['slli 31', 0x01f59513, 31], ['srai 31', 0x41f5d513, 31], ['c.srli 31', 0x80fd, 31],
      ['csrrwi zimm 31', 0x300fd573, 31],
    ];
    for (const [name, raw, imm] of cases) {
      it(name, () => assert.strictEqual(dec(raw).imm, imm));
    }
  });

  describe('32-bit operand fields', () => {
    it('R-type registers', () => expectFields(0x01eefe33, { mnemonic: 'and', rd: 28, rs1: 29, rs2: 30 }));
    it('CSR number and rs1', () => expectFields(0x3005a573, { mnemonic: 'csrrs', rd: 10, rs1: 11, csr: 0x300 }));
    it('CSR immediate: zimm in imm, rs1 zero', () => expectFields(0x3440f573, { mnemonic: 'csrrci', rd: 10, rs1: 0, imm: 1, csr: 0x344 }));
    it('top CSR number', () => expectFields(0xfff02573, { csr: 0xfff }));
    it('AMO ordering bits', () => {
      expectFields(0x1ec5a52f, { mnemonic: 'sc.w', aq: true, rl: true, rd: 10, rs1: 11, rs2: 12 });
      expectFields(0x1405a52f, { mnemonic: 'lr.w', aq: true, rl: false, rs2: 0 });
      expectFields(0x0ac5a52f, { mnemonic: 'amoswap.w', aq: false, rl: true });
    });
    it('fence sets and fm', () => {
      expectFields(0x0ff0000f, { mnemonic: 'fence', fm: 0, pred: 15, succ: 15 });
      expectFields(0x8330000f, { mnemonic: 'fence', name: 'fence', fm: 8, pred: 3, succ: 3 });
      expectFields(0x0100000f, { mnemonic: 'fence', pred: 1, succ: 0 });
    });
    it('sfence.vma registers', () => expectFields(0x12b50073, { mnemonic: 'sfence.vma', rs1: 10, rs2: 11, rd: 0 }));
    it('raw is the unsigned word', () => assert.strictEqual(dec(0xfff50513).raw, 0xfff50513));
  });

  describe('compressed expansions', () => {
    const cases: [string, number, Partial<Decoded>][] = [
      ['c.addi4spn s1,sp,1020', 0x1fe4, { mnemonic: 'addi', name: 'c.addi4spn', rd: 9, rs1: 2, imm: 1020 }],
      ['c.lw s0,124(a5)', 0x5fe0, { mnemonic: 'lw', rd: 8, rs1: 15, imm: 124 }],
      ['c.sw s1,124(a5)', 0xdfe4, { mnemonic: 'sw', rs2: 9, rs1: 15, imm: 124, rd: 0 }],
      ['c.nop', 0x0001, { mnemonic: 'addi', name: 'c.nop', rd: 0, rs1: 0, imm: 0 }],
      ['c.addi sp,31', 0x017d, { mnemonic: 'addi', name: 'c.addi', rd: 2, rs1: 2, imm: 31 }],
      ['c.jal', 0x2001, { mnemonic: 'jal', rd: 1, imm: 0 }],
      ['c.li t6,31', 0x4ffd, { mnemonic: 'addi', rd: 31, rs1: 0, imm: 31 }],
      ['c.addi16sp sp,16', 0x6141, { mnemonic: 'addi', rd: 2, rs1: 2, imm: 16 }],
      ['c.lui s11,0xfffff', 0x7dfd, { mnemonic: 'lui', rd: 27, imm: -4096 }],
      ['c.srli s1,31', 0x80fd, { mnemonic: 'srli', rd: 9, rs1: 9, imm: 31 }],
      ['c.srai a5,31', 0x87fd, { mnemonic: 'srai', rd: 15, rs1: 15, imm: 31 }],
      ['c.andi s1,31', 0x88fd, { mnemonic: 'andi', rd: 9, rs1: 9, imm: 31 }],
      ['c.sub a0,a1', 0x8d0d, { mnemonic: 'sub', rd: 10, rs1: 10, rs2: 11 }],
      ['c.xor s0,s1', 0x8c25, { mnemonic: 'xor', rd: 8, rs1: 8, rs2: 9 }],
      ['c.or a4,a5', 0x8f5d, { mnemonic: 'or', rd: 14, rs1: 14, rs2: 15 }],
      ['c.and a0,a0', 0x8d69, { mnemonic: 'and', rd: 10, rs1: 10, rs2: 10 }],
      ['c.j', 0xa001, { mnemonic: 'jal', rd: 0, imm: 0 }],
      ['c.beqz s1', 0xc081, { mnemonic: 'beq', rs1: 9, rs2: 0, imm: 0 }],
      ['c.bnez a5', 0xe381, { mnemonic: 'bne', rs1: 15, rs2: 0, imm: 0 }],
      ['c.slli t6,31', 0x0ffe, { mnemonic: 'slli', rd: 31, rs1: 31, imm: 31 }],
      ['c.lwsp ra,252(sp)', 0x50fe, { mnemonic: 'lw', rd: 1, rs1: 2, imm: 252 }],
      ['c.jr a0', 0x8502, { mnemonic: 'jalr', rd: 0, rs1: 10, imm: 0 }],
      ['c.mv sp,s0', 0x8122, { mnemonic: 'add', rd: 2, rs1: 0, rs2: 8 }],
      ['c.ebreak', 0x9002, { mnemonic: 'ebreak', rd: 0, rs1: 0, rs2: 0 }],
      ['c.jalr a0', 0x9502, { mnemonic: 'jalr', rd: 1, rs1: 10, imm: 0 }],
      ['c.add a0,a1', 0x952e, { mnemonic: 'add', rd: 10, rs1: 10, rs2: 11 }],
      ['c.swsp ra,252(sp)', 0xdf86, { mnemonic: 'sw', rs2: 1, rs1: 2, imm: 252 }],
    ];
    for (const [name, raw, want] of cases) {
      it(name, () => {
        expectFields(raw, want);
        assert.strictEqual(dec(raw).len, 2);
      });
    }
  });

  describe('reserved and illegal encodings decode as null', () => {
    const cases: [string, number][] = [
      ['the all-zero halfword', 0x0000],
      ['c.addi4spn with nzuimm = 0', 0x0004],
      ['c.addi16sp with nzimm = 0', 0x6101],
      ['c.lui with nzimm = 0', 0x6501],
      ['c.lui zero,0', 0x6001],
      ['c.jr x0', 0x8002],
      ['c.lwsp x0', 0x4002],
      ['c.fld', 0x2000], ['c.flw / RV64 c.ld', 0x6000], ['c.fsd', 0xa000], ['c.fsw / RV64 c.sd', 0xe000],
      ['c.fldsp', 0x2002], ['c.flwsp / RV64 c.ldsp', 0x6002], ['c.fsdsp', 0xa002], ['c.fswsp / RV64 c.sdsp', 0xe002],
      ['quadrant 0 funct3 100', 0x8000],
      ['c.subw', 0x9c01], ['c.addw', 0x9c21], ['reserved quadrant 1 bit 12 ALU', 0x9c41],
      ['c.srli with shamt[5]', 0x9101], ['c.srai with shamt[5]', 0x9505], ['c.slli with shamt[5]', 0x1502],
      ['slli with shamt[5]', 0x02059513], ['srli with shamt[5]', 0x0205d513], ['srai with shamt[5]', 0x4205d513],
      ['RV64 ld', 0x00003003], ['RV64 addiw', 0x0000001b], ['RV64 amo .d', 0x0000302f],
      ['jalr funct3 != 0', 0x00051067], ['ebreak with rd', 0x00100573], ['lr.w with rs2', 0x1015a52f],
      ['sfence.vma with rd', 0x12000573], ['dret', 0x7b200073], ['uret', 0x00200073],
      ['fadd.s', 0x00000053], ['custom-0', 0x0000000b], ['a 48-bit prefix', 0x0000001f],
    ];
    for (const [name, raw] of cases) {
      it(name, () => assert.strictEqual(decode(raw), null));
    }
  });

  describe('HINTs and reserved fields that must still decode', () => {
    const cases: [string, number, Partial<Decoded>][] = [
      ['c.nop 5', 0x0015, { mnemonic: 'addi', rd: 0, imm: 5 }],
      ['c.addi a0,0', 0x0501, { mnemonic: 'addi', rd: 10, imm: 0 }],
      ['c.li zero,5', 0x4015, { mnemonic: 'addi', rd: 0, imm: 5 }],
      ['c.lui zero,1', 0x6005, { mnemonic: 'lui', rd: 0, imm: 4096 }],
      ['c.mv zero,a0', 0x802a, { mnemonic: 'add', rd: 0, rs2: 10 }],
      ['c.add zero,a0', 0x902a, { mnemonic: 'add', rd: 0, rs1: 0, rs2: 10 }],
      ['c.slli zero,1', 0x0006, { mnemonic: 'slli', rd: 0, imm: 1 }],
      ['c.slli a0,0', 0x0502, { mnemonic: 'slli', rd: 10, imm: 0 }],
      ['c.srli a0,0', 0x8101, { mnemonic: 'srli', rd: 10, imm: 0 }],
      ['c.srai a0,0', 0x8501, { mnemonic: 'srai', rd: 10, imm: 0 }],
      ['fence with rs1 and rd set', 0x0ff5058f, { mnemonic: 'fence', rd: 11, rs1: 10 }],
      ['fence with fm = 1', 0x1ff0000f, { mnemonic: 'fence', fm: 1 }],
      ['pause (fence w,0)', 0x0100000f, { mnemonic: 'fence', pred: 1, succ: 0 }],
      ['fence.i with reserved fields', 0x0010108f, { mnemonic: 'fence.i' }],
      ['csrw cycle,zero (traps at run time)', 0xc0001073, { mnemonic: 'csrrw', csr: 0xc00 }],
    ];
    for (const [name, raw, want] of cases) {
      it(name, () => expectFields(raw, want));
    }
  });
});
