/**
 * Physical memory protection: 16 entries (QEMU 7.2's rv32 default), granularity 4 bytes (G = 0: every
 * pmpaddr bit is writable, NA4 works). Regions are kept decoded as byte ranges of the 34-bit physical
 * space so a check is a short scan, and "nothing active / nothing locked" is cached so the common
 * cases are one test.
 */
export const PMP_ENTRIES = 16;

/** pmpcfg permission bits; an access needs the bit of its kind (AMOs need R and W). */
export const enum PmpPerm { R = 1, W = 2, X = 4 }
/** Permission needed, indexed by Access (Fetch, Load, Store). */
export const PERM_FOR_ACCESS: readonly number[] = [PmpPerm.X, PmpPerm.R, PmpPerm.W];

const enum Cfg { A_SHIFT = 3, A_MASK = 3 << 3, L = 0x80 }
const enum Mode { Off = 0, Tor = 1, Na4 = 2, Napot = 3 }

/**
 * Bits of a pmpcfg byte that hold a value: L, A, X, W, R. Bits 6:5 are WARL zero in the spec (QEMU 7.2
 * keeps whatever is written there; we follow the spec). R=0/W=1 is stored as written, as QEMU does.
 */
const CFG_WRITABLE = 0x9f;

export class Pmp {
  readonly cfg = new Uint8Array(PMP_ENTRIES);
  readonly addr = new Uint32Array(PMP_ENTRIES);
  /** Decoded regions [lo, hi) in bytes; lo === hi for an entry that matches nothing. */
  private readonly lo = new Float64Array(PMP_ENTRIES);
  private readonly hi = new Float64Array(PMP_ENTRIES);
  private anyActive = false;
  private anyLocked = false;

  reset(): void {
    this.cfg.fill(0);
    this.addr.fill(0);
    this.decode();
  }

  /** pmpcfg`n` (n = 0..3): four entries' bytes, entry 4n in the low byte. */
  readCfg(n: number): number {
    const c = this.cfg;
    const i = n * 4;
    return (c[i] | (c[i + 1] << 8) | (c[i + 2] << 16) | (c[i + 3] << 24)) | 0;
  }

  writeCfg(n: number, value: number): void {
    for (let k = 0; k < 4; k++) {
      const i = n * 4 + k;
      if (this.cfg[i] & Cfg.L) continue;
      this.cfg[i] = (value >>> (8 * k)) & CFG_WRITABLE;
    }
    this.decode();
  }

  readAddr(i: number): number {
    return this.addr[i] | 0;
  }

  writeAddr(i: number, value: number): void {
    if (this.cfg[i] & Cfg.L) return;
    // A locked TOR entry also freezes the address below it, its lower bound.
    if (i + 1 < PMP_ENTRIES && (this.cfg[i + 1] & Cfg.L) && mode(this.cfg[i + 1]) === Mode.Tor) return;
    this.addr[i] = value >>> 0;
    this.decode();
  }

  /**
   * Whether an access to [pa, pa + size) with permission bits `need` is allowed. The lowest-numbered
   * entry touching any byte decides; one that covers the access only partly refuses it. With no match,
   * M-mode is allowed and S/U-mode refused (entries are implemented, so the spec's default is deny).
   */
  check(pa: number, size: number, need: number, isM: boolean): boolean {
    if (isM && !this.anyLocked) return true;
    if (!this.anyActive) return isM;
    const end = pa + size;
    for (let i = 0; i < PMP_ENTRIES; i++) {
      const lo = this.lo[i];
      const hi = this.hi[i];
      if (end <= lo || pa >= hi) continue;
      if (pa < lo || end > hi) return false;
      const c = this.cfg[i];
      if (isM && (c & Cfg.L) === 0) return true;
      return (c & need) === need;
    }
    return isM;
  }

  /** Whether every access within the 4 KiB page at `pagePa` is allowed (so a TLB entry may skip checks). */
  allowsPage(pagePa: number, need: number, isM: boolean): boolean {
    return this.check(pagePa, 4096, need, isM);
  }

  private decode(): void {
    this.anyActive = false;
    this.anyLocked = false;
    for (let i = 0; i < PMP_ENTRIES; i++) {
      const c = this.cfg[i];
      const a = this.addr[i];
      let lo = 0;
      let hi = 0;
      switch (mode(c)) {
        case Mode.Tor:
          lo = i === 0 ? 0 : this.addr[i - 1] * 4;
          hi = a * 4;
          break;
        case Mode.Na4:
          lo = a * 4;
          hi = lo + 4;
          break;
        case Mode.Napot: {
          const ones = trailingOnes(a);
          const size = 2 ** (ones + 3);
          lo = ones === 32 ? 0 : (a - (a % 2 ** (ones + 1))) * 4;
          hi = lo + size;
          break;
        }
      }
      if (hi < lo) hi = lo;
      this.lo[i] = lo;
      this.hi[i] = hi;
      if (mode(c) !== Mode.Off) {
        this.anyActive = true;
        if (c & Cfg.L) this.anyLocked = true;
      }
    }
  }
}

function mode(cfg: number): Mode {
  return (cfg & Cfg.A_MASK) >>> Cfg.A_SHIFT;
}

function trailingOnes(v: number): number {
  let n = 0;
  while (n < 32 && ((v >>> n) & 1) === 1) n++;
  return n;
}
