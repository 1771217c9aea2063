/** Counters: exact retired-instruction counts, writes, 64-bit carry, inhibit, hpm events, time. */
import { strict as assert } from 'assert';
import { CSR, csrNumber } from '../../emulator/isa/csr-names';
import { newHart } from './fake-bus';

describe('counters', () => {
  it('count retired instructions exactly, including those earlier in the running block', () => {
    const { hart } = newHart();
    hart.icount = 1000;
    assert.equal(hart.csrRead(CSR.minstret, 0, 0, false), 1000);
    assert.equal(hart.csrRead(CSR.minstret, 0, 7, false), 1007);
    assert.equal(hart.csrRead(CSR.mcycle, 0, 7, false), 1007);
    assert.equal(hart.csrRead(CSR.instret, 0, 3, false), 1003);
    assert.equal(hart.csrRead(CSR.cycle, 0, 3, false), 1003);
  });

  it('make a written value what the next instruction reads, then keep counting', () => {
    const { hart } = newHart();
    hart.icount = 500;
    hart.csrWrite(CSR.minstret, 42, 0, 2);
    assert.equal(hart.csrRead(CSR.minstret, 0, 3, false), 42);
    hart.icount += 10;
    assert.equal(hart.csrRead(CSR.minstret, 0, 3, false), 52);
    assert.equal(hart.csrRead(CSR.mcycle, 0, 3, false), 513, 'mcycle is separate');
  });

  it('carry into the high half, and high-half writes keep the low half', () => {
    const { hart } = newHart();
    hart.csrWrite(CSR.mcycle, -2, 0, 0);
    assert.equal(hart.csrRead(CSR.mcycle, 0, 1, false) >>> 0, 0xfffffffe);
    assert.equal(hart.csrRead(CSR.mcycle, 0, 3, false), 0);
    assert.equal(hart.csrRead(CSR.mcycleh, 0, 3, false), 1);
    hart.csrWrite(CSR.mcycleh, 7, 0, 4);
    assert.equal(hart.csrRead(CSR.mcycleh, 0, 5, false), 7);
    assert.equal(hart.csrRead(CSR.mcycle, 0, 5, false), 2);
    // mcycle = 7 * 2^32 + 2 when 5 had retired; 2^40 - 5 later it has crossed 256 more high halves.
    hart.icount = 2 ** 40;
    assert.equal(hart.csrRead(CSR.minstreth, 0, 0, false), 256);
    assert.equal(hart.csrRead(CSR.cycleh, 0, 0, false), 256 + 6);
    assert.equal(hart.csrRead(CSR.cycle, 0, 0, false) >>> 0, 0xfffffffd);
  });

  it('stop while inhibited and resume from the held value', () => {
    const { hart } = newHart();
    hart.icount = 100;
    hart.csrWrite(CSR.mcountinhibit, 4, 0, 0);
    hart.icount += 50;
    assert.equal(hart.csrRead(CSR.minstret, 0, 0, false), 101);
    assert.equal(hart.csrRead(CSR.mcycle, 0, 0, false), 150, 'only instret was inhibited');
    hart.csrWrite(CSR.minstret, 9, 0, 0);
    assert.equal(hart.csrRead(CSR.minstret, 0, 5, false), 9, 'a write while inhibited holds');
    hart.csrWrite(CSR.mcountinhibit, 0, 0, 0);
    hart.icount += 10;
    assert.equal(hart.csrRead(CSR.minstret, 0, 0, false), 9 + 9);
  });

  it('hold hpm counters as plain values until an event 1 or 2 makes them count', () => {
    const { hart } = newHart();
    const c3 = csrNumber('mhpmcounter3')!;
    const e3 = csrNumber('mhpmevent3')!;
    hart.csrWrite(c3, 5, 0, 0);
    hart.icount += 100;
    assert.equal(hart.csrRead(c3, 0, 0, false), 5);
    assert.equal(hart.csrRead(csrNumber('hpmcounter3')!, 0, 0, false), 5);
    hart.csrWrite(e3, 2, 0, 0);
    hart.icount += 100;
    assert.equal(hart.csrRead(c3, 0, 0, false), 104);
    // The csrw that stops it still counts (its effect starts with the next instruction).
    hart.csrWrite(e3, 7, 0, 0);
    hart.icount += 100;
    assert.equal(hart.csrRead(c3, 0, 0, false), 105);
  });

  it('read time and timeh from the time source', () => {
    const { hart } = newHart();
    hart.timeSource = () => 0x1_2345_6789;
    assert.equal(hart.csrRead(CSR.time, 0, 0, false), 0x23456789);
    assert.equal(hart.csrRead(CSR.timeh, 0, 0, false), 1);
  });

  it('derive the default time source from icount at 100 instructions per tick', () => {
    const { hart } = newHart();
    hart.icount = 12345;
    assert.equal(hart.csrRead(CSR.time, 0, 0, false), 123);
  });
});
