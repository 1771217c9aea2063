/**
 * mstatus fields on RV32 and the masks that define its WARL behaviour and the sstatus view. The masks
 * are what QEMU 7.2 shows for `-cpu rv32,h=false,f=false,d=false` (all-ones written, read back): FS is
 * read-only zero without F, VS is writable (the spec allows either without V) and SD summarises VS.
 */
export const enum MS {
  SIE = 1 << 1,
  MIE = 1 << 3,
  SPIE = 1 << 5,
  MPIE = 1 << 7,
  SPP = 1 << 8,
  VS = 3 << 9,
  MPP = 3 << 11,
  MPP_SHIFT = 11,
  FS = 3 << 13,
  XS = 3 << 15,
  MPRV = 1 << 17,
  SUM = 1 << 18,
  MXR = 1 << 19,
  TVM = 1 << 20,
  TW = 1 << 21,
  TSR = 1 << 22,
  SD = 1 << 31,
}

/** Bits a write to mstatus may change (SD is computed; MPP is further legalised). */
export const MSTATUS_WRITABLE = 0x007e_1faa;
/** Bits of mstatus visible through sstatus (SD included). */
export const SSTATUS_VISIBLE = 0x800c_0722;
/** Bits a write to sstatus may change. */
export const SSTATUS_WRITABLE = 0x000c_0722;

/** mstatus with SD recomputed from the state fields (only VS can be dirty here: no F, no XS). */
export function withSd(mstatus: number): number {
  const dirty = (mstatus & MS.VS) === MS.VS || (mstatus & MS.FS) === MS.FS || (mstatus & MS.XS) === MS.XS;
  return dirty ? (mstatus | MS.SD) : (mstatus & ~MS.SD);
}
