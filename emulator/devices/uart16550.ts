/**
 * NS16550A UART as QEMU 7.2 models it on virt (hw/char/serial.c behaviour, checked register by
 * register on qemu-system-riscv32): 8 byte-wide registers (any access size reads/writes the byte at
 * that offset), 16-byte FIFOs, divisor latch, loopback, and the interrupt priorities
 * line status > receive timeout > receive data > THR empty > modem status.
 *
 * Transmission is instantaneous: a THR write goes to the console at once and THRE comes straight back.
 * Input from the host waits in `hostQueue` and enters the receiver as it has room (QEMU's chardev
 * back-pressure), so no input is lost to overruns. The FIFO receive timeout fires 4 character times
 * after the last receive or read, in machine time, so it is deterministic too.
 */
import type { DeviceState } from '../machine/bus-api';
import type { SizedDevice } from '../machine/bus';
import { VIRT } from '../machine/memory-map';
import { flags } from './bits';

export interface ConsoleIO {
  write(bytes: Uint8Array): void;
}

const enum Lsr { DR = 0x01, OE = 0x02, PE = 0x04, FE = 0x08, BI = 0x10, THRE = 0x20, TEMT = 0x40 }
const enum Ier { RDI = 0x01, THRI = 0x02, RLSI = 0x04, MSI = 0x08 }
const enum Iir { MSI = 0x00, NoInt = 0x01, THRI = 0x02, RDI = 0x04, RLSI = 0x06, CTI = 0x0c, FifoBits = 0xc0 }
const enum Fcr { Enable = 0x01, ClearRx = 0x02, ClearTx = 0x04, Trigger = 0xc0 }
const enum Mcr { Loop = 0x10, Out2 = 0x08 }
const enum Msr { Deltas = 0x0f, DCD = 0x80, DSR = 0x20, CTS = 0x10 }

const LSR_ERRORS = Lsr.OE | Lsr.PE | Lsr.FE | Lsr.BI;
const FIFO_SIZE = 16;
const TRIGGER_LEVELS = [1, 4, 8, 14];
/** QEMU's virt passes this baud base (not clock/16) to its 16550; it only sets character timing. */
const BAUD_BASE = 399193;
const NS_PER_S = 1_000_000_000;

const LSR_BITS = [[Lsr.DR, 'DR'], [Lsr.OE, 'OE'], [Lsr.PE, 'PE'], [Lsr.FE, 'FE'], [Lsr.BI, 'BI'], [Lsr.THRE, 'THRE'], [Lsr.TEMT, 'TEMT']] as const;
const IER_BITS = [[Ier.RDI, 'RDI'], [Ier.THRI, 'THRI'], [Ier.RLSI, 'RLSI'], [Ier.MSI, 'MSI']] as const;
const MCR_BITS = [[0x01, 'DTR'], [0x02, 'RTS'], [0x04, 'OUT1'], [Mcr.Out2, 'OUT2'], [Mcr.Loop, 'LOOP']] as const;
const MSR_BITS = [[0x01, 'DCTS'], [0x02, 'DDSR'], [0x04, 'TERI'], [0x08, 'DDCD'], [Msr.CTS, 'CTS'], [Msr.DSR, 'DSR'], [0x40, 'RI'], [Msr.DCD, 'DCD']] as const;
const IIR_NAMES: Readonly<Record<number, string>> = {
  [Iir.NoInt]: 'no interrupt', [Iir.RLSI]: 'line status', [Iir.CTI]: 'receive timeout',
  [Iir.RDI]: 'receive data', [Iir.THRI]: 'THR empty', [Iir.MSI]: 'modem status',
};
const PARITY = ['N', 'O', 'N', 'E', 'N', 'M', 'N', 'S'];

export interface UartOptions {
  readonly base: number;
  readonly console: ConsoleIO;
  /** The interrupt line (to the PLIC); called on every state update, like QEMU's qemu_set_irq. */
  readonly irq: (level: boolean) => void;
  /** Machine time in ns, for the receive timeout. */
  readonly now: () => number;
}

export class Uart16550 implements SizedDevice {
  readonly name = 'uart0';
  readonly size = VIRT.uart0.size;
  readonly base: number;
  private rbr = 0;
  private ier = 0;
  private iir = Iir.NoInt as number;
  private lcr = 0;
  private mcr = Mcr.Out2 as number;
  private lsr = Lsr.THRE | Lsr.TEMT as number;
  private msr = Msr.DCD | Msr.DSR | Msr.CTS as number;
  private scr = 0;
  private fcr = 0;
  private divider = 0x0c;
  private thrPending = false;
  private timeoutPending = false;
  private readonly rx: number[] = [];
  private readonly hostQueue: number[] = [];
  private charTimeNs = Math.floor(NS_PER_S / 9600) * 10;
  /** Machine time at which the receive timeout fires (Infinity: not armed). */
  timeoutAt = Infinity;
  private transmitted = 0;

  constructor(private readonly opts: UartOptions) {
    this.base = opts.base;
  }

