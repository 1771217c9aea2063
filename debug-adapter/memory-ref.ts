/**
 * Memory references, the opaque strings DAP passes between variables, the memory view and the
 * disassembly: `0x80001000` is a virtual address (through the MMU as the hart sees memory now),
 * `phys:0x80001000` a physical one. Anything else is read as an expression (`sym + 8`), so a user can
 * type one in the memory view.
 */
import type { AddressSpace } from '../emulator/debug/guest-memory';
import type { DebugTarget } from '../emulator/debug/debug-target';
import { RequestError } from './request-error';

export interface MemoryRef {
  readonly addr: number;
  readonly space: AddressSpace;
}

export function formatMemoryRef(addr: number, space: AddressSpace = 'virtual'): string {
  const hex = `0x${(addr >>> 0).toString(16).padStart(8, '0')}`;
  return space === 'physical' ? `phys:${hex}` : hex;
}

export function parseMemoryRef(command: string, ref: string, target: DebugTarget): MemoryRef {
  const m = /^(phys:|virt:)?\s*(0x[0-9a-f]+|\d+)$/i.exec(ref.trim());
  if (m) {
    const addr = Number(m[2]);
    if (addr > 0xffff_ffff) throw new RequestError(`${command}: address ${ref} is beyond 32 bits`);
    return { addr, space: m[1]?.toLowerCase() === 'phys:' ? 'physical' : 'virtual' };
  }
  try {
    return { addr: target.evaluate(ref).value >>> 0, space: 'virtual' };
  } catch (e) {
    throw new RequestError(`${command}: "${ref}" is not a memory reference (0x..., phys:0x... or an expression): ${(e as Error).message}`);
  }
}
