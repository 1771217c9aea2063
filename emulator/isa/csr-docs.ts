/**
 * What the CSRs are for, as data for hovers: a one-line description of the ones a program commonly
 * touches (numbered families by pattern), and the RV32 bit fields of those that have fields. Numbers,
 * privilege and read-only-ness are not repeated here: csr-names.ts derives them from the number.
 */

export interface CsrField {
  /** `hi:lo` or a single bit, as the privileged spec's diagrams write them. */
  readonly bits: string;
  readonly name: string;
  readonly meaning: string;
}

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  fflags: 'Floating-point accrued exception flags.',
  frm: 'Floating-point dynamic rounding mode.',
  fcsr: 'Floating-point control and status: rounding mode and exception flags.',
  cycle: 'Cycle counter, low 32 bits (read-only shadow of mcycle).',
  time: 'Real-time counter, low 32 bits (the CLINT\'s mtime).',
  instret: 'Instructions-retired counter, low 32 bits (read-only shadow of minstret).',
  cycleh: 'Cycle counter, high 32 bits.',
  timeh: 'Real-time counter, high 32 bits.',
  instreth: 'Instructions-retired counter, high 32 bits.',
  sstatus: 'Supervisor status: the supervisor view of mstatus (interrupt enable, previous privilege, memory access bits).',
  sie: 'Supervisor interrupt enable: one bit per interrupt delegated to S-mode.',
  stvec: 'Supervisor trap vector: where S-mode traps go, and direct or vectored mode.',
  scounteren: 'Which counters U-mode may read.',
  senvcfg: 'Supervisor environment configuration: what U-mode may do.',
  sscratch: 'Supervisor scratch register, for the trap handler (often the kernel stack or per-hart data).',
  sepc: 'Supervisor exception pc: the instruction that trapped to S-mode, and where sret returns.',
  scause: 'Supervisor trap cause: interrupt bit and exception code.',
  stval: 'Supervisor trap value: the faulting address, or the instruction bits of an illegal instruction.',
  sip: 'Supervisor interrupt pending: one bit per interrupt delegated to S-mode.',
  satp: 'Supervisor address translation and protection: paging mode, address-space id, root page table.',
  mstatus: 'Machine status: global interrupt enables, previous privilege modes, memory access controls.',
  mstatush: 'Machine status, upper half (RV32): endianness of M- and S-mode data accesses.',
  misa: 'Machine ISA: the base width and the extensions the hart implements.',
  medeleg: 'Machine exception delegation: one bit per exception cause handled in S-mode instead.',
  mideleg: 'Machine interrupt delegation: one bit per interrupt handled in S-mode instead.',
  mie: 'Machine interrupt enable: one bit per interrupt source.',
  mtvec: 'Machine trap vector: where M-mode traps go, and direct or vectored mode.',
  mcounteren: 'Which counters S-mode (and U-mode through it) may read.',
  menvcfg: 'Machine environment configuration: what S-mode and U-mode may do.',
  menvcfgh: 'Machine environment configuration, upper half (RV32).',
  mcountinhibit: 'Stops counters from counting, one bit per counter.',
  mscratch: 'Machine scratch register, for the trap handler.',
  mepc: 'Machine exception pc: the instruction that trapped to M-mode, and where mret returns.',
  mcause: 'Machine trap cause: interrupt bit and exception code.',
  mtval: 'Machine trap value: the faulting address, or the instruction bits of an illegal instruction.',
  mip: 'Machine interrupt pending: one bit per interrupt source.',
  mtinst: 'Machine trap instruction: a transformed form of the trapping instruction (0 when not provided).',
  mtval2: 'Machine second trap value (hypervisor guest-physical addresses).',
  mseccfg: 'Machine security configuration: PMP rule locking and machine-mode lockdown.',
  mseccfgh: 'Machine security configuration, upper half (RV32).',
  mcycle: 'Machine cycle counter, low 32 bits.',
  mcycleh: 'Machine cycle counter, high 32 bits.',
  minstret: 'Machine instructions-retired counter, low 32 bits.',
  minstreth: 'Machine instructions-retired counter, high 32 bits.',
  tselect: 'Debug trigger select: which trigger tdata1..3 show.',
  tdata1: 'Debug trigger data 1: the selected trigger\'s type and configuration.',
  tdata2: 'Debug trigger data 2: the selected trigger\'s address or data to match.',
  tdata3: 'Debug trigger data 3: extra match conditions of the selected trigger.',
  tinfo: 'Debug trigger info: the trigger types the selected trigger supports.',
  dcsr: 'Debug control and status (debug mode only).',
  dpc: 'Debug pc: where execution resumes when leaving debug mode.',
  dscratch0: 'Debug scratch register 0 (debug mode only).',
  dscratch1: 'Debug scratch register 1 (debug mode only).',
  mvendorid: 'Vendor id (JEDEC); 0 means not implemented or non-commercial.',
  marchid: 'Microarchitecture id.',
  mimpid: 'Implementation (version) id.',
  mhartid: 'The id of the hart running the code.',
  mconfigptr: 'Address of the configuration data structure (0 if none).',
  seed: 'Entropy source (Zkr).',
};

