/**
 * What every implemented CSR number reads and writes: the WARL masks, the restricted S-mode views and
 * the side effects, as one table. Privilege (bits 9:8) and read-only-ness (bits 11:10) come from the
 * number itself and are checked by the hart before any row is used; a row adds only a CSR's own extra
 * condition (counter enables, TVM).
 *
 * The CSR set and masks are QEMU 7.2's for `-cpu rv32,h=false,f=false,d=false` (its default rv32 CPU
 * without the extensions this hart lacks), probed by writing all-ones and zero to every number
 * (test/cpu/qemu-probes/csrmap.c). Bits that only mean something with the H extension, which QEMU keeps
 * writable even with h=false, are left out. Where QEMU contradicts the spec (mepc bit 0, MPP = 2,
 * mcountinhibit bit 1), the spec wins.
 */
import { CSR, csrNumber } from '../isa/csr-names';
import type { Hart } from './hart';
import { FIRST_HPM, LAST_HPM } from './csr-state';
import { HpmEvent } from './counters';
import { MS, MSTATUS_WRITABLE, SSTATUS_VISIBLE, SSTATUS_WRITABLE, withSd } from './mstatus';
import { ALL_INTERRUPTS, DELEGABLE_INTERRUPTS } from './interrupts';
import { Priv } from './privilege';

export interface CsrRow {
  readonly num: number;
  /**
   * `retired`: instructions retired before the accessing one. `rmw`: the read is the first half of a
   * read-modify-write (it matters only for mip.SEIP).
   */
  read(h: Hart, retired: number, rmw: boolean): number;
  /** Absent: writes are legal and ignored. `retired`: the count at which the new value is first seen. */
  write?(h: Hart, value: number, retired: number): void;
  /** Extra access condition; false raises illegal instruction. */
  allowed?(h: Hart): boolean;
}

/** RV32 (MXL=1) with A, C, I, M, S, U: what QEMU 7.2 reports with F, D and H turned off. */
export const MISA = 0x4014_1105;
/** QEMU 7.2's marchid and mimpid are its version (Debian's 7.2.22 here); mvendorid is 0. */
export const QEMU_VERSION_ID = 0x0007_0216;

/**
 * medeleg: every exception cause but 14 (reserved), M-mode ecall included, as QEMU 7.2; QEMU also takes
 * bits 10 and 20-23, which only exist with the H extension.
 */
const MEDELEG_WRITABLE = 0x0000_bbff;
/** sie/sip expose only delegated bits; S-mode software may set SSIP and LCOFIP itself. */
const SIP_WRITABLE = 0x2002;
/** mip bits M-mode software may write: SSIP, STIP, SEIP (the software half), LCOFIP. */
const MIP_WRITABLE = 0x2222;
const SEIP = 1 << 9;
/** menvcfg/senvcfg: FIOM, CBIE, CBCFE, CBZE. menvcfgh: STCE, PBMTE (stored, as in QEMU; not acted on). */
const ENVCFG_WRITABLE = 0xf1;
const MENVCFGH_WRITABLE = 0xc000_0000 | 0;
/** mcountinhibit: bit 1 (time) is read-only zero in the spec; QEMU 7.2 stores it anyway. */
const MCOUNTINHIBIT_WRITABLE = ~2;
/** satp.MODE: 1 = Sv32. */
export const SATP_MODE = 0x8000_0000 | 0;

const TWO32 = 0x1_0000_0000;

type Field = 'medeleg' | 'mideleg' | 'mie' | 'mcounteren' | 'mscratch' | 'mepc' | 'mcause' | 'mtval' |
  'menvcfg' | 'menvcfgh' | 'scounteren' | 'senvcfg' | 'sscratch' | 'sepc' | 'scause' | 'stval';

/**
 * CSRs that are a stored value under a write mask. `wakes`: a write may enable an interrupt, so the
 * dispatcher must look at the hart.
 */
const MASKED: readonly (readonly [num: number, field: Field, mask: number, wakes?: boolean])[] = [
  [CSR.medeleg, 'medeleg', MEDELEG_WRITABLE],
  [CSR.mideleg, 'mideleg', DELEGABLE_INTERRUPTS, true],
  [CSR.mie, 'mie', ALL_INTERRUPTS, true],
  [CSR.mcounteren, 'mcounteren', -1],
  [CSR.mscratch, 'mscratch', -1],
  // xepc bit 0 is always zero (spec); bit 1 stays, since C is always on.
  [CSR.mepc, 'mepc', ~1],
  [CSR.mcause, 'mcause', -1],
  [CSR.mtval, 'mtval', -1],
  [CSR.menvcfg, 'menvcfg', ENVCFG_WRITABLE],
  [CSR.menvcfgh, 'menvcfgh', MENVCFGH_WRITABLE],
  [CSR.scounteren, 'scounteren', -1],
  [CSR.senvcfg, 'senvcfg', ENVCFG_WRITABLE],
  [CSR.sscratch, 'sscratch', -1],
  [CSR.sepc, 'sepc', ~1],
  [CSR.scause, 'scause', -1],
  [CSR.stval, 'stval', -1],
];

