/** Privilege levels as encoded in mstatus.MPP and the CSR number's bits 9:8. */
export const enum Priv { U = 0, S = 1, M = 3 }
