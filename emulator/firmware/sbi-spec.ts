/**
 * Numbers from the RISC-V Supervisor Binary Interface specification v1.0: extension and function
 * IDs, error codes, and the argument encodings the built-in firmware checks.
 */

/** Extension IDs (a7). The legacy v0.1 calls are one extension each, 0x00..0x08. */
export const enum Ext {
  LegacySetTimer = 0x00,
  LegacyPutchar = 0x01,
  LegacyGetchar = 0x02,
  LegacyClearIpi = 0x03,
  LegacySendIpi = 0x04,
  LegacyRemoteFenceI = 0x05,
  LegacyRemoteSfenceVma = 0x06,
  LegacyRemoteSfenceVmaAsid = 0x07,
  LegacyShutdown = 0x08,
  Base = 0x10,
  Time = 0x54494d45,
  Ipi = 0x735049,
  Rfence = 0x52464e43,
  Hsm = 0x48534d,
  Srst = 0x53525354,
}

/** Standard error codes (a0 of a v0.2+ call). */
export const enum SbiError {
  Success = 0,
  Failed = -1,
  NotSupported = -2,
  InvalidParam = -3,
  Denied = -4,
  InvalidAddress = -5,
  AlreadyAvailable = -6,
  AlreadyStarted = -7,
  AlreadyStopped = -8,
}

/** get_spec_version: major in bits 30:24, minor in 23:0. */
export const SPEC_VERSION_1_0 = 1 << 24;

/** HSM hart states (hart_get_status). */
export const enum HartState { Started = 0, Stopped = 1, StartPending = 2, StopPending = 3, Suspended = 4 }

/** HSM suspend types: 0 and 0x80000000 are the defaults; below each, a reserved range, then platform ones. */
export const SUSPEND_RETENTIVE = 0;
export const SUSPEND_NON_RETENTIVE = 0x8000_0000;
export const SUSPEND_PLATFORM_FIRST = 0x1000_0000;

/** SRST: reset types 0..2, then reserved, then vendor types from 0xF0000000. */
export const enum ResetType { Shutdown = 0, ColdReboot = 1, WarmReboot = 2 }
export const RESET_TYPE_VENDOR_FIRST = 0xf000_0000;
/** SRST reasons: 0 none, 1 system failure, reserved up to the SBI-implementation range at 0xE0000000. */
export const RESET_REASON_IMPL_FIRST = 0xe000_0000;
export const RESET_REASON_LAST_STANDARD = 1;

/** hart_mask_base = -1: every hart, whatever hart_mask says. */
export const HART_MASK_ALL = 0xffff_ffff;
