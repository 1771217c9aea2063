/** Assembling and linking with GNU as + ld exactly as the assembler's contract says it matches. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { onPath } from './tools';

const PREFIX = process.env.RISCV_PREFIX ?? 'riscv64-unknown-elf-';
export const AS_ARGS = ['-march=rv32imac_zicsr_zifencei', '-mno-relax'];
export const LD_ARGS = ['-m', 'elf32lriscv', '-Ttext=0x80000000', '--no-relax'];

export type GnuResult = { readonly elf: Buffer } | { readonly error: string };

/** What GCC predefines for rv32imac/ilp32 that the C preprocessor stage of our assembler also defines. */
const CPP_DEFINES = ['__ASSEMBLER__', '__riscv', '__riscv_xlen=32', '__riscv_compressed', '__riscv_mul', '__riscv_div',
  '__riscv_muldiv', '__riscv_atomic', '__riscv_zicsr', '__riscv_zifencei', '__riscv_float_abi_soft', '__riscv_cmodel_medlow',
  '__ILP32__', '__ELF__'];

/** Whether a `.S` file uses the C preprocessor (GCC would run it on any `.S`; GNU as alone does not). */
export function usesCpp(name: string, text: string): boolean {
  return name.endsWith('.S') && /^\s*#\s*(include|define|undef|if|ifdef|ifndef)\b/m.test(text);
}

/**
 * The C preprocessor GCC runs on a `.S`: the RISC-V one when installed, else the host's GNU cpp with
 * its own predefinitions dropped (-undef) and the RISC-V ones given.
 */
export function gnuCpp(): string[] | undefined {
  if (onPath(PREFIX + 'cpp')) return [PREFIX + 'cpp', '-march=rv32imac_zicsr_zifencei', '-mabi=ilp32'];
  if (onPath('cpp')) return ['cpp', '-undef', ...CPP_DEFINES.map((d) => `-D${d}`)];
  return undefined;
}

/** Assembles `text` (as file `name`, with `.include`s found in `dir`) and links it; a `.S` using cpp is preprocessed first. */
export function gnuBuild(name: string, text: string, dir?: string): GnuResult {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-asm-'));
  try {
    let src = path.join(tmp, name);
    fs.writeFileSync(src, text);
    if (usesCpp(name, text)) {
      const cpp = gnuCpp();
      if (cpp === undefined) return { error: 'no C preprocessor installed (riscv64-unknown-elf-cpp or cpp)' };
      const out = path.join(tmp, `${name}.i.s`);
      const r = spawnSync(cpp[0], [...cpp.slice(1), '-x', 'assembler-with-cpp', ...(dir ? ['-I', dir] : []), src, '-o', out], { encoding: 'utf8' });
      if (r.status !== 0) return { error: r.stderr };
      src = out;
    }
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
