import * as assert from 'assert';
import { Uart16550 } from '../../emulator/devices/uart16550';

const enum R { RBR = 0, IER = 1, IIR = 2, FCR = 2, LCR = 3, MCR = 4, LSR = 5, MSR = 6, SCR = 7 }

function uart() {
  const out: number[] = [];
  const irq: boolean[] = [];
  const clock = { t: 0 };
  const u = new Uart16550({
    base: 0x10000000,
    console: { write: (b) => out.push(...b) },
    irq: (level) => irq.push(level),
    now: () => clock.t,
  });
  u.reset();
  const line = () => irq[irq.length - 1] ?? false;
  return { u, out, line, clock };
}

describe('devices/uart16550', () => {
  // Expected values below were read from qemu-system-riscv32 7.2 (-M virt) by a probe guest.
  it('has QEMU\'s power-on register values', () => {
    const { u } = uart();
    assert.deepStrictEqual([0, 1, 2, 3, 4, 5, 6, 7].map((r) => u.read(r)), [0, 0, 0x01, 0, 0x08, 0x60, 0xb0, 0]);
  });

  it('maps the divisor latch over RBR/IER while LCR.DLAB is set', () => {
    const { u } = uart();
    u.write(R.LCR, 1, 0x80);
    assert.deepStrictEqual([u.read(0), u.read(1), u.read(R.IIR)], [0x0c, 0, 0x01]);
    u.write(0, 1, 0x34);
    u.write(1, 1, 0x12);
    assert.deepStrictEqual([u.read(0), u.read(1), u.read(R.LCR)], [0x34, 0x12, 0x80]);
    u.write(R.LCR, 1, 0x03);
    assert.strictEqual(u.read(R.IER), 0);
    assert.match(u.describe().registers.find((r) => r.name === 'LCR')!.decoded!, /^8N1$/);
  });

  it('sends THR writes to the console at once and keeps THRE/TEMT set', () => {
    const { u, out } = uart();
    for (const c of 'hi\n') u.write(R.RBR, 1, c.charCodeAt(0));
    assert.strictEqual(Buffer.from(out).toString(), 'hi\n');
    assert.strictEqual(u.read(R.LSR), 0x60);
  });

  it('raises THR-empty when THRI is enabled, and a read of IIR clears it', () => {
    const { u, line } = uart();
    u.write(R.FCR, 1, 0xc1);
    assert.strictEqual(u.read(R.IIR), 0xc1);
    u.write(R.IER, 1, 0x02);
    assert.strictEqual(line(), true);
    assert.strictEqual(u.read(R.IIR), 0xc2);
    assert.strictEqual(line(), false);
    assert.strictEqual(u.read(R.IIR), 0xc1);
    u.write(R.RBR, 1, 0x41);
    assert.strictEqual(line(), true, 'transmitting re-arms it');
    u.write(R.IER, 1, 0xff);
    assert.strictEqual(u.read(R.IER), 0x0f);
  });

  it('loops transmitted bytes back in loopback mode (non-FIFO: overrun replaces the byte)', () => {
    const { u, out } = uart();
    u.write(R.MCR, 1, 0x1f);
    assert.deepStrictEqual([u.read(R.MSR), u.read(R.MSR)], [0xf0, 0xf0]);
    u.write(R.RBR, 1, 0x41);
    assert.strictEqual(u.read(R.LSR), 0x61);
    u.write(R.RBR, 1, 0x42);
    assert.strictEqual(u.read(R.LSR), 0x63);
    assert.strictEqual(u.read(R.RBR), 0x42);
    assert.strictEqual(u.read(R.LSR), 0x60);
    assert.strictEqual(u.read(R.MCR), 0x1f);
    u.write(R.IER, 1, 0x01);
    assert.strictEqual(u.read(R.IIR), 0x01);
    u.write(R.RBR, 1, 0x43);
    assert.strictEqual(u.read(R.IIR), 0x04);
    assert.strictEqual(u.read(R.RBR), 0x43);
    assert.strictEqual(u.read(R.IIR), 0x01);
    assert.strictEqual(u.read(R.RBR), 0x43, 'RBR keeps its byte in non-FIFO mode');
    assert.deepStrictEqual(out, []);
  });

  it('keeps 16 bytes in the receive FIFO and flags the overrun', () => {
    const { u } = uart();
    u.write(R.FCR, 1, 0x07);
    u.write(R.MCR, 1, 0x18);
    for (let i = 0; i < 20; i++) u.write(R.RBR, 1, 0x61 + i);
    assert.deepStrictEqual([u.read(R.LSR), u.read(R.LSR)], [0x63, 0x61]);
    const got: number[] = [];
    while (u.read(R.LSR) & 1) got.push(u.read(R.RBR));
    assert.strictEqual(Buffer.from(got).toString(), 'abcdefghijklmnop');
    assert.strictEqual(u.read(R.LSR), 0x60);
  });

  it('signals received data at the FIFO trigger level, and the timeout below it', () => {
    const { u, line, clock } = uart();
    u.write(R.FCR, 1, 0x07);
    u.write(R.IER, 1, 0x01);
    u.sendInput(Uint8Array.of(0x78));
    assert.strictEqual(u.read(R.IIR), 0xc4);
    assert.strictEqual(line(), true);
    u.read(R.RBR);
    assert.strictEqual(line(), false);

    u.write(R.FCR, 1, 0xc7); // trigger level 14
    u.sendInput(Uint8Array.of(0x79));
    // Until the line is configured, QEMU times characters at 9600 baud, 10 bits.
    assert.strictEqual(u.timeoutAt - clock.t, 4 * Math.floor(1e9 / 9600) * 10);
    u.read(R.RBR);
    u.write(R.LCR, 1, 0x03);
    u.sendInput(Uint8Array.of(0x79));
    assert.strictEqual(u.read(R.IIR), 0xc1);
    assert.ok(u.timeoutAt > clock.t && u.timeoutAt < Infinity);
    // 4 characters of 10 bits at 399193 / 12 baud.
    assert.strictEqual(u.timeoutAt - clock.t, 4 * Math.floor(1e9 / Math.floor(399193 / 12)) * 10);
    clock.t = u.timeoutAt - 1;
    u.poll(clock.t);
    assert.strictEqual(u.read(R.IIR), 0xc1);
    clock.t = u.timeoutAt;
    u.poll(clock.t);
    assert.strictEqual(u.read(R.IIR), 0xcc);
    assert.strictEqual(line(), true);
    assert.strictEqual(u.read(R.RBR), 0x79);
    assert.strictEqual(u.read(R.IIR), 0xc1);
  });

  it('holds host input back until the receiver has room (no overruns)', () => {
    const { u } = uart();
    u.sendInput(Buffer.from('abc'));
    assert.strictEqual(u.read(R.LSR), 0x61);
    assert.strictEqual(u.read(R.RBR), 0x61);
    assert.strictEqual(u.read(R.RBR), 0x62);
    assert.strictEqual(u.read(R.RBR), 0x63);
    assert.strictEqual(u.read(R.LSR), 0x60);
    u.write(R.FCR, 1, 0x01);
    u.sendInput(new Uint8Array(40).fill(0x7a));
    let n = 0;
    while (u.read(R.LSR) & 1) { u.read(R.RBR); n++; }
    assert.strictEqual(n, 40);
    assert.strictEqual(u.read(R.LSR) & 0x02, 0);
  });

  it('reports line-status errors first, cleared by reading LSR', () => {
    const { u } = uart();
    u.write(R.MCR, 1, 0x10);
    u.write(R.IER, 1, 0x05);
    u.write(R.RBR, 1, 1);
    u.write(R.RBR, 1, 2);
    assert.strictEqual(u.read(R.IIR), 0x06);
    u.read(R.LSR);
    assert.strictEqual(u.read(R.IIR), 0x04);
  });

  it('keeps SCR and ignores writes to LSR and MSR', () => {
    const { u } = uart();
    u.write(R.SCR, 1, 0x5a);
    u.write(R.LSR, 1, 0);
    u.write(R.MSR, 1, 0);
    assert.deepStrictEqual([u.read(R.SCR), u.read(R.LSR), u.read(R.MSR)], [0x5a, 0x60, 0xb0]);
  });

  it('describes its registers with decoded bits', () => {
    const { u } = uart();
    const d = u.describe();
    const lsr = d.registers.find((r) => r.name === 'LSR')!;
    assert.strictEqual(lsr.decoded, 'THRE TEMT');
    assert.strictEqual(d.registers.find((r) => r.name === 'IIR')!.decoded, 'no interrupt');
    assert.strictEqual(d.details!['rx FIFO'], 0);
  });
});