/** Numbered families: `pmpaddr12`, `hpmcounter4h`, ... */
const FAMILIES: readonly [pattern: RegExp, describe: (n: string) => string][] = [
  [/^pmpcfg(\d+)$/, (n) => `Physical memory protection configuration: the L/A/X/W/R bytes of PMP entries ${4 * Number(n)}..${4 * Number(n) + 3}.`],
  [/^pmpaddr(\d+)$/, (n) => `Physical memory protection address ${n}: bits 33:2 of a region bound (or a NAPOT base and size).`],
  [/^hpmcounter(\d+)$/, (n) => `Hardware performance-monitoring counter ${n}, low 32 bits (read-only shadow).`],
  [/^hpmcounter(\d+)h$/, (n) => `Hardware performance-monitoring counter ${n}, high 32 bits (read-only shadow).`],
  [/^mhpmcounter(\d+)$/, (n) => `Machine performance-monitoring counter ${n}, low 32 bits.`],
  [/^mhpmcounter(\d+)h$/, (n) => `Machine performance-monitoring counter ${n}, high 32 bits.`],
  [/^mhpmevent(\d+)$/, (n) => `Selects the event machine performance counter ${n} counts.`],
  [/^mhpmevent(\d+)h$/, (n) => `Upper half of the event selector of machine performance counter ${n} (RV32, Sscofpmf).`],
];

export function csrDescription(name: string): string | undefined {
  const own = DESCRIPTIONS[name];
  if (own !== undefined) return own;
  for (const [pattern, describe] of FAMILIES) {
    const m = pattern.exec(name);
    if (m !== null) return describe(m[1]);
  }
  return undefined;
}

const f = (bits: string, name: string, meaning: string): CsrField => ({ bits, name, meaning });

/** sstatus: the supervisor's view of mstatus. */
const SSTATUS: readonly CsrField[] = [
  f('1', 'SIE', 'Supervisor interrupts enabled'),
  f('5', 'SPIE', 'SIE before the last trap into S-mode'),
  f('6', 'UBE', 'U-mode data accesses are big-endian'),
  f('8', 'SPP', 'Privilege before the last trap into S-mode (0 U, 1 S)'),
  f('10:9', 'VS', 'Vector unit state (off, initial, clean, dirty)'),
  f('14:13', 'FS', 'Floating-point unit state (off, initial, clean, dirty)'),
  f('16:15', 'XS', 'State of other extensions (read-only summary)'),
  f('18', 'SUM', 'S-mode may access U-mode pages'),
  f('19', 'MXR', 'Loads from execute-only pages succeed'),
  f('31', 'SD', 'Some of FS/VS/XS are dirty (read-only)'),
];

const MACHINE_INTERRUPTS = (suffix: 'IE' | 'IP'): readonly CsrField[] => [
  f('1', `SS${suffix}`, 'Supervisor software interrupt'),
  f('3', `MS${suffix}`, 'Machine software interrupt (CLINT msip)'),
  f('5', `ST${suffix}`, 'Supervisor timer interrupt'),
  f('7', `MT${suffix}`, 'Machine timer interrupt (CLINT mtimecmp)'),
  f('9', `SE${suffix}`, 'Supervisor external interrupt (PLIC)'),
  f('11', `ME${suffix}`, 'Machine external interrupt (PLIC)'),
];

const SUPERVISOR_INTERRUPTS = (suffix: 'IE' | 'IP'): readonly CsrField[] => [
  f('1', `SS${suffix}`, 'Supervisor software interrupt'),
  f('5', `ST${suffix}`, 'Supervisor timer interrupt'),
  f('9', `SE${suffix}`, 'Supervisor external interrupt (PLIC)'),
];

const TVEC: readonly CsrField[] = [
  f('31:2', 'BASE', 'Handler address, bits 31:2 (4-byte aligned)'),
  f('1:0', 'MODE', '0 direct (all traps to BASE), 1 vectored (interrupts to BASE + 4 × cause)'),
];

const CAUSE: readonly CsrField[] = [
  f('31', 'Interrupt', '1 for an interrupt, 0 for an exception'),
  f('30:0', 'Code', 'Exception code (e.g. 2 illegal instruction, 8/9/11 ecall from U/S/M) or interrupt number'),
];

const COUNTEREN: readonly CsrField[] = [
  f('0', 'CY', 'cycle'),
  f('1', 'TM', 'time'),
  f('2', 'IR', 'instret'),
  f('31:3', 'HPM', 'hpmcounter3..31, one bit each'),
];

/** pmpcfgN holds the configuration bytes of PMP entries 4N..4N+3 (on RV32). */
const pmpcfg = (n: number): readonly CsrField[] => [0, 1, 2, 3].map((k) => f(
  `${8 * k + 7}:${8 * k}`, `pmp${4 * n + k}cfg`,
  k === 0 ? 'L (7: locked), A (4:3: off, TOR, NA4, NAPOT), X (2), W (1), R (0)' : 'The same layout',
));

