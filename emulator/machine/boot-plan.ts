/**
 * What goes where at power-on, as QEMU 7.2's virt board decides it from `-bios` and `-kernel`:
 *
 *   none     the guest at its ELF addresses or at the start of RAM, started in M-mode (`-bios none`);
 *   FILE     the firmware at its ELF addresses or at the start of RAM, started in M-mode with a2 =
 *            fw_dynamic_info; the guest (unless an ELF) at the first 4 MiB boundary past the
 *            firmware's end, QEMU's rule for rv32 (riscv_calc_kernel_start_addr);
 *   builtin  our SBI firmware (emulator/firmware/), which takes no guest memory; the guest where QEMU
 *            puts a kernel above its rv32 OpenSBI (RAM + 4 MiB), started in S-mode.
 *
 * Left unsaid, a Linux Image built for S-mode (a nonzero load offset in its header) gets `builtin` and
 * anything else `none`, so bare-metal programs and M-mode kernels start as they always have.
 */
import { loadGuestBytes, readGuestFile, type LoadedImage } from '../loader/load';
import { expectsFirmware, linuxImageHeader } from '../loader/image';
import { isElf } from '../loader/elf';
import { badInput, hex } from '../loader/errors';

export type BiosChoice = 'none' | 'builtin' | { readonly file: string };

export interface BootPlan {
  readonly kernel: LoadedImage;
  /** The firmware image, the built-in SBI firmware, or none (the guest starts in M-mode). */
  readonly firmware: LoadedImage | 'builtin' | null;
}

/** A guest file, or bytes made in memory (an assembled program) with the name to report them by. */
export type GuestInput = string | { readonly path: string; readonly bytes: Uint8Array };

export interface RamSpan {
  readonly base: number;
  readonly size: number;
}

/** rv32's kernel alignment above a firmware (a megapage: 4 MiB). */
const KERNEL_ALIGN = 4 * 1024 * 1024;

/** `--bios` as typed: none, builtin, or a file name. */
export function parseBios(text: string): BiosChoice {
  return text === 'none' || text === 'builtin' ? text : { file: text };
}

export function planBoot(guest: GuestInput, bios: BiosChoice | undefined, ram: RamSpan): BootPlan {
  const guestPath = typeof guest === 'string' ? guest : guest.path;
  const bytes = typeof guest === 'string' ? readGuestFile(guest) : guest.bytes;
  const choice = bios ?? defaultBios(bytes);
  const load = (at: number) => loadGuestBytes(bytes, guestPath, { ramBase: ram.base, ramSize: ram.size, loadAddress: at });
  if (choice === 'none') return { kernel: load(ram.base), firmware: null };
  if (choice === 'builtin') return { kernel: load(ram.base + KERNEL_ALIGN), firmware: 'builtin' };

  const firmware = loadGuestBytes(readGuestFile(choice.file), choice.file, { ramBase: ram.base, ramSize: ram.size });
  const end = Math.max(...firmware.segments.map((s) => s.addr + s.data.length));
  const kernel = load(Math.ceil((end - ram.base) / KERNEL_ALIGN) * KERNEL_ALIGN + ram.base);
  for (const k of kernel.segments) {
    for (const f of firmware.segments) {
      if (k.addr < f.addr + f.data.length && f.addr < k.addr + k.data.length) {
        throw badInput(guestPath, `segment at ${hex(k.addr)}..${hex(k.addr + k.data.length)} overlaps the firmware ${choice.file} (${hex(f.addr)}..${hex(f.addr + f.data.length)})`);
      }
    }
  }
  return { kernel, firmware };
}

function defaultBios(bytes: Uint8Array): BiosChoice {
  const linux = isElf(bytes) ? null : linuxImageHeader(bytes);
  return linux !== null && expectsFirmware(linux) ? 'builtin' : 'none';
}
