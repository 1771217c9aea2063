/**
 * Our ELF runs: the hello fixture (UART output, then the SiFive test device's "pass" write at
 * 0x100000) boots on QEMU's virt board. Live only when qemu-system-riscv32 is installed (CI has it).
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assemble } from '../../emulator/asm/assemble';
import { parseElf } from '../../emulator/loader/elf';
import { ASM_FIXTURES } from './support/sections';
import { haveQemu, requireTool } from './support/tools';

function helloElf(): Uint8Array {
  const file = path.join(ASM_FIXTURES, 'hello.S');
  const r = assemble([{ path: file, text: fs.readFileSync(file, 'utf8') }]);
  assert.deepStrictEqual(r.diagnostics, []);
  return r.elf!;
}

describe('asm: the output runs', function () {
  this.timeout(30000);

  it('loads with our own ELF loader', () => {
    const elf = parseElf(helloElf(), 'hello.elf');
    assert.strictEqual(elf.entry, 0x80000000);
    assert.strictEqual(elf.segments[0].paddr, 0x80000000);
    assert.ok(elf.symbols.some((s) => s.name === '_start' && s.kind === 'func' && s.global));
  });

  it('prints "hi" on qemu-system-riscv32 -M virt and exits through the test device', function () {
    requireTool(this, haveQemu(), 'qemu-system-riscv32');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-asm-'));
    try {
      const file = path.join(dir, 'hello.elf');
      fs.writeFileSync(file, helloElf());
      const r = spawnSync('qemu-system-riscv32', ['-M', 'virt', '-bios', 'none', '-nographic', '-monitor', 'none', '-serial', 'stdio', '-kernel', file],
        { encoding: 'utf8', timeout: 20000, stdio: ['ignore', 'pipe', 'pipe'] });
      assert.strictEqual(r.error, undefined, `QEMU did not finish: ${r.error?.message}`);
      assert.strictEqual(r.stdout, 'hi\n');
      assert.strictEqual(r.status, 0, r.stderr);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
