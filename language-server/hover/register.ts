/** The hover of a register: its number, its ABI name and its role in the calling convention. */
import { regName, regRole } from '../../emulator/isa/registers';

export function registerHover(written: string, n: number): string {
  const names = [`x${n}`, regName(n), ...(n === 8 ? ['fp'] : [])].filter((x) => x !== written);
  return `**${written}** — register x${n}${names.length > 0 ? ` (also ${names.map((x) => `\`${x}\``).join(', ')})` : ''}\n\n${regRole(n)}`;
}
