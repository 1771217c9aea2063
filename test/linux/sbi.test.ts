/**
 * The built-in SBI firmware, from S-mode programs assembled here: the calls (sbi-guest.S checks each
 * and prints its letter), the state the kernel is entered with, and HSM hart_stop.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assemble } from '../../emulator/asm/assemble';
import { GuestSystem } from '../../emulator/system';
import { StopReason } from '../../emulator/tb/engine';
import { CSR } from '../../emulator/isa/csr-names';
import { FIRMWARE_MEDELEG, FIRMWARE_MIDELEG } from '../../emulator/firmware/entry-state';
import { REPO_ROOT } from '../helpers/guests';

const KERNEL_BASE = 0x80400000;

/** Assembles `text` at the kernel's address into a temporary ELF; returns its path. */
function build(name: string, text: string): string {
  const r = assemble([{ path: name, text }], { textBase: KERNEL_BASE, noDebug: true });
  if (r.elf === undefined) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-sbi-')), name.replace(/\.S$/, '.elf'));
  fs.writeFileSync(file, r.elf);
  return file;
}

function boot(guest: string, engine: 'jit' | 'interp' = 'jit') {
  let out = '';
  const sys = new GuestSystem({ guest, engine, bios: 'builtin', write: (b) => { out += Buffer.from(b).toString('latin1'); } });
  return { sys, output: () => out };
}

describe('linux: the built-in SBI firmware', function () {
  this.timeout(60_000);

  let guestFile = '';
  before(() => {
    guestFile = build('sbi-guest.S', fs.readFileSync(path.join(REPO_ROOT, 'test', 'linux', 'sbi-guest.S'), 'utf8'));
  });

  /**
   * A a: a0 = hart id, a1 = a device tree.  B-I: BASE (spec v1.0, our ID, probe, mvendorid, unknown
   * extension and function).  J-L: HSM status and start.  M m n: IPI to self raises SSIP, taken as an
   * interrupt.  N O: hart masks (a missing hart; base -1).  P: no hypervisor fences.  Q q r: set_timer,
   * the STIP interrupt, cleared by the next set_timer.  R S: a passed deadline raises STIP at once, a
   * later one lowers it.  T t: an illegal instruction in S-mode comes back to stvec with its bits.
   * U: counters readable.  V: legacy getchar without input.  W w: legacy send_ipi/clear_ipi.
   * X x y: a faulting legacy mask pointer comes back as a load access fault at the ecall.  Y Z:
   * retentive suspend.  0 1: SRST parameter checks.  2 3: non-retentive suspend resumes with a0/a1.
   */
  const EXPECTED = 'AaBCDEFGHIJKLMmnNOPQqrRSTtUVWwXxyYZ0123\n';

  for (const engine of ['jit', 'interp'] as const) {
    it(`answers every call as the specification says, and powers off through SRST (${engine})`, () => {
      const { sys, output } = boot(guestFile, engine);
      const r = sys.run(10_000_000);
      assert.strictEqual(output(), EXPECTED);
      assert.deepStrictEqual([r.reason, r.exitCode], [StopReason.Stopped, 0]);
    });
  }

  it('enters the kernel in S-mode as OpenSBI leaves a hart: delegation, counters, PMP, a0/a1', () => {
    const { sys } = boot(guestFile);
    const h = sys.machine.hart;
    const csr = (n: number) => h.peekCsr(n)! >>> 0;
    assert.deepStrictEqual([h.priv, h.pc, h.x[10], h.x[11] >>> 0], [1, KERNEL_BASE, 0, sys.machine.fdtAddress]);
    assert.strictEqual(csr(CSR.medeleg), FIRMWARE_MEDELEG);
    assert.strictEqual(FIRMWARE_MEDELEG, 0xb109);
    assert.strictEqual(csr(CSR.mideleg), FIRMWARE_MIDELEG);
    assert.strictEqual(FIRMWARE_MIDELEG, 0x222);
    assert.deepStrictEqual([csr(CSR.mcounteren), csr(CSR.scounteren), csr(CSR.mie)], [0xffffffff, 7, 0]);
    assert.deepStrictEqual([csr(CSR.pmpcfg0) & 0xff, csr(CSR.pmpaddr0)], [0x1f, 0xffffffff]);
    // After the mret: MPP = U, MPIE = 1, MIE = 0, and nothing of the supervisor's enabled yet.
    assert.strictEqual(csr(CSR.mstatus) & 0x1faa, 0x80);
    assert.deepStrictEqual([csr(CSR.stvec), csr(CSR.satp), csr(CSR.mip) & 0x22], [KERNEL_BASE, 0, 0]);
    // The timer is off until the kernel asks (mtimecmp all ones).
    assert.strictEqual(sys.machine.bus.read(0x2004004, 4) >>> 0, 0xffffffff);
  });

  it('starts the kernel the same way again after a reset', () => {
    const { sys } = boot(guestFile);
    sys.run(200);
    sys.reset();
    assert.deepStrictEqual([sys.machine.hart.priv, sys.machine.hart.pc], [1, KERNEL_BASE]);
  });

  it('parks the hart for good on HSM hart_stop: the run ends idle', () => {
    const file = build('hart-stop.S', [
      // A timer interrupt pending and enabled in sie (SIE off, so it is not taken): it would wake a
      // waiting hart, but not a stopped one.
      '_start: li a0, 0', '  li a1, 0', '  li a7, 0', '  ecall', '  li t0, 0x20', '  csrs sie, t0',
      '  li a7, 0x48534d', '  li a6, 1', '  ecall', '  j .',
    ].join('\n'));
    const { sys } = boot(file);
    const r = sys.run(1_000_000);
    assert.strictEqual(r.reason, StopReason.Idle);
    assert.ok(sys.machine.hart.icount < 100);
  });
});
