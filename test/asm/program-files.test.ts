/** Which assembly sources make a program when nothing says so (emulator/asm/program-files.ts). */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assemblyProgramOf, assemblyProgramsIn } from '../../emulator/asm/program-files';

describe('asm: the programs of a folder of sources', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-asm-programs-'));
  const folder = (name: string, files: Record<string, string>) => {
    const dir = path.join(root, name);
    fs.mkdirSync(dir);
    for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
    return (f: string) => path.join(dir, f);
  };

  it('a folder of sources is one program, the one defining _start first, included files left out', () => {
    const at = folder('one', {
      'uart.S': 'putc: ret\n',
      'main.S': '  .include "macros.S"\n_start:\n  call putc\n',
      'macros.S': '  .equ UART, 0x10000000\n',
      'notes.txt': 'not a source',
    });
    assert.deepEqual(assemblyProgramsIn(path.dirname(at('x'))), [[at('main.S'), at('uart.S')]]);
    assert.deepEqual(assemblyProgramOf(at('uart.S')), [at('main.S'), at('uart.S')]);
    assert.deepEqual(assemblyProgramOf(at('macros.S')), [at('macros.S')]);
  });

  it('leaves out files that a source #includes (the C preprocessor\'s include)', () => {
    const at = folder('cpp', { 'main.S': '#include "regs.S"\n_start: nop\n', 'regs.S': '#define X 1\n', 'lib.S': 'f: ret\n' });
    assert.deepEqual(assemblyProgramsIn(path.dirname(at('x'))), [[at('main.S'), at('lib.S')]]);
  });

  it('a folder where several files define _start holds separate programs', () => {
    const at = folder('exercises', { 'ex1.S': '_start:\n  nop\n', 'ex2.s': '  _start :\n  nop\n', 'lib.asm': 'f: ret\n' });
    assert.deepEqual(assemblyProgramsIn(path.dirname(at('x'))), [[at('ex1.S')], [at('ex2.s')], [at('lib.asm')]]);
    assert.deepEqual(assemblyProgramOf(at('ex2.s')), [at('ex2.s')]);
  });

  it('a lone file, and a folder with no sources', () => {
    const at = folder('lone', { 'only.S': 'nop\n' });
    assert.deepEqual(assemblyProgramOf(at('only.S')), [at('only.S')]);
    assert.deepEqual(assemblyProgramsIn(path.join(root, 'missing')), []);
  });
});
