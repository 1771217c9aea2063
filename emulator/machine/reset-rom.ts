/**
 * The MROM contents QEMU 7.2's virt board builds for an rv32 hart (read back from 0x1000 with the
 * monitor's `xp`): a six-instruction reset vector, then the words it loads, then OpenSBI's
 * fw_dynamic_info, which a2 points at.
 *
 *   0x1000  auipc t0, 0           a0 = mhartid, a1 = fdt address, a2 = &fw_dynamic_info,
 *   0x1004  addi  a2, t0, 40      then jump to the start address.
 *   0x1008  csrr  a0, mhartid
 *   0x100c  lw    a1, 32(t0)
 *   0x1010  lw    t0, 24(t0)
 *   0x1014  jr    t0
 *   0x1018  start address (64-bit: low, high)
 *   0x1020  fdt address (64-bit)
 *   0x1028  fw_dynamic_info: magic "OSBI", version 2, next_addr, next_mode (1 = S), options, boot_hart
 */
const RESET_VECTOR = [0x00000297, 0x02828613, 0xf1402573, 0x0202a583, 0x0182a283, 0x00028067];
const FW_DYNAMIC_MAGIC = 0x4942534f;
const FW_DYNAMIC_VERSION = 2;
const NEXT_MODE_S = 1;

export interface ResetRomParams {
  readonly startAddress: number;
  readonly fdtAddress: number;
  /** Where a firmware would continue; QEMU stores the lowest address of the loaded kernel. */
  readonly nextAddress: number;
}

/** Writes the reset vector and its data at the start of `rom` (the MROM's bytes). */
export function writeResetRom(rom: Uint8Array, p: ResetRomParams): void {
  const words = [
    ...RESET_VECTOR,
    p.startAddress, 0,
    p.fdtAddress, 0,
    FW_DYNAMIC_MAGIC, FW_DYNAMIC_VERSION, p.nextAddress, NEXT_MODE_S, 0, 0,
  ];
  const v = new DataView(rom.buffer, rom.byteOffset, rom.byteLength);
  rom.fill(0);
  words.forEach((w, i) => v.setUint32(i * 4, w >>> 0, true));
}
