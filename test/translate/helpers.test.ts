import * as assert from 'assert';
import { AmoOp } from '../../emulator/cpu/hart-api';
import { TRAP_SIGNAL } from '../../emulator/cpu/trap-signal';
import { helperShape } from '../../emulator/ir/ir';
import { OpFlag } from '../../emulator/ir/ops';
import { HELPERS, H, HelperName } from '../../emulator/translate/helpers';
import { FakeHart } from './fixtures';

function call(h: FakeHart, name: HelperName, ...args: number[]): number | void {
  return HELPERS[H[name]].fn(h, ...args);
}
function trapOf(h: FakeHart, f: () => unknown): [number, number] {
  assert.throws(f, (e: unknown) => e === TRAP_SIGNAL);
  return [h.cause, h.tval];
}

describe('translate/helpers', () => {
  describe('table', () => {
    it('gives each helper its index as id and registers the shapes with the IR', () => {
      HELPERS.forEach((helper, i) => {
        assert.strictEqual(H[helper.name as HelperName], i);
        assert.strictEqual(helperShape(i), helper);
      });
      assert.strictEqual(new Set(HELPERS.map((x) => x.name)).size, HELPERS.length);
    });
    it('declares as many parameters as the hart, inputs and constants', () => {
      for (const helper of HELPERS) assert.strictEqual(helper.fn.length, 1 + helper.ins + helper.consts, helper.name);
    });
    it('never ends a block (exit_tb does) and marks every raising helper MayTrap', () => {
      for (const helper of HELPERS) {
        assert.strictEqual(helper.flags & OpFlag.BlockEnd, 0, helper.name);
        assert.strictEqual(!!(helper.flags & OpFlag.MayTrap), helper.name !== 'fence_i', helper.name);
      }
    });
  });

  describe('exceptions', () => {
    it('ecall raises 8/9/11 by privilege with tval 0', () => {
      for (const [priv, cause] of [[0, 8], [1, 9], [3, 11]]) {
        const h = new FakeHart();
        h.priv = priv;
        assert.deepStrictEqual(trapOf(h, () => call(h, 'ecall')), [cause, 0]);
      }
    });
    it('ebreak raises breakpoint with tval 0 (QEMU 7.2)', () => {
      const h = new FakeHart();
      assert.deepStrictEqual(trapOf(h, () => call(h, 'ebreak')), [3, 0]);
    });
    it('illegal raises cause 2 with the instruction bits', () => {
      const h = new FakeHart();
      assert.deepStrictEqual(trapOf(h, () => call(h, 'illegal', 0x6081)), [2, 0x6081]);
      assert.deepStrictEqual(trapOf(h, () => call(h, 'illegal', 0xffffff83 | 0)), [2, 0xffffff83 | 0]);
    });
  });

  describe('CSRs', () => {
    it('csrrw reads (for write) then writes and returns the old value', () => {
      const h = new FakeHart();
      h.csrs.set(0x340, 5);
      assert.strictEqual(call(h, 'csrrw', 9, 0x340, 0x34051073, 2), 5);
      assert.strictEqual(h.csrs.get(0x340), 9);
      assert.deepStrictEqual(h.log, ['csrRead 340 raw=34051073 idx=2 write=true', 'csrWrite 340 9 raw=34051073 idx=2']);
    });
    it('csrw does not read', () => {
      const h = new FakeHart();
      h.csrs.set(0x340, 5);
      assert.strictEqual(call(h, 'csrw', 9, 0x340, 1, 0), undefined);
      assert.deepStrictEqual(h.log, ['csrWrite 340 9 raw=1 idx=0']);
    });
    it('csrr reads without write intent', () => {
      const h = new FakeHart();
      h.csrs.set(0xc00, 77);
      assert.strictEqual(call(h, 'csrr', 0xc00, 3, 4), 77);
      assert.deepStrictEqual(h.log, ['csrRead c00 raw=3 idx=4 write=false']);
    });
    it('csrrs sets and csrrc clears bits', () => {
      const h = new FakeHart();
      h.csrs.set(0x300, 0b1010);
      assert.strictEqual(call(h, 'csrrs', 0b0101, 0x300, 0, 0), 0b1010);
      assert.strictEqual(h.csrs.get(0x300), 0b1111);
      assert.strictEqual(call(h, 'csrrc', 0b0011, 0x300, 0, 0), 0b1111);
      assert.strictEqual(h.csrs.get(0x300), 0b1100);
    });
    it('a faulting access propagates the hart trap', () => {
      const h = new FakeHart();
      assert.deepStrictEqual(trapOf(h, () => call(h, 'csrrw', 1, 0x7ff, 0x7ff02573, 0)), [2, 0x7ff02573]);
    });
  });

  describe('privileged and memory', () => {
    it('pass the instruction bits to xRET, wfi and sfence.vma', () => {
      const h = new FakeHart();
      call(h, 'mret', 0x30200073);
      call(h, 'sret', 0x10200073);
      call(h, 'wfi', 0x10500073);
      call(h, 'sfence_vma', -4096, 3, 0x12000073);
      call(h, 'fence_i');
      assert.deepStrictEqual(h.log, [
        'mret 30200073', 'sret 10200073', 'wfi 10500073', 'sfenceVma fffff000 3 12000073', 'fenceI',
      ]);
    });
    it('amo passes its operation constant', () => {
      const h = new FakeHart();
      h.mem.sw(0x1100, 40);
      assert.strictEqual(call(h, 'amo', 0x1100, 2, AmoOp.Add), 40);
      assert.strictEqual(h.mem.lw(0x1100), 42);
      assert.deepStrictEqual(h.log, [`amo ${AmoOp.Add} 1100 2`]);
    });
    it('lr/sc go to the hart', () => {
      const h = new FakeHart();
      assert.strictEqual(call(h, 'lr', 0x1100), 0);
      assert.strictEqual(call(h, 'sc', 0x1100, 9), 0);
      assert.strictEqual(call(h, 'sc', 0x1100, 9), 1);
    });
  });

  describe('semihosting', () => {
    it('calls the hart outside U-mode', () => {
      const h = new FakeHart();
      call(h, 'semihosting');
      assert.deepStrictEqual(h.log, ['semihosting']);
    });
    it('is a breakpoint in U-mode or when disabled', () => {
      const u = new FakeHart();
      u.priv = 0;
      assert.deepStrictEqual(trapOf(u, () => call(u, 'semihosting')), [3, 0]);
      const off = new FakeHart();
      off.semihostingEnabled = false;
      assert.deepStrictEqual(trapOf(off, () => call(off, 'semihosting')), [3, 0]);
      assert.deepStrictEqual([...u.log, ...off.log], []);
    });
  });
});