/** RV32 bit fields of the CSRs that have them, by name. */
export const CSR_FIELDS: Readonly<Record<string, readonly CsrField[]>> = {
  mstatus: [
    f('1', 'SIE', 'Supervisor interrupts enabled'),
    f('3', 'MIE', 'Machine interrupts enabled'),
    f('5', 'SPIE', 'SIE before the last trap into S-mode'),
    f('6', 'UBE', 'U-mode data accesses are big-endian'),
    f('7', 'MPIE', 'MIE before the last trap into M-mode'),
    f('8', 'SPP', 'Privilege before the last trap into S-mode (0 U, 1 S)'),
    f('10:9', 'VS', 'Vector unit state (off, initial, clean, dirty)'),
    f('12:11', 'MPP', 'Privilege before the last trap into M-mode (0 U, 1 S, 3 M)'),
    f('14:13', 'FS', 'Floating-point unit state (off, initial, clean, dirty)'),
    f('16:15', 'XS', 'State of other extensions (read-only summary)'),
    f('17', 'MPRV', 'Loads and stores use the privilege in MPP'),
    f('18', 'SUM', 'S-mode may access U-mode pages'),
    f('19', 'MXR', 'Loads from execute-only pages succeed'),
    f('20', 'TVM', 'Trap S-mode satp accesses and sfence.vma'),
    f('21', 'TW', 'Trap wfi in lower privilege modes'),
    f('22', 'TSR', 'Trap sret in S-mode'),
    f('31', 'SD', 'Some of FS/VS/XS are dirty (read-only)'),
  ],
  sstatus: SSTATUS,
  mstatush: [
    f('4', 'SBE', 'S-mode data accesses are big-endian'),
    f('5', 'MBE', 'M-mode data accesses are big-endian'),
  ],
  mie: MACHINE_INTERRUPTS('IE'),
  mip: MACHINE_INTERRUPTS('IP'),
  sie: SUPERVISOR_INTERRUPTS('IE'),
  sip: SUPERVISOR_INTERRUPTS('IP'),
  mtvec: TVEC,
  stvec: TVEC,
  mcause: CAUSE,
  scause: CAUSE,
  satp: [
    f('31', 'MODE', '0 bare (no translation), 1 Sv32'),
    f('30:22', 'ASID', 'Address-space id'),
    f('21:0', 'PPN', 'Physical page number of the root page table'),
  ],
  misa: [
    f('31:30', 'MXL', 'Base width: 1 for 32 bits'),
    f('25:0', 'Extensions', 'One bit per letter: bit 0 A, 2 C, 8 I, 12 M, 18 S, 20 U, ...'),
  ],
  mcounteren: COUNTEREN,
  scounteren: COUNTEREN,
  mcountinhibit: [
    f('0', 'CY', 'mcycle stops'),
    f('2', 'IR', 'minstret stops'),
    f('31:3', 'HPM', 'mhpmcounter3..31 stop, one bit each'),
  ],
  menvcfg: [
    f('0', 'FIOM', 'Fences on I/O order memory accesses too (for lower modes)'),
    f('5:4', 'CBIE', 'cbo.inval enable (Zicbom)'),
    f('6', 'CBCFE', 'cbo.clean/flush enable (Zicbom)'),
    f('7', 'CBZE', 'cbo.zero enable (Zicboz)'),
  ],
  mseccfg: [
    f('0', 'MML', 'Machine-mode lockdown'),
    f('1', 'MMWP', 'Machine-mode whitelist policy: deny M-mode accesses no PMP rule matches'),
    f('2', 'RLB', 'Rule-locking bypass: locked PMP rules may be changed'),
  ],
  pmpcfg0: pmpcfg(0),
  pmpcfg1: pmpcfg(1),
  pmpcfg2: pmpcfg(2),
  pmpcfg3: pmpcfg(3),
  fcsr: [
    f('7:5', 'frm', 'Rounding mode'),
    f('4:0', 'fflags', 'NV, DZ, OF, UF, NX exception flags'),
  ],
  dcsr: [
    f('31:28', 'debugver', 'Debug spec version (4: 0.13 or 1.0)'),
    f('15', 'ebreakm', 'ebreak in M-mode enters debug mode'),
    f('13', 'ebreaks', 'ebreak in S-mode enters debug mode'),
    f('12', 'ebreaku', 'ebreak in U-mode enters debug mode'),
    f('11', 'stepie', 'Interrupts enabled while single-stepping'),
    f('10', 'stopcount', 'Counters stop in debug mode'),
    f('9', 'stoptime', 'Timers stop in debug mode'),
    f('8:6', 'cause', 'Why debug mode was entered'),
    f('4', 'mprven', 'MPRV applies in debug mode'),
    f('3', 'nmip', 'A non-maskable interrupt is pending'),
    f('2', 'step', 'Single-step'),
    f('1:0', 'prv', 'Privilege before debug mode'),
  ],
};
