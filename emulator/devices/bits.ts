/** Decoding register values into flag names for the Devices panel. */

/** Names of the set bits, in table order, e.g. `flags(0x60, LSR_BITS)` = "THRE TEMT". */
export function flags(value: number, table: readonly (readonly [number, string])[]): string {
  const names = table.filter(([bit]) => (value & bit) !== 0).map(([, name]) => name);
  return names.length ? names.join(' ') : '-';
}

export function hex(v: number, digits = 8): string {
  return '0x' + (v >>> 0).toString(16).padStart(digits, '0');
}

/** Source numbers whose bit is set in a little-endian array of 32-bit words. */
export function setBits(words: Uint32Array, from = 0): number[] {
  const out: number[] = [];
  for (let w = 0; w < words.length; w++) {
    for (let b = 0; b < 32; b++) if ((words[w] >>> b) & 1 && w * 32 + b >= from) out.push(w * 32 + b);
  }
  return out;
}
