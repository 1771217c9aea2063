/**
 * The board with the real hart and engine, on guests built by test/guests/build.sh. Expected output is
 * what qemu-system-riscv32 7.2 printed for the same binaries (-M virt -bios none -kernel ...).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createVirt } from '../../emulator/machine/virt';
import { loadGuest } from '../../emulator/loader/load';
import { Engine, StopReason } from '../../emulator/tb/engine';

const GUESTS = path.join(__dirname, '../../../test/guests/bin');

function run(name: string, semihosting = false): { out: string; exitCode: number | null } {
  const file = path.join(GUESTS, `${name}.elf`);
  const chunks: Buffer[] = [];
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-run-'));
  try {
    const m = createVirt({ console: { write: (b) => chunks.push(Buffer.from(b)) }, semihosting, semihostCwd: cwd });
    m.load(loadGuest(file));
    const engine = new Engine(m, { semihosting });
    let reason = StopReason.Budget;
    for (let i = 0; i < 100 && reason === StopReason.Budget; i++) reason = engine.run(1_000_000);
    assert.strictEqual(reason, StopReason.Stopped);
    return { out: Buffer.concat(chunks).toString('latin1'), exitCode: m.exitCode };
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}

describe('machine/virt running guests', () => {
  before(function () {
    if (!fs.existsSync(path.join(GUESTS, 'uart.elf'))) this.skip();
  });

  it('runs the UART guest as QEMU does', () => {
    const { out, exitCode } = run('uart');
    assert.strictEqual(exitCode, 0);
    assert.match(out, /reset: LSR=60 IIR=01 IER=00 LCR=00 MCR=08 MSR=b0 SCR=00\n/);
    assert.match(out, /divisor: DLL=0c DLM=01 \(LCR=83\), LCR now 03, IER=00\n/);
    assert.match(out, /IIR with FIFO: c1, without: 01\nloopback: DR before=0 after write=1, RBR=Z, DR after read=0\nLSR=60, done/);
  });

  it('runs the semihosting guest as QEMU does, exit code included', () => {
    const { out, exitCode } = run('semihost-c', true);
    assert.strictEqual(exitCode, 3);
    assert.match(out, /wrote 18 bytes\nread 18 bytes: line one\nline two\nsame: yes\nremove: 0\nreopen after remove: gone/);
  });

  it('runs the PLIC guest as QEMU does', function () {
    if (!fs.existsSync(path.join(GUESTS, 'plic.elf'))) this.skip();
    const { out, exitCode } = run('plic');
    assert.strictEqual(exitCode, 0);
    assert.match(out, /S context enabled: pending=1 MEIP=0 SEIP=1\nafter S handler: pending=0 MEIP=0 SEIP=0/);
  });
});
