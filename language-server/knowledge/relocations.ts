/**
 * The relocation operators the assembler takes (emulator/asm/expr.ts RELOC_OPS), in words. A test
 * checks the two lists agree.
 */

export const RELOCATION_DOCS: Readonly<Record<string, string>> = {
  '%hi': 'The upper 20 bits of an absolute address, rounded so that adding %lo gives it: `lui rd, %hi(sym)`.',
  '%lo': 'The lower 12 bits (signed) of an absolute address: `addi rd, rd, %lo(sym)`, or a load or store offset.',
  '%pcrel_hi': 'The upper 20 bits of the distance from this auipc to the address: `1: auipc rd, %pcrel_hi(sym)`.',
  '%pcrel_lo': 'The lower 12 bits of the distance the named auipc computed: `addi rd, rd, %pcrel_lo(1b)` (names the auipc\'s label, not the symbol).',
};
