/**
 * The M-mode state the built-in firmware leaves before its mret into the S-mode kernel: the values
 * OpenSBI sets on a hart like ours (no H, no F/D, no Sstc), in the order it sets them.
 */
import { CSR } from '../isa/csr-names';
import { Cause } from '../cpu/causes';
import { Irq } from '../cpu/hart-api';
import { MS } from '../cpu/mstatus';
import { Priv } from '../cpu/privilege';

/**
 * Exceptions S-mode handles itself: instruction misaligned, breakpoint, ecall from U, page faults.
 * The rest (illegal instruction, access faults, load/store misaligned) reach the firmware, which hands
 * them to S-mode unless it can emulate them.
 */
export const FIRMWARE_MEDELEG = [
  Cause.FetchMisaligned, Cause.Breakpoint, Cause.EcallFromU, Cause.FetchPage, Cause.LoadPage, Cause.StorePage,
].reduce((m, c) => m | (1 << c), 0);

/** Supervisor software, timer and external interrupts. */
export const FIRMWARE_MIDELEG = (1 << Irq.SSIP) | (1 << Irq.STIP) | (1 << Irq.SEIP);

/** pmpcfg byte: NAPOT region, R, W and X for S and U. */
const PMP_NAPOT_RWX = 0x1f;
/** pmpaddr all ones with NAPOT: the whole physical address space. */
const PMP_ALL = -1;

export function supervisorEntryState(entry: number): readonly (readonly [csr: number, value: number])[] {
  return [
    [CSR.medeleg, FIRMWARE_MEDELEG],
    [CSR.mideleg, FIRMWARE_MIDELEG],
    // The firmware takes no interrupt itself: the timer reaches S-mode as STIP (see sbi-hart.ts).
    [CSR.mie, 0],
    // Counters: S-mode may read all of them; U-mode cycle, time and instret; the programmable ones
    // stay stopped until someone selects an event.
    [CSR.mcounteren, -1],
    [CSR.scounteren, 0x7],
    [CSR.mcountinhibit, ~0x7],
    // The firmware keeps no memory of its own here, so one entry opens everything to S and U.
    [CSR.pmpaddr0, PMP_ALL],
    [CSR.pmpcfg0, PMP_NAPOT_RWX],
    // The supervisor starts clean: no translation, no interrupts, early traps land on the entry.
    [CSR.satp, 0],
    [CSR.sie, 0],
    [CSR.sscratch, 0],
    [CSR.stvec, entry],
    [CSR.mepc, entry],
    [CSR.mstatus, Priv.S << MS.MPP_SHIFT],
  ];
}
