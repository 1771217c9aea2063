/**
 * `--symbols FILE` names a raw Image's code with its vmlinux's symbols (in GuestSystem and in
 * `--trace in_asm`), and the `run` options this work added: --bios, --dtb, --symbols.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GuestSystem } from '../../emulator/system';
import { CLI, runProgram } from '../helpers/guests';
import { MMU, SYSTEM_MAP_MMU, VMLINUX_MMU, needLinuxFiles } from './linux-images';

/** name -> address from a System.map (text symbols only). */
function systemMap(file: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [addr, type, name] = line.split(' ');
    if (name && /^[tT]$/.test(type)) m.set(name, parseInt(addr, 16));
  }
  return m;
}

describe('linux: --symbols and the run options', function () {
  // Child processes and whole-kernel loads: more than mocha's default 2 s on a busy machine.
  this.timeout(120_000);

  it('merges a vmlinux\'s symbols into the system\'s symbolizer for a raw Image', function () {
    needLinuxFiles(this, MMU, VMLINUX_MMU, SYSTEM_MAP_MMU);
    const plain = new GuestSystem({ guest: MMU, write: () => {} });
    const map = systemMap(SYSTEM_MAP_MMU);
    const startKernel = map.get('start_kernel')!;
    assert.strictEqual(plain.symbolize(startKernel), undefined, 'a raw Image has no symbols of its own');
    const sys = new GuestSystem({ guest: MMU, symbolFiles: [VMLINUX_MMU], write: () => {} });
    assert.strictEqual(sys.symbolize(startKernel), 'start_kernel');
    assert.strictEqual(sys.symbolize(startKernel + 6), 'start_kernel+0x6');
    assert.strictEqual(sys.symbols.address('handle_exception'), map.get('handle_exception'));
  });

  it('refuses a symbol file that is not a RISC-V ELF, in one line naming it', function () {
    needLinuxFiles(this, MMU);
    assert.throws(() => new GuestSystem({ guest: MMU, symbolFiles: [MMU], write: () => {} }), /^Error: .*Image-rv32-mmu: not an ELF file \(no \\x7fELF magic\)$/);
    assert.throws(() => new GuestSystem({ guest: MMU, symbolFiles: ['/nonexistent/vmlinux'], write: () => {} }), /^Error: \/nonexistent\/vmlinux: no such file$/);
  });

  it('names kernel functions in `--trace in_asm` with --symbols vmlinux', async function () {
    needLinuxFiles(this, MMU, VMLINUX_MMU);
    const trace = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-trace-')), 'in_asm.txt');
    const r = await runProgram(process.execPath,
      [CLI, 'run', '--max-insns', '400000', '--trace', `in_asm:${trace}`, '--symbols', VMLINUX_MMU, MMU], 60_000);
    assert.strictEqual(r.code, 124, r.stderr);
    const text = fs.readFileSync(trace, 'utf8');
    assert.match(text, /^IN: start_kernel$/m);
    assert.match(text, /j\s+c00d9928 <start_kernel>/);
  });

  it('documents --bios, --dtb and --symbols in --help, and reports a missing firmware in one line', async () => {
    const help = await runProgram(process.execPath, [CLI, 'run', '--help'], 30_000);
    const text = help.stdout.toString();
    for (const opt of ['--bios none|builtin|FILE', '--dtb FILE', '--symbols ELF']) assert.ok(text.includes(opt), `--help lacks ${opt}`);
    const r = await runProgram(process.execPath, [CLI, 'run', '--bios', '/nonexistent/fw.bin', CLI], 30_000);
    assert.deepStrictEqual([r.code, r.stderr], [1, 'translucent: /nonexistent/fw.bin: no such file\n']);
  });
});
