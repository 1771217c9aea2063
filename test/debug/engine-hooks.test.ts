/**
 * The debugger's hooks in the emulator: Engine.onTrap (stop before a trap or interrupt is taken) and
 * MemUnit watchpoints (stop before a watched access; watched pages kept out of the TLB).
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { GuestSystem } from '../../emulator/system';
import { StopReason } from '../../emulator/tb/engine';
import { PC_INDEX } from '../../emulator/ir/ir';
import { Hart } from '../../emulator/cpu/hart';
import { Access } from '../../emulator/cpu/causes';
import { TLB_MASK } from '../../emulator/cpu/tlb';
import { WatchSet } from '../../emulator/debug/watchpoints';

const DEMO = path.resolve(__dirname, '..', '..', '..', 'test', 'guests', 'bin', 'debug-demo.elf');

function boot(engine: 'jit' | 'interp' = 'jit') {
  let out = '';
  const sys = new GuestSystem({ guest: DEMO, engine, write: (b) => { out += Buffer.from(b).toString('latin1'); } });
  return { sys, out: () => out, hart: sys.machine.hart as Hart };
}

function runUntil(sys: GuestSystem, stop: (r: StopReason) => boolean, limit = 50_000_000): StopReason {
  for (let n = 0; n < limit; n += 1_000_000) {
    const r = sys.run(1_000_000).reason;
    if (stop(r)) return r;
    if (r === StopReason.Stopped) return r;
  }
  throw new Error('no stop');
}

describe('debugger hooks in the engine and memory unit', () => {
  for (const engine of ['jit', 'interp'] as const) {
    it(`${engine}: onTrap stops before an exception; the next run takes it`, () => {
      const { sys, hart, out } = boot(engine);
      const seen: [number, number, boolean][] = [];
      sys.engine.onTrap = (cause, tval, interrupt) => {
        seen.push([cause, tval, interrupt]);
        return cause === 3;
      };
      const r = runUntil(sys, (x) => x === StopReason.Trap);
      assert.equal(r, StopReason.Trap);
      const pc = hart.x[PC_INDEX] >>> 0;
      const traps = sys.image.symbols.lookup(pc);
      assert.equal(traps?.symbol.name, 'traps', 'stopped inside traps()');
      assert.equal(hart.mem.lw(pc), 0x00100073, 'pc is at the ebreak, not in the handler');
      assert.equal(hart.priv, 3);
      const icount = hart.icount;
      // Continuing takes the trap: the handler sees mepc = the ebreak.
      sys.engine.onTrap = null;
      const end = runUntil(sys, () => false);
      assert.equal(end, StopReason.Stopped);
      assert.equal(sys.machine.exitCode, 7);
      assert.match(out(), /traps=3 ticks=1/);
      assert.ok(hart.icount > icount);
      assert.deepEqual(seen.map((s) => s[0]), [3], 'only the first trap was offered before the hook was removed');
    });
  }

  it('a step from a held exception enters the handler', () => {
    const { sys, hart } = boot();
    sys.engine.onTrap = (cause) => cause === 2;
    assert.equal(runUntil(sys, (x) => x === StopReason.Trap), StopReason.Trap);
    const epc = hart.x[PC_INDEX] >>> 0;
    assert.equal(sys.engine.step(), StopReason.Budget);
    assert.equal(hart.x[PC_INDEX] >>> 0, (hart.peekCsr(0x305)! & ~3) >>> 0, 'pc is mtvec');
    assert.equal(hart.peekCsr(0x341), epc);
    assert.equal(hart.peekCsr(0x342), 2);
  });

  it('onTrap stops before a timer interrupt with pc at the next instruction', () => {
    const { sys, hart, out } = boot();
    const irqs: number[] = [];
    sys.engine.onTrap = (cause, _tval, interrupt) => {
      if (interrupt) irqs.push(cause);
      return interrupt;
    };
    assert.equal(runUntil(sys, (x) => x === StopReason.Trap), StopReason.Trap);
    assert.deepEqual(irqs, [7]);
    const pc = hart.x[PC_INDEX] >>> 0;
    assert.equal(sys.image.symbols.lookup(pc)?.symbol.name, 'timer_once');
    assert.notEqual(hart.peekCsr(0x342), 0x80000007, 'not taken yet');
    // Taken on the next run without asking again.
    assert.equal(runUntil(sys, () => false), StopReason.Stopped);
    assert.deepEqual(irqs, [7]);
    assert.match(out(), /ticks=1/);
  });

  it('a step from a held interrupt enters its handler', () => {
    const { sys, hart } = boot();
    sys.engine.onTrap = (_cause, _tval, interrupt) => interrupt;
    assert.equal(runUntil(sys, (x) => x === StopReason.Trap), StopReason.Trap);
    const next = hart.x[PC_INDEX] >>> 0;
    assert.equal(sys.engine.step(), StopReason.Budget);
    assert.equal(hart.x[PC_INDEX] >>> 0, (hart.peekCsr(0x305)! & ~3) >>> 0, 'pc is mtvec');
    assert.equal(hart.peekCsr(0x342), 0x80000007);
    assert.equal(hart.peekCsr(0x341), next);
  });

  it('watchpoints stop before the access; watched pages get no TLB entries, others keep theirs', () => {
    const { sys, hart } = boot();
    const counter = sys.image.symbols.address('counter')!;
    const watch = new WatchSet();
    watch.set([{ id: 1, addr: counter, size: 4, access: 'write' }]);
    hart.mem.setWatch(watch);
    const fn = () => sys.image.symbols.lookup(hart.x[PC_INDEX] >>> 0)?.symbol.name;
    assert.equal(runUntil(sys, (x) => x === StopReason.Watchpoint), StopReason.Watchpoint);
    // The start-up code clears .bss, counter included: a write too.
    assert.equal(fn(), '_start');
    watch.suppressed = true;
    sys.engine.step();
    watch.suppressed = false;
    assert.equal(runUntil(sys, (x) => x === StopReason.Watchpoint), StopReason.Watchpoint);
    assert.equal(fn(), 'bump');
    assert.deepEqual(watch.lastHit && { addr: watch.lastHit.addr, write: watch.lastHit.write }, { addr: counter, write: true });
    assert.equal(hart.mem.lw(counter), 0, 'the store has not happened');
    const [tag] = hart.mem.tlb.view(Access.Store, 3);
    assert.notEqual(tag[(counter >>> 12) & TLB_MASK], counter & ~0xfff, 'the watched page has no store TLB entry');
    const sp = hart.x[2] >>> 0;
    const [ltag] = hart.mem.tlb.view(Access.Load, 3);
    assert.equal(ltag[(sp >>> 12) & TLB_MASK], (sp & ~0xfff) | 0, 'the stack page is in the TLB');
    watch.suppressed = true;
    assert.equal(sys.engine.step(), StopReason.Budget);
    watch.suppressed = false;
    assert.equal(hart.mem.lw(counter), 1, 'the step performed the store');
    // The remaining bumps stop again, twice; then no more.
    let stops = 0;
    for (;;) {
      const x = runUntil(sys, (y) => y === StopReason.Watchpoint);
      if (x !== StopReason.Watchpoint) break;
      stops++;
      watch.suppressed = true;
      sys.engine.step();
      watch.suppressed = false;
    }
    assert.equal(stops, 2);
    assert.equal(sys.machine.exitCode, 7);
  });

  it('a read watchpoint ignores writes; removing watchpoints restores the TLB fast path', () => {
    const { sys, hart } = boot();
    const release = sys.image.symbols.address('release')!;
    const watch = new WatchSet();
    watch.set([{ id: 1, addr: release, size: 4, access: 'read' }]);
    hart.mem.setWatch(watch);
    assert.equal(runUntil(sys, (x) => x === StopReason.Watchpoint), StopReason.Watchpoint);
    assert.equal(watch.lastHit?.write, false);
    assert.equal(sys.image.symbols.lookup(hart.x[PC_INDEX] >>> 0)?.symbol.name, 'spin');
    hart.mem.setWatch(null);
    assert.equal(runUntil(sys, () => false), StopReason.Stopped);
    const [tag] = hart.mem.tlb.view(Access.Load, 3);
    assert.equal(tag[(release >>> 12) & TLB_MASK], (release & ~0xfff) | 0, 'the page is back in the TLB');
  });
});
