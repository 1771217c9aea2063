/**
 * The semihosting handle table: console handles from ":tt", the ":semihosting-features" pseudo-file
 * and host files. Handles are small integers from 1 up, the lowest free one reused first (as QEMU).
 * Host files keep their own position, since Node reads and writes at explicit offsets.
 */
import * as fs from 'fs';

export type Handle =
  | { readonly kind: 'stdin' | 'stdout' | 'stderr' }
  | { readonly kind: 'features'; pos: number }
  | { readonly kind: 'file'; readonly fd: number; readonly path: string; readonly append: boolean; pos: number };

/** fopen-style modes 0..11 ("r", "rb", "r+", "r+b", "w", ... "a+b") as open(2) flags. */
const C = fs.constants;
const MODE_FLAGS: readonly number[] = [
  C.O_RDONLY, C.O_RDONLY, C.O_RDWR, C.O_RDWR,
  C.O_WRONLY | C.O_CREAT | C.O_TRUNC, C.O_WRONLY | C.O_CREAT | C.O_TRUNC,
  C.O_RDWR | C.O_CREAT | C.O_TRUNC, C.O_RDWR | C.O_CREAT | C.O_TRUNC,
  C.O_WRONLY | C.O_CREAT | C.O_APPEND, C.O_WRONLY | C.O_CREAT | C.O_APPEND,
  C.O_RDWR | C.O_CREAT | C.O_APPEND, C.O_RDWR | C.O_CREAT | C.O_APPEND,
];
export const MODE_COUNT = MODE_FLAGS.length;

/** ":tt" opened for reading is stdin, for writing stdout, for appending stderr. */
export function consoleHandle(mode: number): Handle {
  return { kind: mode < 4 ? 'stdin' : mode < 8 ? 'stdout' : 'stderr' };
}

export function openHostFile(path: string, mode: number): Handle {
  const flags = MODE_FLAGS[mode];
  const fd = fs.openSync(path, flags, 0o644);
  return { kind: 'file', fd, path, append: (flags & C.O_APPEND) !== 0, pos: 0 };
}

export class HandleTable {
  private readonly slots: (Handle | null)[] = [null];

  add(h: Handle): number {
    let i = this.slots.indexOf(null, 1);
    if (i < 0) i = this.slots.push(null) - 1;
    this.slots[i] = h;
    return i;
  }

  get(n: number): Handle | null {
    return n > 0 && n < this.slots.length ? this.slots[n] : null;
  }

  /** Frees the slot; false when it was not open. */
  close(n: number): boolean {
    const h = this.get(n);
    if (h === null) return false;
    if (h.kind === 'file') fs.closeSync(h.fd);
    this.slots[n] = null;
    return true;
  }

  closeAll(): void {
    for (let i = 1; i < this.slots.length; i++) if (this.slots[i] !== null) this.close(i);
  }

  /** Open handles, for the Devices panel. */
  list(): string[] {
    const out: string[] = [];
    this.slots.forEach((h, i) => {
      if (h !== null) out.push(`${i}: ${h.kind === 'file' ? h.path : h.kind}`);
    });
    return out;
  }
}
