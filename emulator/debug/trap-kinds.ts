/**
 * Trap causes by name, and the kinds of trap the debugger can stop in front of (one exception filter
 * each in the debug adapter). Cause numbers are the privileged spec's.
 */

/** Exception names by cause (mcause without the interrupt bit). */
export const EXCEPTION_NAMES: Readonly<Record<number, string>> = {
  0: 'instruction address misaligned',
  1: 'instruction access fault',
  2: 'illegal instruction',
  3: 'breakpoint',
  4: 'load address misaligned',
  5: 'load access fault',
  6: 'store/AMO address misaligned',
  7: 'store/AMO access fault',
  8: 'environment call from U-mode',
  9: 'environment call from S-mode',
  11: 'environment call from M-mode',
  12: 'instruction page fault',
  13: 'load page fault',
  15: 'store/AMO page fault',
};

export const INTERRUPT_NAMES: Readonly<Record<number, string>> = {
  1: 'supervisor software interrupt',
  3: 'machine software interrupt',
  5: 'supervisor timer interrupt',
  7: 'machine timer interrupt',
  9: 'supervisor external interrupt',
  11: 'machine external interrupt',
  13: 'counter overflow interrupt',
};

export function causeName(cause: number, interrupt: boolean): string {
  return (interrupt ? INTERRUPT_NAMES : EXCEPTION_NAMES)[cause] ?? `${interrupt ? 'interrupt' : 'exception'} ${cause}`;
}

/** What a *tval holds for a cause, to label it in trap reports. */
export function tvalMeaning(cause: number, interrupt: boolean): string | undefined {
  if (interrupt) return undefined;
  if (cause === 2) return 'instruction bits';
  if ([0, 1, 4, 5, 6, 7, 12, 13, 15].includes(cause)) return 'faulting address';
  return undefined;
}

export interface TrapKind {
  /** The filter id (stable: launch configurations and tests name it). */
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly interrupt: boolean;
  readonly causes: readonly number[];
}

export const TRAP_KINDS: readonly TrapKind[] = [
  { id: 'illegal-instruction', label: 'Illegal instruction', description: 'Stop before an illegal instruction trap is taken', interrupt: false, causes: [2] },
  { id: 'ebreak', label: 'ebreak', description: 'Stop before the breakpoint exception of an ebreak is taken', interrupt: false, causes: [3] },
  { id: 'instruction-page-fault', label: 'Instruction page fault', description: 'Stop at a fetch from a page the MMU refuses', interrupt: false, causes: [12] },
  { id: 'load-page-fault', label: 'Load page fault', description: 'Stop at a load from a page the MMU refuses', interrupt: false, causes: [13] },
  { id: 'store-page-fault', label: 'Store/AMO page fault', description: 'Stop at a store or AMO to a page the MMU refuses', interrupt: false, causes: [15] },
  { id: 'access-fault', label: 'Access fault', description: 'Stop at an instruction, load or store access fault (PMP, unmapped physical address)', interrupt: false, causes: [1, 5, 7] },
  { id: 'misaligned', label: 'Misaligned address', description: 'Stop at a misaligned instruction, load or store address exception', interrupt: false, causes: [0, 4, 6] },
  { id: 'ecall-u', label: 'ecall from U-mode', description: 'Stop at an environment call from U-mode', interrupt: false, causes: [8] },
  { id: 'ecall-s', label: 'ecall from S-mode', description: 'Stop at an environment call from S-mode', interrupt: false, causes: [9] },
  { id: 'ecall-m', label: 'ecall from M-mode', description: 'Stop at an environment call from M-mode', interrupt: false, causes: [11] },
  { id: 'timer-interrupt', label: 'Timer interrupt', description: 'Stop before a machine or supervisor timer interrupt is taken', interrupt: true, causes: [5, 7] },
  { id: 'software-interrupt', label: 'Software interrupt', description: 'Stop before a machine or supervisor software interrupt is taken', interrupt: true, causes: [1, 3] },
  { id: 'external-interrupt', label: 'External interrupt', description: 'Stop before a machine or supervisor external interrupt is taken', interrupt: true, causes: [9, 11] },
];

/** The filter a trap belongs to, if any. */
export function trapKindOf(cause: number, interrupt: boolean): TrapKind | undefined {
  return TRAP_KINDS.find((k) => k.interrupt === interrupt && k.causes.includes(cause));
}
