/**
 * Names addresses the way objdump does for the images in these tests: the closest symbol at or below
 * the address (`sym+0x10`), or, below every symbol, the lowest one with a negative offset. Section,
 * file and mapping symbols ($x, $d, $xrv32...) are never used. objdump breaks ties between symbols at
 * one address by rules not modelled here, so a tie is reported as an error: fix the image instead.
 */
import { ElfSymbol } from './elf32';

const STT_NOTYPE = 0;
const STT_OBJECT = 1;
const STT_FUNC = 2;

export function objdumpSymbolizer(symbols: readonly ElfSymbol[]): ((addr: number) => string | undefined) | undefined {
  const usable = symbols
    .filter((s) => [STT_NOTYPE, STT_OBJECT, STT_FUNC].includes(s.type))
    .filter((s) => s.shndx !== 0 && s.name !== '' && !s.name.startsWith('$'))
    .sort((a, b) => a.value - b.value);
  if (usable.length === 0) return undefined;
  return (addr: number) => {
    const atOrBelow = usable.filter((s) => s.value <= addr);
    const value = atOrBelow.length > 0 ? atOrBelow[atOrBelow.length - 1].value : usable[0].value;
    const tied = usable.filter((s) => s.value === value);
    if (tied.length > 1) throw new Error(`symbols ${tied.map((s) => s.name).join(', ')} share address ${value.toString(16)}`);
    const off = addr - value;
    const name = tied[0].name;
    if (off === 0) return name;
    return off > 0 ? `${name}+0x${off.toString(16)}` : `${name}-0x${(-off).toString(16)}`;
  };
}