  /** Bytes typed by the user: they enter the receiver as it has room. */
  sendInput(bytes: Uint8Array): void {
    for (const b of bytes) this.hostQueue.push(b);
    this.acceptInput();
  }

  /** Fires the receive timeout if its time has come. */
  poll(now: number): void {
    if (now < this.timeoutAt) return;
    this.timeoutAt = Infinity;
    if (this.rx.length > 0) {
      this.timeoutPending = true;
      this.update();
    }
  }

  read(offset: number): number {
    const dlab = (this.lcr & 0x80) !== 0;
    switch (offset & 7) {
      case 0: return dlab ? this.divider & 0xff : this.readRbr();
      case 1: return dlab ? this.divider >>> 8 : this.ier;
      case 2: {
        const v = this.iir;
        if ((v & 0x06) === Iir.THRI) {
          this.thrPending = false;
          this.update();
        }
        return v;
      }
      case 3: return this.lcr;
      case 4: return this.mcr;
      case 5: {
        const v = this.lsr;
        if (v & (Lsr.BI | Lsr.OE)) {
          this.lsr &= ~(Lsr.BI | Lsr.OE);
          this.update();
        }
        return v;
      }
      case 6: return this.readMsr();
      default: return this.scr;
    }
  }

  write(offset: number, _size: number, value: number): void {
    value &= 0xff;
    const dlab = (this.lcr & 0x80) !== 0;
    switch (offset & 7) {
      case 0:
        if (dlab) this.setDivider((this.divider & 0xff00) | value);
        else this.transmit(value);
        return;
      case 1:
        if (dlab) this.setDivider((this.divider & 0xff) | (value << 8));
        else this.writeIer(value);
        return;
      case 2: this.writeFcr(value); return;
      case 3:
        this.lcr = value;
        this.updateTiming();
        return;
      case 4: this.mcr = value & 0x1f; return;
      case 7: this.scr = value; return;
      default: return; // LSR and MSR ignore writes
    }
  }

  reset(): void {
    this.rbr = this.ier = this.lcr = this.scr = this.fcr = 0;
    this.iir = Iir.NoInt;
    this.mcr = Mcr.Out2;
    this.lsr = Lsr.THRE | Lsr.TEMT;
    this.msr = Msr.DCD | Msr.DSR | Msr.CTS;
    this.divider = 0x0c;
    this.thrPending = this.timeoutPending = false;
    this.rx.length = 0;
    this.timeoutAt = Infinity;
    this.charTimeNs = Math.floor(NS_PER_S / 9600) * 10;
    this.transmitted = 0;
    this.opts.irq(false);
    // Host input typed before the reset stays queued: the user typed it for the guest.
    this.acceptInput();
  }

  private readRbr(): number {
    let v: number;
    if (this.fcr & Fcr.Enable) {
      v = this.rx.length ? this.rx.shift()! : 0;
      if (this.rx.length === 0) this.lsr &= ~(Lsr.DR | Lsr.BI);
      else this.timeoutAt = this.opts.now() + 4 * this.charTimeNs;
      this.timeoutPending = false;
    } else {
      // The holding register keeps its byte after the read (QEMU returns it again).
      v = this.rbr;
      this.lsr &= ~(Lsr.DR | Lsr.BI);
    }
    this.update();
    if (!(this.mcr & Mcr.Loop)) this.acceptInput();
    return v;
  }

  private readMsr(): number {
    if (this.mcr & Mcr.Loop) {
      // Loopback wires DTR->DSR, RTS->CTS, OUT1->RI, OUT2->DCD.
      return ((this.mcr & 0x0c) << 4) | ((this.mcr & 0x02) << 3) | ((this.mcr & 0x01) << 5);
    }
    const v = this.msr;
    if (v & Msr.Deltas) {
      this.msr &= 0xf0;
      this.update();
    }
    return v;
  }

  private transmit(byte: number): void {
    this.transmitted++;
    if (this.mcr & Mcr.Loop) this.receive(byte);
    else this.opts.console.write(Uint8Array.of(byte));
    this.lsr |= Lsr.THRE | Lsr.TEMT;
    this.thrPending = true;
    this.update();
  }

  private writeIer(value: number): void {
    const changed = (this.ier ^ value) & 0x0f;
    this.ier = value & 0x0f;
    // QEMU re-arms the THR-empty interrupt when THRI is switched on with THRE set (Windows relies on it).
    if (changed & Ier.THRI && this.ier & Ier.THRI && this.lsr & Lsr.THRE) this.thrPending = true;
    this.update();
  }

  private writeFcr(value: number): void {
    // Switching the FIFOs on or off flushes both.
    if ((value ^ this.fcr) & Fcr.Enable) value |= Fcr.ClearRx | Fcr.ClearTx;
    if (value & Fcr.ClearRx) {
      this.lsr &= ~(Lsr.DR | Lsr.BI);
      this.timeoutAt = Infinity;
      this.timeoutPending = false;
      this.rx.length = 0;
    }
    if (value & Fcr.ClearTx) {
      this.lsr |= Lsr.THRE;
      this.thrPending = true;
    }
    this.fcr = value & 0xc9;
    if (this.fcr & Fcr.Enable) this.iir |= Iir.FifoBits;
    else this.iir &= ~Iir.FifoBits;
    this.update();
    this.acceptInput();
  }

