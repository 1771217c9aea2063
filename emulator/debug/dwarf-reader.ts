/**
 * A cursor over little-endian DWARF bytes. Every read is bounds-checked against the cursor's
 * limit and throws DwarfError when it would run past it: the unit decoders catch that at unit
 * granularity, so a malformed unit is skipped with a warning instead of reading garbage.
 */

/** Malformed or unsupported DWARF. Never escapes the public API (see dwarf.ts). */
export class DwarfError extends Error {}

export function fail(problem: string): never {
  throw new DwarfError(problem);
}

const utf8 = new TextDecoder();

export class Reader {
  private readonly view: DataView;

  /** `pos` and `end` are offsets into `bytes`. */
  constructor(readonly bytes: Uint8Array, public pos = 0, public end = bytes.length) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (end > bytes.length || pos > end) fail(`range ${pos}..${end} outside ${bytes.length} bytes`);
  }

  /** A reader over [pos, pos + length) that shares these bytes. */
  sub(length: number): Reader {
    this.need(length);
    return new Reader(this.bytes, this.pos, this.pos + length);
  }

  get left(): number {
    return this.end - this.pos;
  }

  atEnd(): boolean {
    return this.pos >= this.end;
  }

  private need(n: number): void {
    if (n < 0 || this.pos + n > this.end) fail(`truncated: need ${n} bytes at offset 0x${this.pos.toString(16)}, ${this.left} left`);
  }

  skip(n: number): void {
    this.need(n);
    this.pos += n;
  }

  u8(): number {
    this.need(1);
    return this.bytes[this.pos++];
  }

  i8(): number {
    this.need(1);
    return this.view.getInt8(this.pos++);
  }

  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }

  i16(): number {
    this.need(2);
    const v = this.view.getInt16(this.pos, true);
    this.pos += 2;
    return v;
  }

  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  i32(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }

  /**
   * A 64-bit value as a JS number. Exact up to 2^53; addresses and offsets above that cannot occur
   * in the 32-bit guests this serves, so larger values are reported rather than silently rounded.
   */
  u64(): number {
    const lo = this.u32();
    const hi = this.u32();
    if (hi >= 0x200000) fail(`64-bit value 0x${hi.toString(16)}${lo.toString(16).padStart(8, '0')} is too large`);
    return hi * 0x1_0000_0000 + lo;
  }

  /** Unsigned LEB128. Values past 2^53 are an error (see u64). */
  uleb(): number {
    let result = 0;
    let scale = 1;
    for (;;) {
      const b = this.u8();
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) break;
      scale *= 128;
      if (scale > 2 ** 56) fail(`LEB128 value too long at offset 0x${this.pos.toString(16)}`);
    }
    if (result > Number.MAX_SAFE_INTEGER) fail(`LEB128 value too large at offset 0x${this.pos.toString(16)}`);
    return result;
  }

  /** Signed LEB128, with the same range limit as uleb. */
  sleb(): number {
    let result = 0;
    let scale = 1;
    let b: number;
    let count = 0;
    do {
      if (++count > 10) fail(`LEB128 value too long at offset 0x${this.pos.toString(16)}`);
      b = this.u8();
      result += (b & 0x7f) * scale;
      scale *= 128;
    } while (b & 0x80);
    if (b & 0x40) result -= scale;
    if (!Number.isSafeInteger(result)) fail(`LEB128 value too large at offset 0x${this.pos.toString(16)}`);
    return result;
  }

  /** A NUL-terminated UTF-8 string (the terminator must be inside the range). */
  cstr(): string {
    const start = this.pos;
    const nul = this.bytes.indexOf(0, start);
    if (nul < 0 || nul >= this.end) fail(`unterminated string at offset 0x${start.toString(16)}`);
    this.pos = nul + 1;
    return utf8.decode(this.bytes.subarray(start, nul));
  }

  bytesOf(n: number): Uint8Array {
    this.need(n);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** An offset of the unit's format: 4 bytes in 32-bit DWARF, 8 in 64-bit DWARF. */
  offset(is64: boolean): number {
    return is64 ? this.u64() : this.u32();
  }

  /**
   * A unit's initial length: 32-bit DWARF, or 0xffffffff then a 64-bit length. The reader is left
   * after the length field.
   */
  initialLength(): { length: number; is64: boolean } {
    const l = this.u32();
    if (l === 0xffffffff) return { length: this.u64(), is64: true };
    if (l >= 0xfffffff0) fail(`reserved unit length 0x${l.toString(16)}`);
    return { length: l, is64: false };
  }
}

/** A NUL-terminated string at `offset` of a string section (.debug_str, .debug_line_str). */
export function stringAt(section: Uint8Array | undefined, offset: number, name: string): string {
  if (section === undefined) fail(`string form needs ${name}, which is missing`);
  if (offset >= section.length) fail(`string offset 0x${offset.toString(16)} outside ${name} (${section.length} bytes)`);
  return new Reader(section, offset).cstr();
}

/** The message of an error thrown while decoding (DwarfError or a bug's TypeError alike). */
export function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
