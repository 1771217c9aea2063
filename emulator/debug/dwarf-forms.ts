/**
 * DWARF attribute forms (DWARF 5 section 7.5.6): how to read, or step over, a value of each form.
 * Used for the first DIE of each compilation unit and for the entry formats of DWARF 5 line
 * headers; both must get past forms whose values they do not want.
 */
import { fail, Reader, stringAt } from './dwarf-reader';

export interface FormContext {
  readonly is64: boolean;
  readonly addrSize: number;
  readonly version: number;
  readonly str?: Uint8Array;
  readonly lineStr?: Uint8Array;
}

/** A string given by index into .debug_str_offsets: resolvable only with the unit's str_offsets_base. */
export class StrIndex {
  constructor(readonly index: number) {}
}

export type FormValue = number | string | Uint8Array | StrIndex;

type FormReader = (r: Reader, c: FormContext) => FormValue;

export const DW_FORM_implicit_const = 0x21;
const DW_FORM_indirect = 0x16;

const sized = (n: number): FormReader => (r) => r.bytesOf(n);
const block = (len: (r: Reader) => number): FormReader => (r) => r.bytesOf(len(r));
const offset: FormReader = (r, c) => r.offset(c.is64);
const address: FormReader = (r, c) => readAddress(r, c.addrSize);
const strx: FormReader = (r) => new StrIndex(r.uleb());
const u24 = (r: Reader) => r.u16() | (r.u8() << 16);

const FORMS: Readonly<Record<number, FormReader>> = {
  0x01: address,
  0x03: block((r) => r.u16()),
  0x04: block((r) => r.u32()),
  0x05: (r) => r.u16(),
  0x06: (r) => r.u32(),
  0x07: (r) => r.u64(),
  0x08: (r) => r.cstr(),
  0x09: block((r) => r.uleb()),
  0x0a: block((r) => r.u8()),
  0x0b: (r) => r.u8(),
  0x0c: (r) => r.u8(),
  0x0d: (r) => r.sleb(),
  0x0e: (r, c) => stringAt(c.str, r.offset(c.is64), '.debug_str'),
  0x0f: (r) => r.uleb(),
  // DWARF 2 wrote ref_addr with the address size, later versions with the offset size.
  0x10: (r, c) => (c.version <= 2 ? readAddress(r, c.addrSize) : r.offset(c.is64)),
  0x11: (r) => r.u8(),
  0x12: (r) => r.u16(),
  0x13: (r) => r.u32(),
  0x14: (r) => r.u64(),
  0x15: (r) => r.uleb(),
  0x17: offset,
  0x18: block((r) => r.uleb()),
  0x19: () => 1,
  0x1a: strx,
  0x1b: (r) => r.uleb(),
  0x1c: (r) => r.u32(),
  0x1d: offset,
  0x1e: sized(16),
  0x1f: (r, c) => stringAt(c.lineStr, r.offset(c.is64), '.debug_line_str'),
  0x20: sized(8),
  0x22: (r) => r.uleb(),
  0x23: (r) => r.uleb(),
  0x24: sized(8),
  0x25: (r) => new StrIndex(r.u8()),
  0x26: (r) => new StrIndex(r.u16()),
  0x27: (r) => new StrIndex(u24(r)),
  0x28: (r) => new StrIndex(r.u32()),
  0x29: (r) => r.u8(),
  0x2a: (r) => r.u16(),
  0x2b: u24,
  0x2c: (r) => r.u32(),
  // GNU extensions (split DWARF and dwz): indexes and offsets into other files' sections.
  0x1f01: (r) => r.uleb(),
  0x1f02: strx,
  0x1f20: offset,
  0x1f21: offset,
};

/** Reads one value of `form` (implicit_const values live in the abbreviation, not here). */
export function readForm(r: Reader, form: number, c: FormContext): FormValue {
  if (form === DW_FORM_indirect) return readForm(r, r.uleb(), c);
  const read = FORMS[form];
  if (read === undefined) fail(`unknown attribute form 0x${form.toString(16)}`);
  return read(r, c);
}

export function readAddress(r: Reader, size: number): number {
  switch (size) {
    case 4: return r.u32();
    case 8: return r.u64();
    case 2: return r.u16();
    default: return fail(`unsupported address size ${size}`);
  }
}
