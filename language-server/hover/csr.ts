/**
 * The hover of a CSR: number, lowest privilege that may access it, read-only or read/write (both
 * encoded in the number), whether Translucent's hart implements it, and its fields.
 */
import { CSR, PrivLevel, csrDebugOnly, csrName, csrPrivilege, csrReadOnly } from '../../emulator/isa/csr-names';
import { CSR_FIELDS, csrDescription } from '../../emulator/isa/csr-docs';

const PRIVILEGE_NAMES: Readonly<Record<PrivLevel, string>> = {
  [PrivLevel.User]: 'user',
  [PrivLevel.Supervisor]: 'supervisor',
  [PrivLevel.Hypervisor]: 'hypervisor',
  [PrivLevel.Machine]: 'machine',
};

const IMPLEMENTED = new Set<number>(Object.values(CSR));

export function csrHover(num: number): string {
  const name = csrName(num);
  const hex = `0x${num.toString(16).padStart(3, '0')}`;
  const access = csrReadOnly(num) ? 'read-only' : 'read/write';
  const level = csrDebugOnly(num) ? 'debug mode only' : `${PRIVILEGE_NAMES[csrPrivilege(num)]} level and above`;
  const lines = [`**${name ?? hex}** — CSR ${hex}, ${access}, ${level}`];
  const description = name === undefined ? undefined : csrDescription(name);
  if (description !== undefined) lines.push('', description);
  lines.push('', IMPLEMENTED.has(num) ? 'Implemented by Translucent\'s hart.' : 'Not one of the CSRs Translucent\'s hart implements.');
  const fields = name === undefined ? undefined : CSR_FIELDS[name];
  if (fields !== undefined) {
    lines.push('', '| Bits | Field | Meaning |', '|---|---|---|', ...fields.map((f) => `| ${f.bits} | ${f.name} | ${f.meaning} |`));
  }
  return lines.join('\n');
}
