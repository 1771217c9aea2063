/**
 * CSR numbers and names: every CSR GNU binutils 2.40 knows under privileged spec 1.12 (the names its
 * objdump prints; any other number prints in hex). Privilege level and read-only-ness are not listed:
 * the spec encodes them in the number itself (bits 9:8 and 11:10).
 */

type Row = readonly [num: number, name: string];

/** `name` with `{n}` replaced by first..last, at consecutive numbers from `num`. */
function series(num: number, name: string, first: number, last: number): Row[] {
  const rows: Row[] = [];
  for (let n = first; n <= last; n++) rows.push([num + n - first, name.replace('{n}', String(n))]);
  return rows;
}

const ROWS: readonly Row[] = [
  // Unprivileged: floating point, vector, entropy source, counters
  [0x001, 'fflags'], [0x002, 'frm'], [0x003, 'fcsr'],
  [0x008, 'vstart'], [0x009, 'vxsat'], [0x00a, 'vxrm'], [0x00f, 'vcsr'],
  [0x015, 'seed'],
  [0xc00, 'cycle'], [0xc01, 'time'], [0xc02, 'instret'], ...series(0xc03, 'hpmcounter{n}', 3, 31),
  [0xc20, 'vl'], [0xc21, 'vtype'], [0xc22, 'vlenb'],
  [0xc80, 'cycleh'], [0xc81, 'timeh'], [0xc82, 'instreth'], ...series(0xc83, 'hpmcounter{n}h', 3, 31),

  // Supervisor
  [0x100, 'sstatus'], [0x104, 'sie'], [0x105, 'stvec'], [0x106, 'scounteren'], [0x10a, 'senvcfg'],
  ...series(0x10c, 'sstateen{n}', 0, 3),
  [0x114, 'sieh'],
  [0x140, 'sscratch'], [0x141, 'sepc'], [0x142, 'scause'], [0x143, 'stval'], [0x144, 'sip'],
  [0x14d, 'stimecmp'], [0x150, 'siselect'], [0x151, 'sireg'], [0x154, 'siph'], [0x15c, 'stopei'],
  [0x15d, 'stimecmph'],
  [0x180, 'satp'],
  [0x5a8, 'scontext'],
  [0xda0, 'scountovf'], [0xdb0, 'stopi'],

  // Hypervisor and virtual supervisor
  [0x200, 'vsstatus'], [0x204, 'vsie'], [0x205, 'vstvec'], [0x214, 'vsieh'],
  [0x240, 'vsscratch'], [0x241, 'vsepc'], [0x242, 'vscause'], [0x243, 'vstval'], [0x244, 'vsip'],
  [0x24d, 'vstimecmp'], [0x250, 'vsiselect'], [0x251, 'vsireg'], [0x254, 'vsiph'], [0x25c, 'vstopei'],
  [0x25d, 'vstimecmph'], [0x280, 'vsatp'],
  [0x600, 'hstatus'], [0x602, 'hedeleg'], [0x603, 'hideleg'], [0x604, 'hie'], [0x605, 'htimedelta'],
  [0x606, 'hcounteren'], [0x607, 'hgeie'], [0x608, 'hvien'], [0x609, 'hvictl'], [0x60a, 'henvcfg'],
  ...series(0x60c, 'hstateen{n}', 0, 3),
  [0x613, 'hidelegh'], [0x615, 'htimedeltah'], [0x618, 'hvienh'], [0x61a, 'henvcfgh'],
  ...series(0x61c, 'hstateen{n}h', 0, 3),
  [0x643, 'htval'], [0x644, 'hip'], [0x645, 'hvip'], [0x646, 'hviprio1'], [0x647, 'hviprio2'],
  [0x64a, 'htinst'], [0x655, 'hviph'], [0x656, 'hviprio1h'], [0x657, 'hviprio2h'],
  [0x680, 'hgatp'], [0x6a8, 'hcontext'],
  [0xe12, 'hgeip'], [0xeb0, 'vstopi'],

  // Machine: trap setup and handling
  [0x300, 'mstatus'], [0x301, 'misa'], [0x302, 'medeleg'], [0x303, 'mideleg'], [0x304, 'mie'],
  [0x305, 'mtvec'], [0x306, 'mcounteren'], [0x308, 'mvien'], [0x309, 'mvip'], [0x30a, 'menvcfg'],
  ...series(0x30c, 'mstateen{n}', 0, 3),
  [0x310, 'mstatush'], [0x313, 'midelegh'], [0x314, 'mieh'], [0x318, 'mvienh'], [0x319, 'mviph'],
  [0x31a, 'menvcfgh'],
  ...series(0x31c, 'mstateen{n}h', 0, 3),
  [0x320, 'mcountinhibit'],
  ...series(0x323, 'mhpmevent{n}', 3, 31),
  [0x340, 'mscratch'], [0x341, 'mepc'], [0x342, 'mcause'], [0x343, 'mtval'], [0x344, 'mip'],
  [0x34a, 'mtinst'], [0x34b, 'mtval2'],
  [0x350, 'miselect'], [0x351, 'mireg'], [0x354, 'miph'], [0x35c, 'mtopei'],
  // Machine: memory protection
  ...series(0x3a0, 'pmpcfg{n}', 0, 15),
  ...series(0x3b0, 'pmpaddr{n}', 0, 63),
  ...series(0x723, 'mhpmevent{n}h', 3, 31),
  [0x747, 'mseccfg'], [0x757, 'mseccfgh'],
  // Debug and trace (triggers, debug mode)
  [0x7a0, 'tselect'], [0x7a1, 'tdata1'], [0x7a2, 'tdata2'], [0x7a3, 'tdata3'], [0x7a4, 'tinfo'],
  [0x7a5, 'tcontrol'], [0x7a8, 'mcontext'], [0x7aa, 'mscontext'],
  [0x7b0, 'dcsr'], [0x7b1, 'dpc'], [0x7b2, 'dscratch0'], [0x7b3, 'dscratch1'],
  // Machine counters
  [0xb00, 'mcycle'], [0xb02, 'minstret'], ...series(0xb03, 'mhpmcounter{n}', 3, 31),
  [0xb80, 'mcycleh'], [0xb82, 'minstreth'], ...series(0xb83, 'mhpmcounter{n}h', 3, 31),
  // Machine information
  [0xf11, 'mvendorid'], [0xf12, 'marchid'], [0xf13, 'mimpid'], [0xf14, 'mhartid'], [0xf15, 'mconfigptr'],
  [0xfb0, 'mtopi'],
];

