/**
 * The integer registers: ABI names (as objdump prints them: s0, not fp) and what the calling
 * convention uses each one for (shown in hovers).
 */

interface RegisterInfo {
  readonly abi: string;
  readonly role: string;
}

const REGISTERS: readonly RegisterInfo[] = [
  { abi: 'zero', role: 'Hard-wired zero' },
  { abi: 'ra', role: 'Return address' },
  { abi: 'sp', role: 'Stack pointer' },
  { abi: 'gp', role: 'Global pointer' },
  { abi: 'tp', role: 'Thread pointer' },
  { abi: 't0', role: 'Temporary; alternate link register' },
  { abi: 't1', role: 'Temporary' },
  { abi: 't2', role: 'Temporary' },
  { abi: 's0', role: 'Saved register; frame pointer (fp)' },
  { abi: 's1', role: 'Saved register' },
  { abi: 'a0', role: 'Function argument; return value' },
  { abi: 'a1', role: 'Function argument; second return value' },
  ...[2, 3, 4, 5, 6, 7].map((n) => ({ abi: `a${n}`, role: 'Function argument' })),
  ...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => ({ abi: `s${n}`, role: 'Saved register' })),
  ...[3, 4, 5, 6].map((n) => ({ abi: `t${n}`, role: 'Temporary' })),
];

/** ABI names indexed by register number. */
export const ABI_NAMES: readonly string[] = REGISTERS.map((r) => r.abi);

export function regName(n: number): string {
  return ABI_NAMES[n];
}

/** One-line description of a register's role in the calling convention. */
export function regRole(n: number): string {
  return REGISTERS[n].role;
}

const BY_NAME = new Map<string, number>([
  ...ABI_NAMES.map((name, i) => [name, i] as [string, number]),
  ...ABI_NAMES.map((_, i) => [`x${i}`, i] as [string, number]),
  ['fp', 8],
]);

/** Register number for an ABI name, `xN`, or `fp`; undefined if it names no integer register. */
export function regNumber(name: string): number | undefined {
  return BY_NAME.get(name);
}
