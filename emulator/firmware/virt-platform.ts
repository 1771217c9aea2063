/**
 * The virt board as the built-in firmware drives it: through the same device registers an M-mode
 * firmware writes (CLINT mtimecmp, the 16550's THR/LSR/RBR, the SiFive test device), so the devices'
 * state and the Devices view show what a real firmware would have done.
 */
import type { Bus } from '../machine/bus-api';
import { VIRT } from '../machine/memory-map';
import { ResetType } from './sbi-spec';
import type { SbiPlatform } from './sbi';

const MTIMECMP = VIRT.clint.base + 0x4000;
const UART_RBR_THR = VIRT.uart0.base;
const UART_LSR = VIRT.uart0.base + 5;
const LSR_DR = 0x01;
/** SiFive test device commands. */
const TEST_POWEROFF = 0x5555;
const TEST_RESET = 0x7777;

export class VirtSbiPlatform implements SbiPlatform {
  constructor(private readonly bus: Bus) {}

  /** Compare to all-ones first, so no half-written value can fire early (the usual 32-bit sequence). */
  setTimer(lo: number, hi: number): void {
    this.bus.write(MTIMECMP + 4, 4, 0xffffffff);
    this.bus.write(MTIMECMP, 4, lo);
    this.bus.write(MTIMECMP + 4, 4, hi);
  }

  /** Our 16550 transmits at once (THRE is always back by the next access), so there is nothing to poll. */
  putchar(byte: number): void {
    this.bus.write(UART_RBR_THR, 1, byte);
  }

  getchar(): number {
    return (this.bus.read(UART_LSR, 1) & LSR_DR) !== 0 ? this.bus.read(UART_RBR_THR, 1) : -1;
  }

  systemReset(type: ResetType): void {
    this.bus.write(VIRT.test.base, 4, type === ResetType.Shutdown ? TEST_POWEROFF : TEST_RESET);
  }

  isExecutable(pa: number): boolean {
    return this.bus.isExecutable(pa);
  }

  /** Power-on: no timer interrupt until the supervisor asks for one. */
  reset(): void {
    this.setTimer(0xffffffff, 0xffffffff);
  }
}