/** Read-only identification values by number (mhartid comes from the hart). */
const CONSTANT: readonly (readonly [num: number, value: number])[] = [
  [CSR.misa, MISA],
  [CSR.mvendorid, 0],
  [CSR.marchid, QEMU_VERSION_ID],
  [CSR.mimpid, QEMU_VERSION_ID],
  [CSR.mconfigptr, 0],
  // mstatush holds only MBE/SBE (zero: little-endian) and the H extension's MPV/GVA.
  [CSR.mstatush, 0],
];

function masked(num: number, field: Field, mask: number, wakes = false): CsrRow {
  return {
    num,
    read: (h) => h.csr[field],
    write: (h, v) => {
      h.csr[field] = (h.csr[field] & ~mask) | (v & mask);
      if (wakes) h.attention = true;
    },
  };
}

function writeMstatus(h: Hart, v: number, writable: number): void {
  const c = h.csr;
  const old = c.mstatus;
  let s = (old & ~writable) | (v & writable);
  // MPP holds only M, S or U: the reserved 2 leaves it unchanged (QEMU 7.2 stores 2; QEMU 8 does this).
  if (((s & MS.MPP) >>> MS.MPP_SHIFT) === 2) s = (s & ~MS.MPP) | (old & MS.MPP);
  c.mstatus = withSd(s);
  h.statusChanged();
}

/** A tvec: mode 0 (direct) or 1 (vectored); QEMU 7.2 ignores the whole write for modes 2 and 3. */
function tvec(num: number, field: 'mtvec' | 'stvec'): CsrRow {
  return {
    num,
    read: (h) => h.csr[field],
    write: (h, v) => {
      if ((v & 3) < 2) h.csr[field] = v;
    },
  };
}

/** Access to the unprivileged counter `n` (cycle 0, time 1, instret 2, hpm 3..): mcounteren, then scounteren. */
function counterEnabled(h: Hart, n: number): boolean {
  if (h.priv < Priv.M && ((h.csr.mcounteren >>> n) & 1) === 0) return false;
  if (h.priv === Priv.U && ((h.csr.scounteren >>> n) & 1) === 0) return false;
  return true;
}

/** Whether counter `n` runs: not inhibited, and for an hpm counter a countable event selected. */
export function refreshCounting(h: Hart, retired: number): void {
  const c = h.csr;
  for (let n = 0; n <= LAST_HPM; n++) {
    const counter = c.counters[n];
    if (counter === undefined) continue;
    const event = c.mhpmevent[n];
    const counts = n < FIRST_HPM || event === HpmEvent.Cycles || event === HpmEvent.Instructions;
    counter.setCounting(retired, counts && ((c.mcountinhibit >>> n) & 1) === 0);
  }
}

/** mcycle/minstret/mhpmcounterN (`high` for the h halves) and their read-only user mirrors. */
function counterRows(n: number): CsrRow[] {
  const counter = (h: Hart) => h.csr.counters[n]!;
  const lo: CsrRow = {
    num: 0xb00 + n,
    read: (h, r) => counter(h).lo(r) | 0,
    write: (h, v, r) => counter(h).set(r, v, counter(h).hi(r)),
  };
  const hi: CsrRow = {
    num: 0xb80 + n,
    read: (h, r) => counter(h).hi(r) | 0,
    write: (h, v, r) => counter(h).set(r, counter(h).lo(r), v),
  };
  const user = (row: CsrRow): CsrRow => ({
    num: row.num + 0x100,
    read: row.read,
    allowed: (h) => counterEnabled(h, n),
  });
  return [lo, hi, user(lo), user(hi)];
}

function timeRows(): CsrRow[] {
  const allowed = (h: Hart) => counterEnabled(h, 1);
  return [
    { num: CSR.time, read: (h) => h.timeSource() % TWO32 | 0, allowed },
    { num: CSR.timeh, read: (h) => Math.floor(h.timeSource() / TWO32) | 0, allowed },
  ];
}

