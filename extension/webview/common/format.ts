/** Number formats shared by the views. */

export function hex32(v: number): string {
  return `0x${(v >>> 0).toString(16).padStart(8, '0')}`;
}

export function count(v: number): string {
  return Math.round(v).toLocaleString('en-US');
}

export function percent(ratio: number | null | undefined, digits = 1): string {
  return ratio === null || ratio === undefined ? '–' : `${(ratio * 100).toFixed(digits)} %`;
}

export function ms(v: number): string {
  return v < 10 ? `${v.toFixed(2)} ms` : `${v.toFixed(0)} ms`;
}

/** `0x80000010 <main+16>` or just the address. */
export function addressLabel(pc: number, symbol?: string): string {
  return symbol ? `${hex32(pc)} <${symbol}>` : hex32(pc);
}
