/**
 * Console input reaches the kernel: the 16550's receive interrupt through the PLIC to the hart (SEIP
 * for an S-mode kernel, MEIP for an M-mode one), and under Linux a line typed after /init starts comes
 * back as the tty's echo.
 */
import * as assert from 'assert';
import { VirtBoard } from '../../emulator/machine/virt-board';
import { GuestSystem } from '../../emulator/system';
import { StopReason } from '../../emulator/tb/engine';
import { Irq } from '../../emulator/cpu/hart-api';
import { FakeHart } from '../machine/fake-hart';
import { BOOT_BUDGET, MMU, needLinuxFiles, lastLines } from './linux-images';

const PLIC = 0xc000000;
const UART = 0x10000000;
const UART_IRQ = 10;

/** PLIC context registers (hart 0: context 0 is M-mode, 1 is S-mode). */
const enable = (ctx: number) => PLIC + 0x2000 + 0x80 * ctx;
const claim = (ctx: number) => PLIC + 0x200004 + 0x1000 * ctx;

describe('linux: console input', function () {
  this.timeout(60_000);

  for (const [ctx, irq, mode] of [[1, Irq.SEIP, 'S-mode (SEIP)'], [0, Irq.MEIP, 'M-mode (MEIP)']] as const) {
    it(`raises the 16550 receive interrupt through the PLIC to ${mode}`, () => {
      let hart!: FakeHart;
      const m = new VirtBoard({ console: { write: () => {} } }, (bus) => (hart = new FakeHart(bus)));
      m.bus.write(PLIC + 4 * UART_IRQ, 4, 1);
      m.bus.write(enable(ctx), 4, 1 << UART_IRQ);
      m.bus.write(UART + 1, 1, 0x01); // IER: receive data available
      assert.strictEqual(hart.pending(irq), false);
      m.sendInput(Buffer.from('k'));
      assert.strictEqual(hart.pending(irq), true);
      assert.strictEqual(hart.pending(ctx === 1 ? Irq.MEIP : Irq.SEIP), false, 'only the enabled context');
      assert.strictEqual(m.bus.read(claim(ctx), 4), UART_IRQ);
      assert.strictEqual(m.bus.read(UART, 1), 'k'.charCodeAt(0));
      m.bus.write(claim(ctx), 4, UART_IRQ);
      assert.strictEqual(hart.pending(irq), false);
    });
  }

  it('reaches the S-mode kernel\'s tty: a line sent after /init starts is echoed', function () {
    needLinuxFiles(this, MMU);
    this.timeout(10 * 60_000);
    let out = '';
    const sys = new GuestSystem({ guest: MMU, write: (b) => { out += Buffer.from(b).toString('latin1'); } });
    let sent = false;
    let r;
    do {
      r = sys.run(100_000);
      if (!sent && out.includes('Run /init as init process')) {
        sys.machine.sendInput(Buffer.from('typed at the console\n'));
        sent = true;
      }
    } while (r.reason === StopReason.Budget && sys.machine.hart.icount < BOOT_BUDGET);
    const ok = sent && out.includes('typed at the console') && out.includes('INIT-RESULT: PASS') && r.exitCode === 0;
    assert.ok(ok, `no echo of the input (sent: ${sent}, stop: ${r.reason}, exit ${r.exitCode})\n--- last 30 console lines ---\n${lastLines(out)}`);
  });
});