function pmpRows(): CsrRow[] {
  const rows: CsrRow[] = [];
  for (let n = 0; n < 4; n++) {
    rows.push({
      num: CSR.pmpcfg0 + n,
      read: (h) => h.csr.pmp.readCfg(n),
      write: (h, v) => {
        h.csr.pmp.writeCfg(n, v);
        h.pmpChanged();
      },
    });
  }
  for (let i = 0; i < 16; i++) {
    rows.push({
      num: CSR.pmpaddr0 + i,
      read: (h) => h.csr.pmp.readAddr(i),
      write: (h, v) => {
        h.csr.pmp.writeAddr(i, v);
        h.pmpChanged();
      },
    });
  }
  return rows;
}

function hpmEventRows(): CsrRow[] {
  const rows: CsrRow[] = [];
  const first = csrNumber('mhpmevent3')!;
  for (let n = 3; n <= 31; n++) {
    rows.push({
      num: first + n - 3,
      read: (h) => h.csr.mhpmevent[n],
      write: (h, v, r) => {
        h.csr.mhpmevent[n] = v;
        refreshCounting(h, r);
      },
    });
  }
  return rows;
}

function statusAndInterruptRows(): CsrRow[] {
  return [
    { num: CSR.mstatus, read: (h) => h.csr.mstatus, write: (h, v) => writeMstatus(h, v, MSTATUS_WRITABLE) },
    {
      num: CSR.sstatus,
      read: (h) => h.csr.mstatus & SSTATUS_VISIBLE,
      write: (h, v) => writeMstatus(h, v, SSTATUS_WRITABLE),
    },
    {
      num: CSR.mip,
      // A read-modify-write sees only the software-written SEIP, so it cannot latch the PLIC's line.
      read: (h, _r, rmw) => (rmw ? h.csr.mipSw | (h.csr.mipHw & ~SEIP) : h.csr.mip),
      write: (h, v) => {
        h.csr.mipSw = (h.csr.mipSw & ~MIP_WRITABLE) | (v & MIP_WRITABLE);
        h.attention = true;
      },
    },
    {
      num: CSR.sip,
      read: (h) => h.csr.mip & h.csr.mideleg,
      write: (h, v) => {
        const w = h.csr.mideleg & SIP_WRITABLE;
        h.csr.mipSw = (h.csr.mipSw & ~w) | (v & w);
        h.attention = true;
      },
    },
    {
      num: CSR.sie,
      read: (h) => h.csr.mie & h.csr.mideleg,
      write: (h, v) => {
        const w = h.csr.mideleg;
        h.csr.mie = (h.csr.mie & ~w) | (v & w);
        h.attention = true;
      },
    },
    {
      num: CSR.mcountinhibit,
      read: (h) => h.csr.mcountinhibit,
      write: (h, v, r) => {
        h.csr.mcountinhibit = v & MCOUNTINHIBIT_WRITABLE;
        refreshCounting(h, r);
      },
    },
    {
      num: CSR.satp,
      read: (h) => h.csr.satp,
      // Every value is legal on Sv32 (Bare with nonzero ASID/PPN is stored too, as QEMU does).
      write: (h, v) => {
        h.csr.satp = v;
        h.satpChanged();
      },
      allowed: (h) => !(h.priv === Priv.S && (h.csr.mstatus & MS.TVM) !== 0),
    },
  ];
}

function buildTable(): (CsrRow | undefined)[] {
  const rows: CsrRow[] = [
    ...MASKED.map(([num, field, mask, wakes]) => masked(num, field, mask, wakes)),
    ...CONSTANT.map(([num, value]): CsrRow => ({ num, read: () => value })),
    { num: CSR.mhartid, read: (h) => h.hartId },
    tvec(CSR.mtvec, 'mtvec'),
    tvec(CSR.stvec, 'stvec'),
    ...statusAndInterruptRows(),
    ...pmpRows(),
    ...hpmEventRows(),
    ...timeRows(),
    ...[0, 2].flatMap(counterRows),
  ];
  for (let n = FIRST_HPM; n <= LAST_HPM; n++) rows.push(...counterRows(n));
  const table: (CsrRow | undefined)[] = new Array(4096).fill(undefined);
  for (const row of rows) {
    if (table[row.num] !== undefined) throw new Error(`CSR 0x${row.num.toString(16)} defined twice`);
    table[row.num] = row;
  }
  return table;
}

/** Indexed by CSR number; undefined means the CSR does not exist (illegal instruction). */
export const CSR_TABLE: readonly (CsrRow | undefined)[] = buildTable();

