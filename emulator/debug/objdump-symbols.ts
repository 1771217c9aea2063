/**
 * Names addresses as objdump's disassembly does (`<sym+0x10>`): the closest symbol at or below the
 * address whatever its size, or below every symbol the lowest one with a negative offset. The debugger
 * uses it where output must read as objdump's (disassembly, `x /i`); SymbolTable.describe, which
 * respects symbol sizes, is for stack frames and values.
 */
import type { GuestSymbol, SymbolTable } from '../loader/symbols';
import type { Symbolizer } from '../isa/disassembler';

/** At one address: functions and objects before plain labels, globals before locals (SymbolTable's order). */
function rank(s: GuestSymbol): number {
  return (s.kind === 'label' ? 0 : 2) + (s.global ? 1 : 0);
}

export function objdumpSymbolizer(table: SymbolTable): Symbolizer {
  const sorted = [...table.all].filter((s) => s.name !== '' && !s.name.startsWith('$'))
    .sort((a, b) => (a.addr >>> 0) - (b.addr >>> 0) || rank(b) - rank(a));
  const unique = sorted.filter((s, i) => i === 0 || (sorted[i - 1].addr >>> 0) !== (s.addr >>> 0));
  const starts = unique.map((s) => s.addr >>> 0);
  return (addr: number) => {
    if (unique.length === 0) return undefined;
    const a = addr >>> 0;
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] <= a) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    const s = unique[Math.max(found, 0)];
    const off = a - (s.addr >>> 0);
    if (off === 0) return s.name;
    return off > 0 ? `${s.name}+0x${off.toString(16)}` : `${s.name}-0x${(-off).toString(16)}`;
  };
}
