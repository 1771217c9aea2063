/** Assembling and linking with GNU as + ld exactly as the assembler's contract says it matches. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const PREFIX = process.env.RISCV_PREFIX ?? 'riscv64-unknown-elf-';
export const AS_ARGS = ['-march=rv32imac_zicsr_zifencei', '-mno-relax'];
export const LD_ARGS = ['-m', 'elf32lriscv', '-Ttext=0x80000000', '--no-relax'];

export type GnuResult = { readonly elf: Buffer } | { readonly error: string };

/** Assembles `text` (as file `name`, with `.include`s found in `dir`) and links it. */
export function gnuBuild(name: string, text: string, dir?: string): GnuResult {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-asm-'));
  try {
    const src = path.join(tmp, name);
    fs.writeFileSync(src, text);
    const as = spawnSync(PREFIX + 'as', [...AS_ARGS, '-o', path.join(tmp, 'a.o'), src], { encoding: 'utf8', cwd: dir ?? tmp });
    if (as.status !== 0) return { error: as.stderr };
    const ld = spawnSync(PREFIX + 'ld', [...LD_ARGS, '-o', path.join(tmp, 'a.elf'), path.join(tmp, 'a.o')], { encoding: 'utf8' });
    if (ld.status !== 0) return { error: ld.stderr };
    return { elf: fs.readFileSync(path.join(tmp, 'a.elf')) };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Runs a binutils tool on an ELF image; returns stdout and stderr. */
export function binutil(tool: string, args: readonly string[], elf: Uint8Array): { stdout: string; stderr: string } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-asm-'));
  try {
    const file = path.join(tmp, 'a.elf');
    fs.writeFileSync(file, elf);
    const r = spawnSync(PREFIX + tool, [...args, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { stdout: r.stdout, stderr: r.stderr };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
