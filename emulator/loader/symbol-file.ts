/**
 * Extra symbol files (`--symbols FILE`): the ELF a raw image was made from (a kernel's vmlinux, a
 * firmware's .elf), read only for its symbols, so listings and traces can name that code.
 */
import { parseElfSymbols } from './elf';
import { readGuestFile } from './load';
import { SymbolTable } from './symbols';

export function loadSymbolFile(path: string): SymbolTable {
  return new SymbolTable(parseElfSymbols(readGuestFile(path), path));
}
