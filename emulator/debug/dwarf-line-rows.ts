/**
 * Line table rows in columns (typed arrays that grow by doubling): a Linux kernel has around a
 * million rows, which as objects would cost far more memory and garbage-collection time.
 */

export const ROW_STMT = 1;
export const ROW_END_SEQUENCE = 2;
export const ROW_PROLOGUE_END = 4;
export const ROW_EPILOGUE_BEGIN = 8;
export const ROW_BASIC_BLOCK = 16;

export class RowStore {
  length = 0;
  address = new Uint32Array(1024);
  line = new Uint32Array(1024);
  column = new Uint32Array(1024);
  /** Index into the owner's list of source paths. */
  file = new Uint32Array(1024);
  /** ROW_* bits. */
  flags = new Uint8Array(1024);

  push(address: number, file: number, line: number, column: number, flags: number): void {
    if (this.length === this.address.length) this.grow(this.length * 2);
    const i = this.length++;
    this.address[i] = address;
    this.file[i] = file;
    this.line[i] = line;
    this.column[i] = column;
    this.flags[i] = flags;
  }

  /** Drops rows from `length` on (an unterminated sequence). */
  truncate(length: number): void {
    this.length = Math.min(this.length, length);
  }

  private grow(capacity: number): void {
    const widen = <T extends Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.address = widen(this.address, (n) => new Uint32Array(n));
    this.line = widen(this.line, (n) => new Uint32Array(n));
    this.column = widen(this.column, (n) => new Uint32Array(n));
    this.file = widen(this.file, (n) => new Uint32Array(n));
    this.flags = widen(this.flags, (n) => new Uint8Array(n));
  }
}
