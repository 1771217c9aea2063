/**
 * The SiFive test finisher (`sifive,test1`): a write to offset 0 ends or resets the machine.
 * Low half-word 0x5555 = pass (exit 0), 0x3333 = fail with exit code in the high half-word,
 * 0x7777 = reset. Anything else is ignored, as are reads (0). Byte accesses fault (QEMU: 2..4 bytes).
 */
import type { DeviceState } from '../machine/bus-api';
import type { SizedDevice } from '../machine/bus';
import { VIRT } from '../machine/memory-map';
import { hex } from './bits';

export interface FinisherActions {
  exit(code: number): void;
  reset(): void;
}

const enum Status { Fail = 0x3333, Pass = 0x5555, Reset = 0x7777 }

const STATUS_NAMES: Readonly<Record<number, string>> = { [Status.Fail]: 'fail', [Status.Pass]: 'pass', [Status.Reset]: 'reset' };

export class SifiveTest implements SizedDevice {
  readonly name = 'test-finisher';
  readonly size = VIRT.test.size;
  readonly minAccess = 2;
  private lastWrite: number | null = null;

  constructor(readonly base: number, private readonly actions: FinisherActions) {}

  read(): number {
    return 0;
  }

  write(offset: number, _size: number, value: number): void {
    if (offset !== 0) return;
    this.lastWrite = value >>> 0;
    const code = value >>> 16;
    switch (value & 0xffff) {
      case Status.Pass: this.actions.exit(0); break;
      case Status.Fail: this.actions.exit(code); break;
      case Status.Reset: this.actions.reset(); break;
    }
  }

  reset(): void {
    this.lastWrite = null;
  }

  describe(): DeviceState {
    const v = this.lastWrite;
    const decoded = v === null ? undefined
      : `${STATUS_NAMES[v & 0xffff] ?? 'ignored'}${(v & 0xffff) === Status.Fail ? ` code ${v >>> 16}` : ''}`;
    return {
      name: this.name, base: this.base, size: this.size,
      registers: [{ name: 'finisher', offset: 0, value: 0, decoded }],
      details: { 'last write': v === null ? 'none' : hex(v) },
    };
  }
}