  private setDivider(d: number): void {
    this.divider = d;
    this.updateTiming();
  }

  /** Character time from the line settings, as QEMU derives it (it ignores an impossible divisor). */
  private updateTiming(): void {
    if (this.divider === 0 || this.divider > BAUD_BASE) return;
    const frameBits = 1 + (this.lcr & 0x08 ? 1 : 0) + (this.lcr & 0x03) + 5 + (this.lcr & 0x04 ? 2 : 1);
    const speed = Math.floor(BAUD_BASE / this.divider);
    this.charTimeNs = Math.floor(NS_PER_S / speed) * frameBits;
  }

  private receive(byte: number): void {
    if (this.fcr & Fcr.Enable) {
      if (this.rx.length < FIFO_SIZE) this.rx.push(byte);
      else this.lsr |= Lsr.OE;
      this.lsr |= Lsr.DR;
      this.timeoutAt = this.opts.now() + 4 * this.charTimeNs;
    } else {
      if (this.lsr & Lsr.DR) this.lsr |= Lsr.OE;
      this.rbr = byte;
      this.lsr |= Lsr.DR;
    }
    this.update();
  }

  /** Moves queued host input into the receiver while it has room (never overrunning it). */
  private acceptInput(): void {
    if (this.mcr & Mcr.Loop) return;
    while (this.hostQueue.length > 0) {
      const room = this.fcr & Fcr.Enable ? this.rx.length < FIFO_SIZE : !(this.lsr & Lsr.DR);
      if (!room) return;
      this.receive(this.hostQueue.shift()!);
    }
  }

  private update(): void {
    let id: number = Iir.NoInt;
    const fifo = (this.fcr & Fcr.Enable) !== 0;
    if (this.ier & Ier.RLSI && this.lsr & LSR_ERRORS) id = Iir.RLSI;
    else if (this.ier & Ier.RDI && this.timeoutPending) id = Iir.CTI;
    else if (this.ier & Ier.RDI && this.lsr & Lsr.DR && (!fifo || this.rx.length >= this.triggerLevel())) id = Iir.RDI;
    else if (this.ier & Ier.THRI && this.thrPending) id = Iir.THRI;
    else if (this.ier & Ier.MSI && this.msr & Msr.Deltas) id = Iir.MSI;
    this.iir = id | (this.iir & 0xf0);
    this.opts.irq(id !== Iir.NoInt);
  }

  private triggerLevel(): number {
    return TRIGGER_LEVELS[(this.fcr & Fcr.Trigger) >>> 6];
  }

  describe(): DeviceState {
    const dlab = (this.lcr & 0x80) !== 0;
    const speed = this.divider ? Math.floor(BAUD_BASE / this.divider) : 0;
    const line = `${(this.lcr & 3) + 5}${PARITY[(this.lcr >>> 3) & 7]}${this.lcr & 4 ? 2 : 1}`;
    return {
      name: this.name, base: this.base, size: this.size,
      registers: [
        { name: 'RBR', offset: 0, value: this.fcr & Fcr.Enable ? this.rx[0] ?? 0 : this.rbr, decoded: this.lsr & Lsr.DR ? 'data ready' : 'empty' },
        { name: 'IER', offset: 1, value: this.ier, decoded: flags(this.ier, IER_BITS) },
        { name: 'IIR', offset: 2, value: this.iir, decoded: `${IIR_NAMES[this.iir & 0x0f] ?? '?'}${this.iir & Iir.FifoBits ? ', FIFOs on' : ''}` },
        { name: 'FCR', offset: 2, value: this.fcr, decoded: this.fcr & Fcr.Enable ? `FIFO on, trigger ${this.triggerLevel()}` : 'FIFO off' },
        { name: 'LCR', offset: 3, value: this.lcr, decoded: `${line}${dlab ? ' DLAB' : ''}${this.lcr & 0x40 ? ' break' : ''}` },
        { name: 'MCR', offset: 4, value: this.mcr, decoded: flags(this.mcr, MCR_BITS) },
        { name: 'LSR', offset: 5, value: this.lsr, decoded: flags(this.lsr, LSR_BITS) },
        { name: 'MSR', offset: 6, value: this.msr, decoded: flags(this.msr, MSR_BITS) },
        { name: 'SCR', offset: 7, value: this.scr },
        { name: 'DLL', offset: 0, value: this.divider & 0xff, decoded: `divisor ${this.divider}` },
        { name: 'DLM', offset: 1, value: this.divider >>> 8 },
      ],
      details: {
        'rx FIFO': this.rx.length,
        'waiting host input': this.hostQueue.length,
        'bytes sent': this.transmitted,
        baud: speed,
        'interrupt line': (this.iir & 0x0f) !== Iir.NoInt ? 'raised' : 'low',
      },
    };
  }
}
