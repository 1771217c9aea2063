/**
 * `translucent asm FILE.S... -o OUT.elf`: assembles and links, printing problems as
 * `file:line:col: error: message`. Exit status 0 on success, 1 on errors, 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import * as fs from 'node:fs';
import { assemble, DEFAULT_TEXT_BASE } from './assemble';
import { formatDiagnostic } from './diagnostics';

const USAGE = [
  'Usage: translucent asm [options] FILE.S... -o OUT.elf',
  '',
  'Assembles RISC-V (RV32IMAC, GNU as syntax) and links an ELF executable for the `virt` board.',
  '',
  'Options:',
  '  -o, --output FILE    the executable to write (required)',
  `  --text-base ADDR     address of .text (default 0x${DEFAULT_TEXT_BASE.toString(16)})`,
  '  --no-rvc             start without compressed instructions (as `.option norvc`)',
  '  --no-debug           leave out the DWARF line table',
  '  -h, --help           show this help',
].join('\n');

function parseAddress(text: string): number | undefined {
  const v = /^0x[0-9a-f]+$/i.test(text) ? parseInt(text.slice(2), 16) : /^\d+$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(v) && v >= 0 && v <= 0xffffffff ? v : undefined;
}

export async function asmMain(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string', short: 'o' },
        'text-base': { type: 'string' },
        'no-rvc': { type: 'boolean' },
        'no-debug': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    process.stderr.write(`translucent asm: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0 || values.output === undefined) {
    process.stderr.write(`translucent asm: ${positionals.length === 0 ? 'no input files' : 'missing -o OUT.elf'}\n\n${USAGE}\n`);
    return 2;
  }
  let textBase = DEFAULT_TEXT_BASE;
  if (values['text-base'] !== undefined) {
    const a = parseAddress(values['text-base']);
    if (a === undefined) {
      process.stderr.write(`translucent asm: --text-base: cannot read address "${values['text-base']}" (example: 0x80000000)\n`);
      return 2;
    }
    textBase = a;
  }
  const sources = [];
  for (const file of positionals) {
    try {
      sources.push({ path: file, text: fs.readFileSync(file, 'utf8') });
    } catch (e) {
      process.stderr.write(`translucent asm: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 1;
    }
  }
  const result = assemble(sources, { textBase, rvc: values['no-rvc'] !== true, noDebug: values['no-debug'] === true });
  for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (result.elf === undefined) return 1;
  try {
    fs.writeFileSync(values.output, result.elf);
  } catch (e) {
    process.stderr.write(`translucent asm: cannot write ${values.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 1;
  }
  return 0;
}
