/**
 * `createVirt`: the virt board with the real hart, or with the hart that carries the built-in SBI
 * firmware when `firmware: 'builtin'`. See virt-board.ts for the board itself.
 */
import { Hart } from '../cpu/hart';
import { SbiHart } from '../firmware/sbi-hart';
import { VirtSbiPlatform } from '../firmware/virt-platform';
import { VirtBoard, type VirtMachine, type VirtOptions } from './virt-board';

export type { VirtMachine, VirtOptions, ConsoleIO } from './virt-board';

export function createVirt(opts: VirtOptions): VirtMachine {
  return new VirtBoard(opts, (bus) => opts.firmware === 'builtin'
    ? new SbiHart({ bus, hartId: 0 }, new VirtSbiPlatform(bus))
    : new Hart({ bus, hartId: 0 }));
}
