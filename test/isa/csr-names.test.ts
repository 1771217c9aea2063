import * as assert from 'assert';
import { CSR, PrivLevel, allCsrs, csrDebugOnly, csrName, csrNumber, csrPrivilege, csrReadOnly } from '../../emulator/isa/csr-names';

describe('isa: CSR names', () => {
  it('names CSRs as objdump does, and maps names back', () => {
    assert.strictEqual(csrName(0x300), 'mstatus');
    assert.strictEqual(csrName(0xc1f), 'hpmcounter31');
    assert.strictEqual(csrName(0xc9f), 'hpmcounter31h');
    assert.strictEqual(csrName(0x33f), 'mhpmevent31');
    assert.strictEqual(csrName(0x3ef), 'pmpaddr63');
    assert.strictEqual(csrName(0x7b2), 'dscratch0');
    assert.strictEqual(csrName(0x7ff), undefined);
    assert.strictEqual(csrNumber('mconfigptr'), 0xf15);
    assert.strictEqual(csrNumber('menvcfgh'), 0x31a);
    assert.strictEqual(csrNumber('fp'), undefined);
  });

  it('knows the 407 CSRs binutils 2.40 names, each once', () => {
    const rows = allCsrs();
    assert.strictEqual(rows.length, 407);
    assert.strictEqual(new Set(rows.map((r) => r[0])).size, 407);
    assert.strictEqual(new Set(rows.map((r) => r[1])).size, 407);
    for (const [num, name] of rows) assert.strictEqual(csrNumber(name), num);
  });

  it('derives privilege, read-only and debug-only from the number', () => {
    assert.strictEqual(csrPrivilege(CSR.cycle), PrivLevel.User);
    assert.strictEqual(csrPrivilege(CSR.sstatus), PrivLevel.Supervisor);
    assert.strictEqual(csrPrivilege(0x600), PrivLevel.Hypervisor);
    assert.strictEqual(csrPrivilege(CSR.mstatus), PrivLevel.Machine);
    assert.ok(csrReadOnly(CSR.cycle) && csrReadOnly(CSR.mhartid));
    assert.ok(!csrReadOnly(CSR.mstatus) && !csrReadOnly(CSR.mcycle));
    assert.ok(csrDebugOnly(CSR.dcsr) && !csrDebugOnly(CSR.tselect));
  });

  it('exports constants for the implemented CSRs', () => {
    assert.strictEqual(CSR.mstatus, 0x300);
    assert.strictEqual(CSR.satp, 0x180);
    assert.strictEqual(CSR.pmpaddr15, 0x3bf);
    assert.ok(Object.isFrozen(CSR));
  });
});
