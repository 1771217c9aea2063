/**
 * How the debugger groups and explains CSRs: the groups of the Variables view (and `info registers`),
 * and a decoder per CSR whose bits mean something at a glance (mstatus fields, cause names, ...).
 */
import { csrNumber } from '../isa/csr-names';
import { causeName } from './trap-kinds';

export interface CsrGroup {
  readonly id: string;
  readonly label: string;
  readonly names: readonly string[];
}

const range = (fmt: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => fmt.replace('#', String(from + i)));

export const CSR_GROUPS: readonly CsrGroup[] = [
  {
    id: 'machine', label: 'CSRs: machine',
    names: ['mstatus', 'mstatush', 'misa', 'medeleg', 'mideleg', 'mie', 'mip', 'mtvec', 'mscratch', 'mepc', 'mcause', 'mtval',
      'mcounteren', 'mcountinhibit', 'menvcfg', 'menvcfgh', 'mvendorid', 'marchid', 'mimpid', 'mhartid', 'mconfigptr'],
  },
  {
    id: 'supervisor', label: 'CSRs: supervisor',
    names: ['sstatus', 'sie', 'sip', 'stvec', 'sscratch', 'sepc', 'scause', 'stval', 'scounteren', 'senvcfg'],
  },
  {
    id: 'counters', label: 'CSRs: counters',
    names: ['cycle', 'cycleh', 'time', 'timeh', 'instret', 'instreth', 'mcycle', 'mcycleh', 'minstret', 'minstreth'],
  },
  { id: 'mmu', label: 'CSRs: MMU/PMP', names: ['satp', ...range('pmpcfg#', 0, 3), ...range('pmpaddr#', 0, 15)] },
];

/** The CSRs that explain where a hart is and why (status, traps, delegation, interrupts, MMU), for the Devices view. */
export const KEY_CSRS: CsrGroup = {
  id: 'key', label: 'CSRs: key',
  names: ['mstatus', 'misa', 'mtvec', 'mepc', 'mcause', 'mtval', 'mscratch', 'medeleg', 'mideleg', 'mie', 'mip',
    'sstatus', 'stvec', 'sepc', 'scause', 'stval', 'satp', 'minstret'],
};

const PRIV_NAMES = ['U', 'S', 'H', 'M'];

/** mstatus/sstatus single-bit fields, low to high. */
const STATUS_BITS: readonly [number, string][] = [
  [1, 'SIE'], [3, 'MIE'], [5, 'SPIE'], [7, 'MPIE'], [8, 'SPP'], [17, 'MPRV'], [18, 'SUM'], [19, 'MXR'],
  [20, 'TVM'], [21, 'TW'], [22, 'TSR'], [31, 'SD'],
];
const IRQ_BITS: readonly [number, string][] = [[1, 'SSI'], [3, 'MSI'], [5, 'STI'], [7, 'MTI'], [9, 'SEI'], [11, 'MEI'], [13, 'LCOFI']];

function bitNames(v: number, bits: readonly [number, string][]): string[] {
  return bits.filter(([b]) => ((v >>> b) & 1) !== 0).map(([, n]) => n);
}

const status = (v: number, machine: boolean): string => {
  const parts = bitNames(v, STATUS_BITS.filter(([, n]) => machine || !n.startsWith('M') && n !== 'TVM' && n !== 'TW' && n !== 'TSR'));
  if (machine) parts.push(`MPP=${PRIV_NAMES[(v >>> 11) & 3]}`);
  return parts.join(' ');
};

const cause = (v: number): string => causeName(v & 0x7fff_ffff, v < 0 || v >= 0x8000_0000);

const tvec = (v: number): string => `base=0x${((v & ~3) >>> 0).toString(16)} ${(v & 3) === 1 ? 'vectored' : (v & 3) === 0 ? 'direct' : 'reserved'}`;

const pmpcfg = (v: number): string => [0, 1, 2, 3].map((k) => {
  const c = (v >>> (8 * k)) & 0xff;
  const a = ['OFF', 'TOR', 'NA4', 'NAPOT'][(c >>> 3) & 3];
  return `${a}${c & 1 ? 'r' : '-'}${c & 2 ? 'w' : '-'}${c & 4 ? 'x' : '-'}${c & 0x80 ? 'L' : ''}`;
}).join(' ');

const misa = (v: number): string => {
  const letters = Array.from({ length: 26 }, (_, i) => ((v >>> i) & 1 ? String.fromCharCode(65 + i) : '')).join('');
  return `RV${(v >>> 30) === 1 ? 32 : 64}${letters}`;
};

/** Decoders by CSR name: a short text of what the value means. */
export const CSR_DECODERS: Readonly<Record<string, (v: number) => string>> = {
  mstatus: (v) => status(v, true),
  sstatus: (v) => status(v, false),
  mcause: cause,
  scause: cause,
  mie: (v) => bitNames(v, IRQ_BITS).join(' '),
  mip: (v) => bitNames(v, IRQ_BITS).join(' '),
  mideleg: (v) => bitNames(v, IRQ_BITS).join(' '),
  sie: (v) => bitNames(v, IRQ_BITS).join(' '),
  sip: (v) => bitNames(v, IRQ_BITS).join(' '),
  mtvec: tvec,
  stvec: tvec,
  satp: (v) => ((v >>> 31) === 1 ? `Sv32 asid=${(v >>> 22) & 0x1ff} root=0x${(((v & 0x3f_ffff) * 4096) >>> 0).toString(16)}` : 'bare'),
  misa,
  ...Object.fromEntries([0, 1, 2, 3].map((n) => [`pmpcfg${n}`, pmpcfg])),
};

export interface CsrRow {
  readonly name: string;
  readonly num: number;
  readonly value: number;
  readonly decoded?: string;
}

/** The group's CSRs that this hart has, with values (read without side effects) and meanings. */
export function readCsrGroup(group: CsrGroup, peek: (num: number) => number | undefined): CsrRow[] {
  const rows: CsrRow[] = [];
  for (const name of group.names) {
    const num = csrNumber(name);
    if (num === undefined) continue;
    const value = peek(num);
    if (value === undefined) continue;
    const decode = CSR_DECODERS[name];
    const decoded = decode?.(value >>> 0);
    rows.push({ name, num, value: value >>> 0, ...(decoded ? { decoded } : {}) });
  }
  return rows;
}

export function privName(priv: number): string {
  return PRIV_NAMES[priv & 3];
}
