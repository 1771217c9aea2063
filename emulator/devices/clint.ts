/**
 * The CLINT (QEMU 7.2: an ACLINT MSWI at +0 and MTIMER at +0x4000) for one hart.
 *
 * mtime counts at the 10 MHz timebase: floor(ns / 100) of machine time, plus whatever offset guest
 * writes to mtime introduced (QEMU lets the guest set mtime). MTIP is a level: mtime >= mtimecmp,
 * recomputed when either changes and when the board asks (`update`, at timer deadlines).
 * Only word accesses answer; byte and halfword accesses fault, as on QEMU.
 */
import type { DeviceState } from '../machine/bus-api';
import type { SizedDevice } from '../machine/bus';
import { Irq, type HartControl } from '../cpu/hart-api';
import type { MachineClock } from '../machine/clock';
import { VIRT } from '../machine/memory-map';
import { hex } from './bits';

const enum Reg {
  Msip = 0x0,
  MtimecmpLo = 0x4000,
  MtimecmpHi = 0x4004,
  MtimeLo = 0xbff8,
  MtimeHi = 0xbffc,
}

const NS_PER_TICK = 100;
const TWO32 = 0x1_0000_0000;

export class Clint implements SizedDevice {
  readonly name = 'clint';
  readonly size = VIRT.clint.size;
  readonly minAccess = 4;
  private msip = false;
  private cmpLo = 0;
  private cmpHi = 0;
  /** mtime minus the timebase ticks of machine time (changed by guest writes to mtime). */
  private offset = 0;
  private mtip = false;

  constructor(readonly base: number, private readonly hart: HartControl, private readonly clock: MachineClock) {}

  mtime(): number {
    return Math.floor(this.clock.now() / NS_PER_TICK) + this.offset;
  }

  mtimecmp(): number {
    return this.cmpHi * TWO32 + this.cmpLo;
  }

  /** Re-evaluates MTIP for the current time. */
  update(): void {
    const level = this.mtime() >= this.mtimecmp();
    if (level !== this.mtip) {
      this.mtip = level;
      this.hart.setPending(Irq.MTIP, level);
    }
  }

  /**
   * Machine time (ns) at which MTIP next rises; Infinity when it is already up (it can only fall
   * through a register write, which re-evaluates at once) or the compare value is out of reach.
   */
  nextDeadline(): number {
    if (this.mtip) return Infinity;
    const t = (this.mtimecmp() - this.offset) * NS_PER_TICK;
    return t > Number.MAX_SAFE_INTEGER ? Infinity : Math.max(0, t);
  }

  read(offset: number): number {
    switch (offset) {
      case Reg.Msip: return this.msip ? 1 : 0;
      case Reg.MtimecmpLo: return this.cmpLo;
      case Reg.MtimecmpHi: return this.cmpHi;
      case Reg.MtimeLo: return this.mtime() % TWO32;
      case Reg.MtimeHi: return Math.floor(this.mtime() / TWO32) >>> 0;
      // Other harts' msip/mtimecmp words read as zero, without a fault (checked on QEMU).
      default: return 0;
    }
  }

  write(offset: number, _size: number, value: number): void {
    switch (offset) {
      case Reg.Msip:
        this.msip = (value & 1) !== 0;
        this.hart.setPending(Irq.MSIP, this.msip);
        return;
      case Reg.MtimecmpLo: this.cmpLo = value >>> 0; break;
      case Reg.MtimecmpHi: this.cmpHi = value >>> 0; break;
      case Reg.MtimeLo: this.setMtime(Math.floor(this.mtime() / TWO32) * TWO32 + (value >>> 0)); break;
      case Reg.MtimeHi: this.setMtime((value >>> 0) * TWO32 + (this.mtime() % TWO32)); break;
      default: return;
    }
    this.update();
  }

  private setMtime(v: number): void {
    this.offset = v - Math.floor(this.clock.now() / NS_PER_TICK);
  }

  reset(): void {
    this.msip = false;
    this.cmpLo = this.cmpHi = 0;
    this.offset = 0;
    this.hart.setPending(Irq.MSIP, false);
    // mtimecmp = 0 <= mtime: MTIP is up from power-on, as QEMU shows (mip = 0x80 at pc 0x1000).
    this.mtip = false;
    this.hart.setPending(Irq.MTIP, false);
    this.update();
  }

  describe(): DeviceState {
    const mtime = this.mtime();
    const cmp = this.mtimecmp();
    return {
      name: this.name, base: this.base, size: this.size,
      registers: [
        { name: 'msip', offset: Reg.Msip, value: this.msip ? 1 : 0, decoded: this.msip ? 'MSIP raised' : '-' },
        { name: 'mtimecmp', offset: Reg.MtimecmpLo, value: this.cmpLo },
        { name: 'mtimecmph', offset: Reg.MtimecmpHi, value: this.cmpHi },
        { name: 'mtime', offset: Reg.MtimeLo, value: mtime % TWO32 },
        { name: 'mtimeh', offset: Reg.MtimeHi, value: Math.floor(mtime / TWO32) >>> 0 },
      ],
      details: {
        mtime: String(mtime),
        mtimecmp: cmp <= Number.MAX_SAFE_INTEGER ? String(cmp) : hex(this.cmpHi) + hex(this.cmpLo).slice(2),
        MTIP: this.mtip ? 'raised' : 'low',
        'timer fires in': this.mtip ? 'fired' : cmp - mtime > 1e15 ? 'never' : `${cmp - mtime} ticks`,
        'time source': this.clock.mode,
      },
    };
  }
}
