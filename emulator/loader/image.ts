/**
 * Raw images: bytes placed at an address, entered at that address. A RISC-V Linux `Image` is
 * recognised by its header (Documentation/riscv/boot-image-header.rst): "RISCV\0\0\0" at offset 48
 * and "RSC\x05" at 56, with the effective image size (including BSS) at 16.
 */
export interface LinuxImageHeader {
  /**
   * Where the kernel wants to sit, from the start of RAM: 0 for an M-mode kernel (it is the firmware),
   * 4 MiB (rv32) or 2 MiB (rv64) for a kernel that runs in S-mode above an SBI firmware.
   */
  readonly textOffset: number;
  /** Bytes the kernel occupies once running (0 when the header leaves it unset). */
  readonly imageSize: number;
  readonly version: number;
}

const HEADER_SIZE = 64;
const MAGIC = [0x52, 0x49, 0x53, 0x43, 0x56, 0, 0, 0];
const MAGIC2 = [0x52, 0x53, 0x43, 0x05];

/** The header of a RISC-V Linux Image, or null when `bytes` is not one. */
export function linuxImageHeader(bytes: Uint8Array): LinuxImageHeader | null {
  if (bytes.length < HEADER_SIZE) return null;
  if (!MAGIC.every((b, i) => bytes[48 + i] === b) || !MAGIC2.every((b, i) => bytes[56 + i] === b)) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u64 = (o: number) => v.getUint32(o, true) + v.getUint32(o + 4, true) * 0x1_0000_0000;
  return { textOffset: u64(8), imageSize: u64(16), version: v.getUint32(32, true) };
}

/** Whether the kernel expects an SBI firmware below it (it was built to run in S-mode). */
export function expectsFirmware(h: LinuxImageHeader): boolean {
  return h.textOffset > 0;
}