const NAME_BY_NUMBER = new Map<number, string>(ROWS);
const NUMBER_BY_NAME = new Map<string, number>(ROWS.map(([num, name]) => [name, num]));

/** The name objdump prints for a CSR number, or undefined if it prints the number. */
export function csrName(num: number): string | undefined {
  return NAME_BY_NUMBER.get(num);
}

export function csrNumber(name: string): number | undefined {
  return NUMBER_BY_NAME.get(name);
}

/** All known CSRs, in number order. */
export function allCsrs(): readonly Row[] {
  return [...ROWS].sort((a, b) => a[0] - b[0]);
}

export const enum PrivLevel {
  User = 0,
  Supervisor = 1,
  /** Hypervisor and virtual-supervisor CSRs. */
  Hypervisor = 2,
  Machine = 3,
}

/** The lowest privilege level that may access a CSR (bits 9:8 of its number). */
export function csrPrivilege(num: number): PrivLevel {
  return (num >>> 8) & 3;
}

/** Bits 11:10 = 11 mark a read-only CSR: writing it is an illegal instruction. */
export function csrReadOnly(num: number): boolean {
  return ((num >>> 10) & 3) === 3;
}

/** 0x7b0..0x7bf are accessible only in debug mode. */
export function csrDebugOnly(num: number): boolean {
  return (num & 0xff0) === 0x7b0;
}

function pick<N extends string>(...names: N[]): Readonly<Record<N, number>> {
  const out = {} as Record<N, number>;
  for (const name of names) {
    const num = NUMBER_BY_NAME.get(name);
    if (num === undefined) throw new Error(`unknown CSR ${name}`);
    out[name] = num;
  }
  return Object.freeze(out);
}

/** Numbers of the CSRs the emulated hart implements, by name: `CSR.mstatus === 0x300`. */
export const CSR = pick(
  'cycle', 'time', 'instret', 'cycleh', 'timeh', 'instreth',
  'sstatus', 'sie', 'stvec', 'scounteren', 'senvcfg', 'sscratch', 'sepc', 'scause', 'stval', 'sip', 'satp',
  'mstatus', 'misa', 'medeleg', 'mideleg', 'mie', 'mtvec', 'mcounteren', 'menvcfg', 'mstatush', 'menvcfgh',
  'mcountinhibit', 'mscratch', 'mepc', 'mcause', 'mtval', 'mip', 'mtinst', 'mtval2',
  'pmpcfg0', 'pmpcfg1', 'pmpcfg2', 'pmpcfg3',
  'pmpaddr0', 'pmpaddr1', 'pmpaddr2', 'pmpaddr3', 'pmpaddr4', 'pmpaddr5', 'pmpaddr6', 'pmpaddr7',
  'pmpaddr8', 'pmpaddr9', 'pmpaddr10', 'pmpaddr11', 'pmpaddr12', 'pmpaddr13', 'pmpaddr14', 'pmpaddr15',
  'mseccfg', 'mseccfgh',
  'mcycle', 'minstret', 'mcycleh', 'minstreth',
  'mhpmcounter3', 'mhpmcounter3h', 'mhpmevent3', 'mhpmevent3h',
  'tselect', 'tdata1', 'tdata2', 'tdata3', 'dcsr', 'dpc', 'dscratch0', 'dscratch1',
  'mvendorid', 'marchid', 'mimpid', 'mhartid', 'mconfigptr',
);
