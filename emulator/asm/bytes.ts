/** A little-endian byte buffer that grows as it is written, with the encodings ELF and DWARF use. */
export class ByteWriter {
  private buf = new Uint8Array(256);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  u8(v: number): this {
    this.room(1);
    this.buf[this.length++] = v & 0xff;
    return this;
  }

  u16(v: number): this {
    return this.u8(v).u8(v >>> 8);
  }

  u32(v: number): this {
    return this.u16(v & 0xffff).u16(v >>> 16);
  }

  bytes(b: ArrayLike<number>): this {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
    return this;
  }

  /** NUL-terminated UTF-8. */
  cstring(s: string): this {
    return this.bytes(new TextEncoder().encode(s)).u8(0);
  }

  uleb(v: number): this {
    do {
      let b = v % 128;
      v = Math.floor(v / 128);
      if (v !== 0) b |= 0x80;
      this.u8(b);
    } while (v !== 0);
    return this;
  }

  sleb(v: number): this {
    for (;;) {
      const b = v & 0x7f;
      v >>= 7;
      const done = (v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0);
      this.u8(done ? b : b | 0x80);
      if (done) return this;
    }
  }

  alignTo(n: number): this {
    while (this.length % n !== 0) this.u8(0);
    return this;
  }

  /** Overwrites a 32-bit value written earlier (lengths known only at the end). */
  patch32(at: number, v: number): void {
    for (let k = 0; k < 4; k++) this.buf[at + k] = (v >>> (8 * k)) & 0xff;
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}
