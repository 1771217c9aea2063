/**
 * .eh_frame pointer encodings (DW_EH_PE_*, from the LSB "Exception Frame" specification): the low
 * nibble is the value's format, bits 4-6 what it is relative to, bit 7 an indirection.
 */
import { readAddress } from './dwarf-forms';
import { fail, Reader } from './dwarf-reader';

export const DW_EH_PE_absptr = 0x00;
export const DW_EH_PE_omit = 0xff;
const DW_EH_PE_pcrel = 0x10;
const DW_EH_PE_aligned = 0x50;
const DW_EH_PE_indirect = 0x80;
const RELATIVE_TO: Readonly<Record<number, string>> = { 0x20: 'text', 0x30: 'data', 0x40: 'function' };

export interface PointerBase {
  /** Run-time address of the section's byte 0 (for pc-relative values). */
  readonly sectionAddr: number;
  readonly addrSize: number;
}

const FORMATS: Readonly<Record<number, (r: Reader, addrSize: number) => number>> = {
  0x00: (r, size) => readAddress(r, size),
  0x01: (r) => r.uleb(),
  0x02: (r) => r.u16(),
  0x03: (r) => r.u32(),
  0x04: (r) => low32(r),
  0x08: (r, size) => (size === 4 ? r.i32() : low32(r)),
  0x09: (r) => r.sleb(),
  0x0a: (r) => r.i16(),
  0x0b: (r) => r.i32(),
  0x0c: (r) => low32(r),
};

/** An 8-byte value's low half: a 32-bit target's address, sign-extended or not. */
function low32(r: Reader): number {
  const lo = r.u32();
  r.u32();
  return lo;
}

/** Just the value, no relocation: the FDE's address range is encoded this way. */
export function readEncodedValue(r: Reader, encoding: number, addrSize: number): number {
  const read = FORMATS[encoding & 0x0f];
  if (read === undefined) fail(`unknown pointer format 0x${encoding.toString(16)}`);
  return read(r, addrSize);
}

/** A pointer with its relocation applied. Only absolute and pc-relative pointers (all GCC and LLVM emit for code) are supported. */
export function readPointer(r: Reader, encoding: number, base: PointerBase): number {
  if (encoding & DW_EH_PE_indirect) fail(`indirect pointer encoding 0x${encoding.toString(16)}`);
  const application = encoding & 0x70;
  if (application === DW_EH_PE_aligned) {
    r.skip((base.addrSize - (r.pos % base.addrSize)) % base.addrSize);
    return readAddress(r, base.addrSize);
  }
  const at = r.pos;
  const value = readEncodedValue(r, encoding, base.addrSize);
  if (application === 0) return value >>> 0;
  if (application === DW_EH_PE_pcrel) return (base.sectionAddr + at + value) >>> 0;
  return fail(`pointer relative to ${RELATIVE_TO[application] ?? `0x${application.toString(16)}`} is not supported`);
}
