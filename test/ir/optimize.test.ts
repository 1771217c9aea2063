import { strict as assert } from 'node:assert';
import { IRBlock, IRBuilder } from '../../emulator/ir/ir';
import { optimize } from '../../emulator/ir/optimize';
import { formatBlock } from '../../emulator/ir/printer';
import { Cond, MemOp } from '../../emulator/ir/ops';
import { H } from '../../emulator/translate/helpers';

function build(f: (b: IRBuilder) => void): IRBlock {
  const block = new IRBlock();
  f(new IRBuilder(block));
  return block;
}
const listing = (block: IRBlock) => formatBlock(block, optimize(block).ops);

describe('ir/optimize', () => {
  it('folds constants and propagates them into later ops', () => {
    const block = build((b) => {
      b.insnStart(0x80000000);
      const t = b.temp();
      b.binop('add', t, b.k(2), b.k(3));
      b.binop('shl', 10, t, b.k(4));
      b.mov(b.pc, b.k(0x80000004));
      b.gotoTb(0);
    });
    assert.equal(listing(block), [
      ' ---- 80000000',
      ' mov_i32 x10/a0,$0x50',
      ' mov_i32 pc,$0x80000004',
      ' goto_tb $0x0',
      '',
    ].join('\n') + '\n');
  });

  it('propagates copies and removes dead locals', () => {
    const block = build((b) => {
      b.insnStart(0x100);
      const t1 = b.temp();
      const t2 = b.temp();
      b.mov(t1, 11);
      b.binop('add', t2, t1, b.k(0)); // identity
      b.binop('xor', b.temp(), t1, t1); // dead
      b.setReg(12, t2);
      b.exitTb();
    });
    assert.equal(listing(block), ' ---- 00000100\n mov_i32 x12/a2,x11/a1\n exit_tb $0x2\n\n');
  });

  it('removes a global store overwritten before anything can observe it', () => {
    const block = build((b) => {
      b.insnStart(0x100);
      b.binop('add', 5, 6, 7);
      b.insnStart(0x104);
      b.binop('sub', 5, 6, 7);
      b.exitTb();
    });
    assert.deepEqual(listing(block).split('\n').filter((l) => l.includes('x5')), [' sub_i32 x5/t0,x6/t1,x7/t2']);
  });

  it('keeps a global store that a trapping load may observe', () => {
    const block = build((b) => {
      b.insnStart(0x100);
      b.binop('add', 5, 6, 7);
      b.insnStart(0x104);
      const t = b.temp();
      b.ld(t, 8, MemOp.UL);
      b.setReg(5, t);
      b.exitTb();
    });
    const text = listing(block);
    assert.match(text, /add_i32 x5\/t0,x6\/t1,x7\/t2/);
    assert.match(text, /qemu_ld_i32 tmp0,x8\/s0,l/);
  });

  it('folds a branch on constants and keeps liveness across labels', () => {
    const block = build((b) => {
      b.insnStart(0x200);
      const l = b.newLabel();
      const t = b.temp();
      b.binop('add', t, 10, b.k(1));
      b.brcond(Cond.EQ, b.k(1), b.k(2), l); // never taken: removed
      b.brcond(Cond.LT, 10, b.k(0), l);
      b.mov(b.pc, b.k(0x204));
      b.gotoTb(1);
      b.setLabel(l);
      b.setReg(11, t); // t is live across the branch
      b.mov(b.pc, b.k(0x300));
      b.gotoTb(0);
    });
    const text = listing(block);
    assert.doesNotMatch(text, /\$0x1,\$0x2/);
    assert.match(text, /add_i32 tmp0,x10\/a0,\$0x1/);
    assert.match(text, /brcond_i32 x10\/a0,\$0x0,lt,\$L0/);
    assert.match(text, /mov_i32 x11\/a1,tmp0/);
  });

  it('forgets copies of a global when the global is rewritten', () => {
    const block = build((b) => {
      b.insnStart(0x100);
      const t = b.temp();
      b.mov(t, 5);
      b.binop('add', 5, 5, b.k(1));
      b.setReg(6, t);
      b.exitTb();
    });
    const text = listing(block);
    assert.match(text, /mov_i32 tmp0,x5\/t0/);
    assert.match(text, /mov_i32 x6\/t1,tmp0/);
  });

  it('keeps what it knows of registers across a helper that does not write them, and forgets it across one that does', () => {
    const block = build((b) => {
      b.insnStart(0x100);
      b.mov(5, b.k(0x1000));
      const t = b.temp();
      b.call(H.csrr, t, [], [0xf14, 0xf1402573, 1]);
      b.setReg(10, t);
      const a = b.temp();
      b.binop('add', a, 5, b.k(0x20));
      b.ld(b.temp(), a, MemOp.UL);
      b.call(H.semihosting, -1, []);
      const c = b.temp();
      b.binop('add', c, 5, b.k(4));
      b.ld(b.temp(), c, MemOp.UL);
      b.exitTb();
    });
    const text = listing(block);
    assert.match(text, /qemu_ld_i32 tmp\d+,\$0x1020,l/, 'folded across csrr');
    assert.match(text, /add_i32 tmp\d+,x5\/t0,\$0x4/, 'not folded across semihosting (writes a0)');
  });
});
