/**
 * Hand-made DWARF for the tests: a byte writer (LEB128, strings, patchable lengths) and an ELF32
 * that holds just the given sections. Used for what GCC does not emit (DWARF 2 headers, strp and
 * udata file entries, CIE versions 1 and 4, 64-bit DWARF, expressions) and for malformed input.
 */

export class Bytes {
  private buf: number[] = [];

  get length(): number {
    return this.buf.length;
  }

  u8(...vs: number[]): this {
    for (const v of vs) this.buf.push(v & 0xff);
    return this;
  }

  u16(v: number): this {
    return this.u8(v, v >>> 8);
  }

  u32(v: number): this {
    return this.u8(v, v >>> 8, v >>> 16, v >>> 24);
  }

  u64(v: number): this {
    return this.u32(v % 2 ** 32).u32(Math.floor(v / 2 ** 32));
  }

  uleb(v: number): this {
    do {
      let b = v % 128;
      v = Math.floor(v / 128);
      if (v > 0) b |= 0x80;
      this.buf.push(b);
    } while (v > 0);
    return this;
  }

  sleb(v: number): this {
    for (;;) {
      const b = v & 0x7f;
      v >>= 7;
      const done = (v === 0 && !(b & 0x40)) || (v === -1 && b & 0x40);
      this.buf.push(done ? b : b | 0x80);
      if (done) return this;
    }
  }

  cstr(s: string): this {
    for (const b of Buffer.from(s, 'utf8')) this.buf.push(b);
    return this.u8(0);
  }

  bytes(b: ArrayLike<number>): this {
    for (let i = 0; i < b.length; i++) this.buf.push(b[i] & 0xff);
    return this;
  }

  /** Writes a 4-byte placeholder; call the result to fill it with the byte count since the placeholder's end. */
  length32(): () => void {
    const at = this.buf.length;
    this.u32(0);
    return () => this.patch32(at, this.buf.length - at - 4);
  }

  patch32(at: number, v: number): void {
    for (let i = 0; i < 4; i++) this.buf[at + i] = (v >>> (8 * i)) & 0xff;
  }

  done(): Uint8Array {
    return Uint8Array.from(this.buf);
  }
}

export interface SectionSpec {
  readonly name: string;
  readonly data: Uint8Array;
  readonly addr?: number;
  /** SHF_* (2 = alloc, 4 = exec); default 0. */
  readonly flags?: number;
  /** SHT_* (1 progbits, 8 nobits); default 1. */
  readonly type?: number;
}

/** An ELF32 RISC-V executable (ET_EXEC unless `type` says otherwise) with these sections. */
export function elfWithSections(sections: readonly SectionSpec[], type = 2): Uint8Array {
  const names = new Bytes().u8(0);
  const nameAt: number[] = [];
  for (const s of sections) {
    nameAt.push(names.length);
    names.cstr(s.name);
  }
  const shstrtabName = names.length;
  names.cstr('.shstrtab');
  const shstr = names.done();

  const out = new Bytes();
  out.u8(0x7f, 0x45, 0x4c, 0x46, 1, 1, 1, 0).u32(0).u32(0);
  const bodies: { at: number; data: Uint8Array }[] = [];
  let cursor = 52;
  const place = (data: Uint8Array) => {
    cursor = (cursor + 3) & ~3;
    const at = cursor;
    bodies.push({ at, data });
    cursor += data.length;
    return at;
  };
  const offsets = sections.map((s) => place(s.data));
  const shstrAt = place(shstr);
  const shoff = (cursor + 3) & ~3;
  const shnum = sections.length + 2;
  // e_type, e_machine, e_version, e_entry, e_phoff, e_shoff, e_flags, e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx
  out.u16(type).u16(243).u32(1).u32(0).u32(0).u32(shoff).u32(0).u16(52).u16(32).u16(0).u16(40).u16(shnum).u16(shnum - 1);
  const file = new Uint8Array(shoff + shnum * 40);
  file.set(out.done());
  for (const b of bodies) file.set(b.data, b.at);
  const sh = new Bytes().bytes(new Uint8Array(40));
  sections.forEach((s, i) => {
    sh.u32(nameAt[i]).u32(s.type ?? 1).u32(s.flags ?? 0).u32(s.addr ?? 0).u32(offsets[i]).u32(s.data.length).u32(0).u32(0).u32(1).u32(0);
  });
  sh.u32(shstrtabName).u32(3).u32(0).u32(0).u32(shstrAt).u32(shstr.length).u32(0).u32(0).u32(1).u32(0);
  file.set(sh.done(), shoff);
  return file;
}

/** A deterministic pseudo-random generator (xorshift32) for the fuzz tests. */
export function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}
