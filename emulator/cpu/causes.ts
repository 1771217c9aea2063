/** Exception causes (mcause/scause without the interrupt bit), from the privileged spec. */
export const enum Cause {
  FetchMisaligned = 0,
  FetchAccess = 1,
  IllegalInsn = 2,
  Breakpoint = 3,
  LoadMisaligned = 4,
  LoadAccess = 5,
  StoreMisaligned = 6,
  StoreAccess = 7,
  EcallFromU = 8,
  EcallFromS = 9,
  EcallFromM = 11,
  FetchPage = 12,
  LoadPage = 13,
  StorePage = 15,
}

/** The interrupt bit of mcause/scause on RV32. */
export const INTERRUPT_BIT = 0x8000_0000;

/** The kind of a memory access: what permission it needs and which fault causes it reports. */
export const enum Access { Fetch = 0, Load = 1, Store = 2 }

/** Fault causes indexed by Access. AMOs and sc report as stores. */
export const PAGE_FAULT: readonly number[] = [Cause.FetchPage, Cause.LoadPage, Cause.StorePage];
export const ACCESS_FAULT: readonly number[] = [Cause.FetchAccess, Cause.LoadAccess, Cause.StoreAccess];
