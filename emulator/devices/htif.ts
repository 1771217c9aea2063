/**
 * HTIF, the host-target interface of Spike and riscv-tests: the guest writes a 64-bit command into
 * the `tohost` word of its own image, and the host answers in `fromhost`. QEMU has it only on the
 * spike board; here it is offered on virt when the ELF defines a `tohost` symbol.
 *
 * Command layout: device << 56 | cmd << 48 | payload. Device 0 cmd 0 with payload bit 0 set is exit
 * with code payload >> 1 (riscv-tests write TESTNUM << 1 | 1 on failure, 1 on pass); device 1 cmd 1
 * is console putchar. As in QEMU's HTIF, an rv32 guest writes the low word then the high word, and the
 * high-word write carries out the command; then tohost reads 0 and fromhost holds the response.
 * The device spans both words, like QEMU's mapping: bytes between them read 0 and ignore writes.
 */
import type { DeviceState } from '../machine/bus-api';
import type { SizedDevice } from '../machine/bus';
import type { ConsoleIO } from './uart16550';
import { hex } from './bits';

export interface HtifOptions {
  readonly tohost: number;
  readonly fromhost?: number;
  readonly console: ConsoleIO;
  readonly exit: (code: number) => void;
}

const TWO32 = 0x1_0000_0000;

export class Htif implements SizedDevice {
  readonly name = 'htif';
  readonly base: number;
  readonly size: number;
  private readonly toOff: number;
  private readonly fromOff: number;
  private toLo = 0;
  private toHi = 0;
  /** The low word was written into an empty tohost, so the high word may complete a command. */
  private armed = false;
  private fromLo = 0;
  private fromHi = 0;
  private lastCommand: string = 'none';

  constructor(private readonly opts: HtifOptions) {
    const from = opts.fromhost ?? opts.tohost + 8;
    this.base = Math.min(opts.tohost, from);
    this.size = Math.max(opts.tohost, from) + 8 - this.base;
    this.toOff = opts.tohost - this.base;
    this.fromOff = from - this.base;
  }

  read(offset: number, size: number): number {
    const word = this.wordAt(offset & ~3);
    return size === 4 ? word : (word >>> ((offset & 3) * 8)) & ((1 << (size * 8)) - 1);
  }

  write(offset: number, size: number, value: number): void {
    // Narrow stores merge into the word, so a byte-wise memset of tohost behaves like word stores.
    const aligned = offset & ~3;
    if (size !== 4) {
      const shift = (offset & 3) * 8;
      const mask = ((1 << (size * 8)) - 1) << shift;
      value = (this.wordAt(aligned) & ~mask) | ((value << shift) & mask);
    }
    value >>>= 0;
    if (aligned === this.toOff) {
      if (this.toLo === 0 && this.toHi === 0) {
        this.armed = true;
        this.toLo = value;
      } else {
        this.armed = false;
      }
    } else if (aligned === this.toOff + 4) {
      if (this.armed) {
        this.toHi = value;
        this.command(this.toHi, this.toLo);
      }
    } else if (aligned === this.fromOff) {
      this.fromLo = value;
    } else if (aligned === this.fromOff + 4) {
      this.fromHi = value;
    }
  }

  private wordAt(aligned: number): number {
    if (aligned === this.toOff) return this.toLo;
    if (aligned === this.toOff + 4) return this.toHi;
    if (aligned === this.fromOff) return this.fromLo;
    if (aligned === this.fromOff + 4) return this.fromHi;
    return 0;
  }

  private command(hi: number, lo: number): void {
    const device = hi >>> 24;
    const cmd = (hi >>> 16) & 0xff;
    let response = 0;
    this.lastCommand = `device ${device} cmd ${cmd} payload ${hex((hi & 0xffff) * TWO32 + lo, 12)}`;
    if (device === 0 && cmd === 0 && lo & 1) {
      // The payload is 48 bits; exit codes that matter fit in its low word.
      this.opts.exit(Math.floor(((hi & 0xffff) * TWO32 + lo) / 2));
    } else if (device === 1 && cmd === 1) {
      this.opts.console.write(Uint8Array.of(lo & 0xff));
      response = 0x100 | (lo & 0xff);
    }
    this.fromHi = hi & 0xffff0000;
    this.fromLo = response;
    this.toLo = this.toHi = 0;
    this.armed = false;
  }

  reset(): void {
    this.toLo = this.toHi = this.fromLo = this.fromHi = 0;
    this.armed = false;
    this.lastCommand = 'none';
  }

  describe(): DeviceState {
    return {
      name: this.name, base: this.base, size: this.size,
      registers: [
        { name: 'tohost', offset: this.toOff, value: this.toLo },
        { name: 'tohost+4', offset: this.toOff + 4, value: this.toHi },
        { name: 'fromhost', offset: this.fromOff, value: this.fromLo },
        { name: 'fromhost+4', offset: this.fromOff + 4, value: this.fromHi },
      ],
      details: { 'last command': this.lastCommand },
    };
  }
}
