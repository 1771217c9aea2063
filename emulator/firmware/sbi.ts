/**
 * The built-in SBI firmware's calls: what an ecall from S-mode does, by extension (a7) and function
 * (a6), for one hart. SBI v1.0 BASE, TIME, IPI, RFENCE, HSM and SRST, and the legacy v0.1 calls.
 * Behaviour follows the SBI specification; the machine is reached only through `SbiPlatform` (the
 * board's devices, as a firmware drives them) and `SbiHost` (the calling hart).
 */
import {
  Ext, SbiError, HartState, SPEC_VERSION_1_0, HART_MASK_ALL, SUSPEND_RETENTIVE, SUSPEND_NON_RETENTIVE,
  SUSPEND_PLATFORM_FIRST, ResetType, RESET_TYPE_VENDOR_FIRST, RESET_REASON_IMPL_FIRST, RESET_REASON_LAST_STANDARD,
} from './sbi-spec';
import { CSR } from '../isa/csr-names';

/** Our implementation ID: not in the spec's registry (0-11 are taken); "TL" for Translucent. */
export const SBI_IMPL_ID = 0x544c;
/** Implementation version: major 1, minor 0, in OpenSBI's major << 16 | minor layout. */
export const SBI_IMPL_VERSION = 0x1_0000;

/** The hart making the call: its registers and the few things the firmware does to it. */
export interface SbiHost {
  /** x0..x31 and pc (index 32), pc at the ecall. */
  readonly x: Int32Array;
  readonly hartId: number;
  /** A CSR's value (identification registers). */
  csr(num: number): number;
  /** mip.SSIP: the supervisor software interrupt an IPI raises. */
  setSoftwareInterrupt(level: boolean): void;
  fenceI(): void;
  /** Forgets every address translation (sfence.vma with no operands). */
  sfenceVma(): void;
  /** A word at an S-mode virtual address, with the caller's permissions; a fault throws TRAP_SIGNAL. */
  loadWord(va: number): number;
  /** Waits, as WFI, until an interrupt is pending and enabled. */
  suspend(): void;
  /** Waits as `suspend`, then resumes in S-mode at `addr` with a0 = hart id, a1 = opaque, satp = 0, SIE = 0. */
  suspendAndResumeAt(addr: number, opaque: number): void;
  /** Stops the hart for good (only another hart's hart_start could wake it, and there is none). */
  stop(): void;
}

/** The platform's devices, as the firmware uses them. */
export interface SbiPlatform {
  /** Programs the timer compare (mtimecmp); the supervisor timer interrupt follows it. */
  setTimer(lo: number, hi: number): void;
  putchar(byte: number): void;
  /** The next input byte, or -1. */
  getchar(): number;
  systemReset(type: ResetType): void;
  /** Whether S-mode could execute at physical `pa` (for HSM resume addresses). */
  isExecutable(pa: number): boolean;
}

interface Ctx {
  readonly host: SbiHost;
  readonly platform: SbiPlatform;
}

/** a0..a5 as unsigned values. */
type Args = readonly number[];
/** [error, value] for a0 and a1; null: the call does not return to the caller (registers and pc are set). */
type Result = readonly [number, number] | null;
type Fn = (c: Ctx, a: Args) => Result;

const ok = (value = 0): Result => [SbiError.Success, value];
const err = (code: SbiError): Result => [code, 0];

/**
 * Whether a v0.2+ hart mask names this hart; an error when it names a hart that does not exist. The
 * harts named are hart_mask_base + i for each set bit i, or all when the base is -1.
 */
function targetsMe(c: Ctx, mask: number, base: number): boolean | SbiError {
  if (base === HART_MASK_ALL) return true;
  const me = c.host.hartId;
  for (let i = 0; i < 32; i++) {
    if (((mask >>> i) & 1) !== 0 && base + i !== me) return SbiError.InvalidParam;
  }
  return mask !== 0 && me >= base && me - base < 32;
}

/** Runs `action` on this hart if the mask names it. */
function onHarts(action: (c: Ctx) => void): Fn {
  return (c, [mask, base]) => {
    const t = targetsMe(c, mask, base);
    if (typeof t === 'number') return err(t);
    if (t) action(c);
    return ok();
  };
}

const sendIpi = (c: Ctx) => c.host.setSoftwareInterrupt(true);
const fenceI = (c: Ctx) => c.host.fenceI();
// A range or ASID flush may always flush more: with one TLB and no ASID tags, everything goes.
const sfenceVma = (c: Ctx) => c.host.sfenceVma();

function setTimer(c: Ctx, [lo, hi]: Args): Result {
  c.platform.setTimer(lo, hi);
  return ok();
}

function hartStop(c: Ctx): Result {
  c.host.stop();
  return null;
}

function suspend(c: Ctx, [type, resumeAddr, opaque]: Args): Result {
  if (type === SUSPEND_RETENTIVE) {
    c.host.suspend();
    return ok();
  }
  if (type === SUSPEND_NON_RETENTIVE) {
    if (!c.platform.isExecutable(resumeAddr)) return err(SbiError.InvalidAddress);
    c.host.suspendAndResumeAt(resumeAddr, opaque);
    return null;
  }
  // Below each default type lies a reserved range; the rest is platform-specific, and we define none.
  const offset = type & 0x7fff_ffff;
  return err(offset < SUSPEND_PLATFORM_FIRST ? SbiError.InvalidParam : SbiError.NotSupported);
}

