/** Running the RISC-V binutils from the tests: finding them, assembling, linking, disassembling. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const PREFIX = process.env.RISCV_PREFIX ?? 'riscv64-unknown-elf-';
export const ARCH = 'rv32imac_zicsr_zifencei';

function onPath(tool: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, tool), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Whether objdump, as and ld are all available. */
export function haveBinutils(): boolean {
  return ['objdump', 'as', 'ld'].every((t) => onPath(PREFIX + t));
}

function run(tool: string, args: string[]): string {
  return execFileSync(PREFIX + tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

export interface Listings {
  readonly aliases: string;
  readonly noAliases: string;
}

/**
 * Assembles `source`, links it at 0x80000000 without symbols (so objdump prints plain addresses) and
 * returns objdump's listings with and without aliases.
 */
export function objdumpOf(source: string, arch = ARCH): Listings {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-isa-'));
  try {
    const src = path.join(dir, 'words.S');
    const obj = path.join(dir, 'words.o');
    const elf = path.join(dir, 'words.elf');
    fs.writeFileSync(src, source);
    run('as', [`-march=${arch}`, '-mabi=ilp32', '-o', obj, src]);
    run('ld', ['-m', 'elf32lriscv', '-Ttext=0x80000000', '-e', '0x80000000', '-s', '-o', elf, obj]);
    return { aliases: run('objdump', ['-d', elf]), noAliases: run('objdump', ['-d', '-M', 'no-aliases', elf]) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Assembly that places exactly these halfwords and words, as instructions. */
export function insnDirectives(items: readonly { raw: number; len: 2 | 4 }[]): string {
  return items.map((w) => w.len === 2
    ? `\t.insn 2, 0x${(w.raw & 0xffff).toString(16).padStart(4, '0')}`
    : `\t.insn 4, 0x${(w.raw >>> 0).toString(16).padStart(8, '0')}`).join('\n') + '\n';
}
