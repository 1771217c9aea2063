import { strict as assert } from 'node:assert';
import { IRBlock, IRBuilder, PC_INDEX } from '../../emulator/ir/ir';
import { optimize } from '../../emulator/ir/optimize';
import { compileBlock, generateSource } from '../../emulator/backend/jit';
import { interpretedBlock } from '../../emulator/backend/interp';
import { Cond, MemOp, OPS, OpName } from '../../emulator/ir/ops';
import type { HartApi, MemAccess } from '../../emulator/cpu/hart-api';

/** A little-endian byte memory for back-end tests (no MMU). */
function fakeMem(size = 256): MemAccess & { bytes: Uint8Array } {
  const bytes = new Uint8Array(size);
  const dv = new DataView(bytes.buffer);
  return {
    bytes,
    lb: (a) => dv.getInt8(a), lbu: (a) => dv.getUint8(a), lh: (a) => dv.getInt16(a, true), lhu: (a) => dv.getUint16(a, true),
    lw: (a) => dv.getInt32(a, true), sb: (a, v) => dv.setInt8(a, v), sh: (a, v) => dv.setInt16(a, v, true), sw: (a, v) => dv.setInt32(a, v, true),
  };
}
const runtime = { helpers: [] };

function runBoth(block: IRBlock, regs: Record<number, number>, memInit?: (m: Uint8Array) => void) {
  const ops = optimize(block).ops;
  const results = [compileBlock(block, ops, runtime, 'tb').fn, interpretedBlock(block, ops, runtime)].map((fn) => {
    const x = new Int32Array(33);
    for (const [k, v] of Object.entries(regs)) x[Number(k)] = v;
    const m = fakeMem();
    memInit?.(m.bytes);
    const exit = fn(x, m, {} as HartApi, { execs: 0 }, 0);
    return { exit, x: Array.from(x), mem: Array.from(m.bytes) };
  });
  assert.deepEqual(results[0], results[1], 'jit and interpreter disagree');
  return results[0];
}

const EDGE = [0, 1, -1, 2, 31, 32, 0x7fffffff, -0x80000000, 0x12345678, -7, 3];
const PURE = (Object.keys(OPS) as OpName[]).filter((k) => {
  const d = OPS[k] as { ins: number; outs: number; consts: number; js?: unknown };
  return d.ins === 2 && d.outs === 1 && d.consts === 0 && d.js;
});

describe('backend: JIT and micro-op interpreter agree', () => {
  for (const name of PURE) {
    it(`${name} on edge values (registers and folded constants)`, () => {
      for (const a of EDGE) {
        for (const c of EDGE) {
          const viaRegs = new IRBlock();
          const b = new IRBuilder(viaRegs);
          b.insnStart(0);
          b.binop(name as never, 10, 11, 12);
          b.exitTb();
          const r = runBoth(viaRegs, { 11: a, 12: c });
          const folded = new IRBlock();
          const f = new IRBuilder(folded);
          f.insnStart(0);
          f.binop(name as never, 10, f.k(a), f.k(c));
          f.exitTb();
          const rf = runBoth(folded, {});
          assert.equal(rf.x[10], r.x[10], `${name}(${a}, ${c}): folding differs from execution`);
        }
      }
    });
  }

  it('division follows RISC-V (by zero, overflow)', () => {
    const cases: [OpName, number, number, number][] = [
      ['div', 7, 0, -1], ['divu', 7, 0, -1], ['rem', 7, 0, 7], ['remu', 7, 0, 7],
      ['div', -0x80000000, -1, -0x80000000], ['rem', -0x80000000, -1, 0], ['div', -7, 2, -3], ['rem', -7, 2, -1],
      ['mulh', 0, 0, 0], ['mulsh', -1, -1, 0], ['muluh', -1, -1, -2], ['mulsuh', -1, -1, -1],
    ].filter(([n]) => n in OPS) as [OpName, number, number, number][];
    for (const [name, a, c, want] of cases) {
      const block = new IRBlock();
      const b = new IRBuilder(block);
      b.insnStart(0);
      b.binop(name as never, 10, 11, 12);
      b.exitTb();
      assert.equal(runBoth(block, { 11: a, 12: c }).x[10], want, `${name}(${a}, ${c})`);
    }
  });

  it('loads, stores, branches and exit slots', () => {
    const block = new IRBlock();
    const b = new IRBuilder(block);
    b.insnStart(0x40);
    const t = b.temp();
    b.ld(t, 11, MemOp.SB);
    b.st(t, 12, MemOp.UW);
    b.setReg(10, t);
    const l = b.newLabel();
    b.brcond(Cond.LT, t, b.k(0), l);
    b.mov(b.pc, b.k(0x44));
    b.gotoTb(1);
    b.setLabel(l);
    b.mov(b.pc, b.k(0x80));
    b.gotoTb(0);
    const neg = runBoth(block, { 11: 4, 12: 8 }, (m) => { m[4] = 0x80; });
    assert.equal(neg.x[10], -128);
    assert.equal(neg.exit, 0);
    assert.equal(neg.x[PC_INDEX], 0x80);
    assert.deepEqual(neg.mem.slice(8, 10), [0x80, 0xff]);
    const pos = runBoth(block, { 11: 4, 12: 8 }, (m) => { m[4] = 0x7f; });
    assert.equal(pos.exit, 1);
    assert.equal(pos.x[PC_INDEX], 0x44);
  });

  it('syncs pc before an op that may trap, and only with numbers', () => {
    const block = new IRBlock();
    const b = new IRBuilder(block);
    b.insnStart(0x80000010);
    const t = b.temp();
    b.ld(t, 11, MemOp.UL);
    b.setReg(10, t);
    b.exitTb();
    const src = generateSource(block, optimize(block).ops, 'tb');
    assert.match(src, /x\[32\] = -2147483632;\n\s*t0 = m\.lw\(x\[11\]\);/);
  });
});
