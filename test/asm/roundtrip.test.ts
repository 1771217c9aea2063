/**
 * Round trip through the same instruction table: assemble a sample written the way objdump prints
 * (GNU 2.40 alias spellings), disassemble our output with our disassembler, and get the sample back.
 */
import * as assert from 'assert';
import { asm } from './support/run';
import { comparedSections } from './support/sections';
import { disassembleWord } from '../../emulator/isa/disassembler';

const SAMPLE = `
start:
lui a0,0x12345
add a0,a0,1
add sp,sp,-16
sw ra,12(sp)
lw s0,8(sp)
lw a1,4(a0)
li a2,-5
li a3,1000
mv a4,a3
not a5,a4
neg a6,a5
seqz a7,a6
snez t0,a7
sltz t1,t0
sgtz t2,t1
and s1,s1,15
or a0,a1,a2
xor s0,s0,s1
sub s0,s0,s1
sll a0,a0,0x3
sra s1,s1,0x2
mul a0,a1,a2
divu a0,a1,a2
loop:
beqz a0,loop
bnez s1,loop
blt a0,a1,loop
bgez a0,loop
j loop
jal loop
jalr a0
jr a1
ret
csrr a0,mstatus
csrw mtvec,a1
csrs mie,a2
rdcycle a3
amoadd.w.aq a0,a1,(a2)
lr.w a0,(a1)
fence
fence.i
ecall
ebreak
wfi
mret
`;

describe('asm: round trip through our disassembler', () => {
  for (const rvc of [true, false]) {
    it(`gives back the source (${rvc ? 'compressed' : '.option norvc'})`, () => {
      const lines = SAMPLE.trim().split('\n');
      const r = asm((rvc ? '' : '.option norvc\n') + SAMPLE);
      assert.deepStrictEqual(r.diagnostics, []);
      const text = comparedSections(r.elf!).find((s) => s.name === '.text')!;
      const labels = new Map(r.symbols.map((s) => [s.address, s.name]));
      const out: string[] = [];
      let offset = 0;
      for (const line of lines) {
        const label = /^(\w+):$/.exec(line);
        if (label !== null) {
          assert.strictEqual(labels.get(text.addr + offset), label[1]);
          out.push(line);
          continue;
        }
        const pc = text.addr + offset;
        const raw = text.bytes.readUInt32LE(offset) >>> 0;
        const d = disassembleWord((raw & 3) === 3 ? raw : raw & 0xffff, pc, { symbolize: (a) => labels.get(a) });
        out.push(`${d.mnemonic}${d.operands === '' ? '' : ' '}${d.operands}`.replace(/[0-9a-f]+ <(\w+)>/g, '$1'));
        offset += (raw & 3) === 3 ? 4 : 2;
      }
      assert.deepStrictEqual(out, lines);
      assert.strictEqual(offset, text.bytes.length);
    });
  }
});