function systemReset(c: Ctx, [type, reason]: Args): Result {
  const reasonOk = reason <= RESET_REASON_LAST_STANDARD || reason >= RESET_REASON_IMPL_FIRST;
  if (type >= RESET_TYPE_VENDOR_FIRST) return err(reasonOk ? SbiError.NotSupported : SbiError.InvalidParam);
  if (type > ResetType.WarmReboot || !reasonOk) return err(SbiError.InvalidParam);
  c.platform.systemReset(type);
  // The board stops or resets before the next instruction; were the device to ignore us, say so.
  return err(SbiError.Failed);
}

/** v0.2+ extensions: functions by ID. Absent functions answer SBI_ERR_NOT_SUPPORTED. */
const EXTENSIONS: ReadonlyMap<number, readonly (Fn | undefined)[]> = new Map<number, (Fn | undefined)[]>([
  [Ext.Base, [
    () => ok(SPEC_VERSION_1_0),
    () => ok(SBI_IMPL_ID),
    () => ok(SBI_IMPL_VERSION),
    (_c, [ext]) => ok(EXTENSIONS.has(ext) || LEGACY.has(ext) ? 1 : 0),
    (c) => ok(c.host.csr(CSR.mvendorid)),
    (c) => ok(c.host.csr(CSR.marchid)),
    (c) => ok(c.host.csr(CSR.mimpid)),
  ]],
  [Ext.Time, [setTimer]],
  [Ext.Ipi, [onHarts(sendIpi)]],
  // Functions 3-6 are the hypervisor fences: no H extension here.
  [Ext.Rfence, [onHarts(fenceI), onHarts(sfenceVma), onHarts(sfenceVma)]],
  [Ext.Hsm, [
    (c, [hart]) => err(hart === c.host.hartId ? SbiError.AlreadyAvailable : SbiError.InvalidParam),
    hartStop,
    (c, [hart]) => (hart === c.host.hartId ? ok(HartState.Started) : err(SbiError.InvalidParam)),
    suspend,
  ]],
  [Ext.Srst, [systemReset]],
]);

/**
 * The legacy v0.1 calls: one extension each, result in a0 only. Their hart masks are pointers to a
 * word in S-mode memory (null: all harts), read with the caller's permissions as a firmware does.
 */
type LegacyFn = (c: Ctx, a: Args) => number;

function legacyOnHarts(action: (c: Ctx) => void): LegacyFn {
  return (c, [maskPtr]) => {
    const mask = maskPtr === 0 ? -1 : c.host.loadWord(maskPtr);
    if (((mask >>> c.host.hartId) & 1) !== 0) action(c);
    return 0;
  };
}

/** A legacy call that always succeeds (returns 0). */
function legacy(action: (c: Ctx, a: Args) => void): LegacyFn {
  return (c, a) => {
    action(c, a);
    return 0;
  };
}

const LEGACY: ReadonlyMap<number, LegacyFn> = new Map<number, LegacyFn>([
  [Ext.LegacySetTimer, legacy((c, [lo, hi]) => c.platform.setTimer(lo, hi))],
  [Ext.LegacyPutchar, legacy((c, [ch]) => c.platform.putchar(ch & 0xff))],
  [Ext.LegacyGetchar, (c) => c.platform.getchar()],
  [Ext.LegacyClearIpi, legacy((c) => c.host.setSoftwareInterrupt(false))],
  [Ext.LegacySendIpi, legacyOnHarts(sendIpi)],
  [Ext.LegacyRemoteFenceI, legacyOnHarts(fenceI)],
  [Ext.LegacyRemoteSfenceVma, legacyOnHarts(sfenceVma)],
  [Ext.LegacyRemoteSfenceVmaAsid, legacyOnHarts(sfenceVma)],
  // Returns only if the device ignored the request.
  [Ext.LegacyShutdown, (c) => {
    c.platform.systemReset(ResetType.Shutdown);
    return SbiError.Failed;
  }],
]);

const A0 = 10;
const A6 = 16;
const A7 = 17;
const PC = 32;

export class SbiFirmware {
  /** Calls answered, by extension ID (for tests and statistics). */
  readonly calls = new Map<number, number>();

  constructor(private readonly platform: SbiPlatform) {}

  /**
   * Answers the ecall at pc: a0 (and a1) get the result and pc moves past the ecall. A fault while
   * reading the caller's memory propagates (TRAP_SIGNAL) with the registers untouched.
   */
  call(host: SbiHost): void {
    const x = host.x;
    const ext = x[A7] >>> 0;
    const args: Args = [0, 1, 2, 3, 4, 5].map((i) => x[A0 + i] >>> 0);
    const c: Ctx = { host, platform: this.platform };
    this.calls.set(ext, (this.calls.get(ext) ?? 0) + 1);
    const legacyCall = LEGACY.get(ext);
    if (legacyCall !== undefined) {
      x[A0] = legacyCall(c, args);
    } else {
      const fn = EXTENSIONS.get(ext)?.[x[A6] >>> 0];
      const r = fn === undefined ? err(SbiError.NotSupported) : fn(c, args);
      if (r === null) return;
      x[A0] = r[0];
      x[A0 + 1] = r[1];
    }
    x[PC] = (x[PC] + 4) | 0;
  }
}
