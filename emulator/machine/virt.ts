/**
 * `createVirt`: the virt board with the real hart. See virt-board.ts for the board itself.
 */
import { Hart } from '../cpu/hart';
import { VirtBoard, type VirtMachine, type VirtOptions } from './virt-board';

export type { VirtMachine, VirtOptions, ConsoleIO } from './virt-board';

export function createVirt(opts: VirtOptions): VirtMachine {
  return new VirtBoard(opts, (bus) => new Hart({ bus, hartId: 0 }));
}
