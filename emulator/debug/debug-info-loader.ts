/**
 * The one place the debugger reads DWARF (debug/dwarf.ts): line tables and call-frame information of
 * an ELF file, with what could not be read as warnings (never an exception).
 */
import type { DebugInfo } from './debug-info-api';
import { readDebugInfo } from './dwarf';

export function loadDebugInfo(elf: Uint8Array, path: string): { info?: DebugInfo; warnings: string[] } {
  return readDebugInfo(elf, path);
}
