/**
 * The prebuilt RV32 Linux guests (../shared/guests/linux-rv32/out, next to the repository), and what
 * the Linux tests share: finding them (a visible skip when they are missing, a failure under CI), and
 * reading a boot's console for the signs of a kernel in trouble.
 */
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/guests';

export const LINUX_OUT = path.resolve(REPO_ROOT, '..', 'shared', 'guests', 'linux-rv32', 'out');

export const NOMMU = path.join(LINUX_OUT, 'Image-rv32-nommu');
export const MMU = path.join(LINUX_OUT, 'Image-rv32-mmu');
export const MINISBI = path.join(LINUX_OUT, 'minisbi.bin');
export const MIN_DTB = path.join(LINUX_OUT, 'rv32-virt-min.dtb');
export const VMLINUX_MMU = path.join(LINUX_OUT, 'vmlinux-rv32-mmu');
export const SYSTEM_MAP_MMU = path.join(LINUX_OUT, 'System.map-rv32-mmu');

/** Enough for either kernel to power off (each needs about 30 million). */
export const BOOT_BUDGET = 200_000_000;

/**
 * Skips the calling test (or suite) when a prebuilt file is missing, saying so in the output; under CI
 * a missing file is a failure, since the guests are part of the test set-up there.
 */
export function needLinuxFiles(ctx: Mocha.Context, ...files: string[]): void {
  const missing = files.filter((f) => !fs.existsSync(f));
  if (missing.length === 0) return;
  const what = `missing ${missing.map((f) => path.relative(REPO_ROOT, f)).join(', ')} (build with ../shared/guests/linux-rv32/build.sh)`;
  if (process.env.CI) throw new Error(what);
  console.log(`      skipped: ${what}`);
  ctx.skip();
}

/** Lines that mean the kernel is in trouble, even if it went on to power off. */
const TROUBLE = [/Kernel panic/, /\bOops\b/, /\bBUG:/, /Unable to handle kernel/, /WARNING: CPU:/, /Illegal instruction/];

export function troubleLine(console: string): string | undefined {
  return console.split('\n').find((l) => TROUBLE.some((re) => re.test(l)));
}

export function lastLines(text: string, n = 30): string {
  const lines = text.replace(/\r/g, '').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.slice(-n).join('\n');
}

/** A console line without its printk timestamp, carriage return and trailing blanks. */
export function plainLine(line: string): string {
  return line.replace(/\r/g, '').replace(/^\[\s*\d+\.\d+\] /, '').trimEnd();
}
