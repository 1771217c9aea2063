/**
 * Translucent's own requests on a live session: traceTB, tbStats, devices (sendInput: execution.test).
 */
import { strict as assert } from 'node:assert';
import { DEMO, Session, session, stopServer } from './support/harness';
import { COUNTERS } from '../../emulator/tb/counters';
import { sendCustomRequest, type TbListing } from '../../debug-adapter/protocol';

describe('debug adapter: translation insight requests', function () {
  this.timeout(30000);
  let s: Session;
  const send = (command: string, args: unknown) => s.dc.customRequest(command, args).then((r) => r.body);
  beforeEach(async () => {
    s = await session();
    const ev = await s.launch({ program: DEMO }, () => s.dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'bump' }] }));
    assert.equal(ev.body.reason, 'function breakpoint');
  });
  afterEach(async () => { await s.stop(); });
  after(stopServer);

  function checkListing(tb: TbListing): void {
    assert.ok(tb.guest.length > 0);
    assert.equal(tb.map.length, tb.guest.length);
    tb.map.forEach((m, i) => {
      assert.equal(m.address, tb.guest[i].address);
      const hex = m.address.toString(16).padStart(8, '0');
      assert.equal(tb.ops[m.ops[0]], ` ---- ${hex}`, 'each instruction starts at its insn_start');
      assert.equal(tb.optimizedOps[m.optimizedOps[0]], ` ---- ${hex}`);
      assert.ok(m.ops[1] > m.ops[0] && m.ops[1] <= tb.ops.length);
      assert.match(tb.hostCode[m.hostLines[0]], new RegExp(`^\\s*// ${m.address.toString(16)}$`));
      if (i > 0) assert.equal(tb.map[i - 1].hostLines[1], m.hostLines[0], 'host line ranges tile');
    });
    assert.match(tb.hostCode[0], /^function tb_[0-9a-f]+\(x, m, h\b/);
    assert.match(tb.guest[0].text, /\S/);
  }

  it('translucent/traceTB at pc: guest code, micro-ops before and after optimisation, JavaScript, and the map', async () => {
    const tb = await sendCustomRequest(send, 'translucent/traceTB', {});
    const pc = Number((await s.topFrame()).instructionPointerReference);
    assert.ok(tb.guest.some((g) => g.address === pc));
    assert.equal(tb.symbol?.split('+')[0], 'bump');
    assert.equal(tb.guest[0].bytes.length, 8);
    assert.match(tb.guest[0].text, /^addi?\s+sp,sp,-16$/);
    checkListing(tb);
  });

  it('translucent/traceTB at an address never run is a one-off translation (not cached)', async () => {
    const echo = Number(await s.evaluate('p/u echo_line'));
    const tb = await sendCustomRequest(send, 'translucent/traceTB', { address: echo });
    assert.equal(tb.pc, echo);
    assert.equal(tb.cached, false);
    assert.equal(tb.compiled, false);
    checkListing(tb);
    const stats = await sendCustomRequest(send, 'translucent/tbStats', {});
    assert.ok(!stats.blocks.some((b) => b.pc === echo), 'showing code does not add it to the cache');
  });

  it('translucent/traceTB of an unmapped address is an error', async () => {
    const r = await s.raw('translucent/traceTB', { address: 0x40 });
    assert.equal(r.success, false);
    assert.match(r.message!, /0x40 cannot be fetched now/);
    const bad = await s.raw('translucent/traceTB', { address: 'main' });
    assert.match(bad.message!, /translucent\/traceTB\.address must be a number/);
  });

  it('translucent/tbStats: every counter, derived ratios, one row per block, recent blocks', async () => {
    const st = await sendCustomRequest(send, 'translucent/tbStats', { limit: 5 });
    assert.deepEqual(st.counters.map((c) => c.name), Object.keys(COUNTERS));
    assert.ok(st.counters.find((c) => c.name === 'translations')!.value > 0);
    assert.ok(st.derived.cacheHitRate! > 0 && st.derived.cacheHitRate! <= 1);
    assert.ok(st.derived.guestInstructions > 0);
    assert.equal(st.blocks.length, 5);
    assert.ok(st.totalBlocks >= 5);
    for (let i = 1; i < st.blocks.length; i++) assert.ok(st.blocks[i - 1].executions >= st.blocks[i].executions);
    const b = st.blocks[0];
    for (const k of ['pc', 'guestInsns', 'opsBefore', 'opsAfter', 'hostSize', 'executions', 'generation', 'translateMs', 'chainedTo'] as const) assert.ok(k in b, k);
    assert.ok(b.opsAfter <= b.opsBefore);
    assert.equal(st.recent.length, 16);
  });

  it('translucent/devices: the key CSRs with meanings, read the same as the Variables view shows them', async () => {
    const d = await sendCustomRequest(send, 'translucent/devices', {});
    assert.deepEqual(d.csrs.map((c) => c.name), ['mstatus', 'misa', 'mtvec', 'mepc', 'mcause', 'mtval', 'mscratch', 'medeleg', 'mideleg', 'mie', 'mip',
      'sstatus', 'stvec', 'sepc', 'scause', 'stval', 'satp', 'minstret']);
    const misa = d.csrs.find((c) => c.name === 'misa')!;
    assert.equal(misa.decoded, 'RV32ACIMSU');
    assert.equal(await s.evaluate('p/x $misa'), `0x${misa.value.toString(16)}`);
    assert.match(d.csrs.find((c) => c.name === 'mstatus')!.decoded!, /MPP=/);
  });

  it('translucent/devices: device registers with meanings, MMU and PMP', async () => {
    const d = await sendCustomRequest(send, 'translucent/devices', {});
    const names = d.devices.map((x) => x.name);
    for (const n of ['uart', 'clint', 'plic']) assert.ok(names.some((x) => x.startsWith(n)), n);
    const uart = d.devices.find((x) => x.name.startsWith('uart'))!;
    assert.ok(uart.registers.some((r) => r.name === 'LSR' && r.decoded !== undefined));
    assert.equal(d.mmu.mode, 'bare');
    assert.equal(d.mmu.privilege, 'M');
    assert.ok(Array.isArray(d.mmu.tlb));
    assert.equal(d.pmp.length, 16);
    assert.equal(d.pmp[0].mode, 'OFF');
  });

  it('unknown custom requests and bad arguments are errors', async () => {
    const r = await s.raw('translucent/nothing', {});
    assert.equal(r.success, false);
    assert.match(r.message!, /unknown request "translucent\/nothing"/);
    const bad = await s.raw('translucent/sendInput', {});
    assert.match(bad.message!, /translucent\/sendInput\.text is missing/);
  });
});
