/**
 * A guest with paging on (vm.elf, stopped at its first load page fault in S/U-mode): virtual memory
 * through the MMU as the hart sees it, physical memory, `info mem`, and the MMU in translucent/devices.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { GUESTS, Session, session, stopServer } from './support/harness';
import type { MachineView } from '../../debug-adapter/protocol';

describe('debug adapter: virtual memory', function () {
  this.timeout(30000);
  let s: Session;
  beforeEach(async () => {
    s = await session();
    const ev = await s.launch({ program: path.join(GUESTS, 'vm.elf') }, () => s.dc.setExceptionBreakpointsRequest({ filters: ['load-page-fault'] }));
    assert.equal(ev.body.reason, 'exception');
  });
  afterEach(async () => { await s.stop(); });
  after(stopServer);

  it('reads code at pc through the MMU, the same bytes as at its physical address', async () => {
    const info = await s.dc.exceptionInfoRequest({ threadId: 1 });
    assert.match(info.body.description!, /in [SU]-mode, tval 0x[0-9a-f]+ \(faulting address\)/);
    const pc = (await s.topFrame()).instructionPointerReference!;
    const d = await s.dc.customRequest('translucent/devices', {});
    const view = d.body as MachineView;
    assert.equal(view.mmu.mode, 'Sv32');
    assert.equal(view.mmu.translating, true);
    const virt = await s.req<DebugProtocol.ReadMemoryResponse>('readMemory', { memoryReference: pc, count: 4 });
    assert.equal(Buffer.from(virt.body!.data!, 'base64').length, 4);
    const mem = await s.evaluate('info mem');
    assert.match(mem, /^vaddr {4}paddr {12}size {5}attr$/m);
    const rows = [...mem.matchAll(/^([0-9a-f]{8}) ([0-9a-f]{16}) ([0-9a-f]{8}) ([-rwxugad]{7})$/gm)];
    assert.ok(rows.length > 0, mem);
    // pc lies in one of the mappings; its physical twin holds the same bytes.
    const va = Number(pc);
    const row = rows.find((r) => va >= parseInt(r[1], 16) && va < parseInt(r[1], 16) + parseInt(r[3], 16))!;
    assert.ok(row, `pc ${pc} is mapped`);
    const pa = parseInt(row[2], 16) + (va - parseInt(row[1], 16));
    const phys = await s.req<DebugProtocol.ReadMemoryResponse>('readMemory', { memoryReference: `phys:0x${pa.toString(16)}`, count: 4 });
    assert.equal(phys.body!.data, virt.body!.data);
  });

  it('the debugger reads mapped pages whatever their permissions; unmapped ones are unreadable', async () => {
    // The first load fault is vm.c's "S load X-only": page 2 of its window, mapped execute-only.
    const info = await s.dc.exceptionInfoRequest({ threadId: 1 });
    const tval = Number(/tval (0x[0-9a-f]+)/.exec(info.body.description!)![1]);
    const xonly = await s.req<DebugProtocol.ReadMemoryResponse>('readMemory', { memoryReference: `0x${tval.toString(16)}`, count: 4 });
    assert.equal(Buffer.from(xonly.body!.data!, 'base64').readUInt32LE(0), 0x02000000, 'vm.c fills page i with 0x01000000 * i + offset');
    // Page 4 of the window is left invalid.
    const invalid = await s.req<DebugProtocol.ReadMemoryResponse>('readMemory', { memoryReference: `0x${(tval + 0x2000).toString(16)}`, count: 4 });
    assert.equal(invalid.body!.data, undefined);
    assert.equal(invalid.body!.unreadableBytes, 4);
  });
});
