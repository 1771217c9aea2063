/**
 * Shared test support for the translator: building Decoded values by hand, translating one
 * instruction, listing ops, a fake hart that records what helpers asked of it, and running IR on the
 * lead's micro-op interpreter.
 */
import { HartApi, MemAccess, AmoOp } from '../../emulator/cpu/hart-api';
import { TRAP_SIGNAL } from '../../emulator/cpu/trap-signal';
import { IRBlock, IRBuilder } from '../../emulator/ir/ir';
import { formatBlock } from '../../emulator/ir/printer';
import { interpretedBlock } from '../../emulator/backend/interp';
import { BaseMnemonic, Decoded } from '../../emulator/isa/types';
import { TransCtx, TranslateEnv } from '../../emulator/translate/context';
import { TRANSLATORS } from '../../emulator/translate/translators';
import { HELPERS } from '../../emulator/translate/helpers';

export function dec(mnemonic: BaseMnemonic, fields: Partial<Decoded> = {}): Decoded {
  return {
    mnemonic, name: mnemonic, len: 4, raw: 0, rd: 0, rs1: 0, rs2: 0, imm: 0, csr: 0,
    aq: false, rl: false, pred: 0, succ: 0, fm: 0, ...fields,
  };
}

export const NO_FETCH: TranslateEnv = {
  fetch16: () => { throw new Error('unexpected fetch'); },
  semihosting: false,
};

export interface OneInsn {
  readonly block: IRBlock;
  readonly ctx: TransCtx;
  /** The listing without the insn_start line. */
  readonly lines: string[];
}

/** Runs one instruction's translator after an insn_start, as the loop does (without the loop's exit). */
export function translateOne(d: Decoded, pc = 0x80000000, insnIndex = 0, env: TranslateEnv = NO_FETCH): OneInsn {
  const block = new IRBlock();
  const b = new IRBuilder(block);
  b.insnStart(pc);
  const ctx: TransCtx = { b, env, pc, next: (pc + d.len) | 0, raw: d.raw, insnIndex, ended: false };
  TRANSLATORS[d.mnemonic](ctx, d);
  return { block, ctx, lines: listing(block).slice(1) };
}

/** One op per line, without blank lines. */
export function listing(block: IRBlock): string[] {
  return formatBlock(block).split('\n').filter((l) => l.trim() !== '').map((l) => l.trim());
}

export const RAM_BASE = 0x1000;
export const RAM_SIZE = 0x1000;

/**
 * A hart with a little RAM at RAM_BASE; any other address faults (load: cause 5, store/AMO: cause 7)
 * with tval = address, like an access fault. Helper calls are logged.
 */
export class FakeHart implements HartApi {
  readonly x = new Int32Array(33);
  readonly ram = new DataView(new ArrayBuffer(RAM_SIZE));
  priv = 3;
  semihostingEnabled = true;
  readonly log: string[] = [];
  readonly csrs = new Map<number, number>();
  cause = -1;
  tval = -1;
  reservation = -1;

  raise(cause: number, tval: number): never {
    this.cause = cause;
    this.tval = tval;
    throw TRAP_SIGNAL;
  }
  private offset(va: number, size: number, store: boolean): number {
    const off = (va >>> 0) - RAM_BASE;
    if (off < 0 || off + size > RAM_SIZE) this.raise(store ? 7 : 5, va);
    return off;
  }
  readonly mem: MemAccess = {
    lb: (va) => this.ram.getInt8(this.offset(va, 1, false)),
    lbu: (va) => this.ram.getUint8(this.offset(va, 1, false)),
    lh: (va) => this.ram.getInt16(this.offset(va, 2, false), true),
    lhu: (va) => this.ram.getUint16(this.offset(va, 2, false), true),
    lw: (va) => this.ram.getInt32(this.offset(va, 4, false), true),
    sb: (va, v) => this.ram.setInt8(this.offset(va, 1, true), v),
    sh: (va, v) => this.ram.setInt16(this.offset(va, 2, true), v, true),
    sw: (va, v) => this.ram.setInt32(this.offset(va, 4, true), v, true),
  };

  csrRead(csr: number, raw: number, insnIndex: number, write: boolean): number {
    this.log.push(`csrRead ${csr.toString(16)} raw=${raw.toString(16)} idx=${insnIndex} write=${write}`);
    if (!this.csrs.has(csr)) this.raise(2, raw);
    return this.csrs.get(csr)!;
  }
  csrWrite(csr: number, value: number, raw: number, insnIndex: number): void {
    this.log.push(`csrWrite ${csr.toString(16)} ${(value >>> 0).toString(16)} raw=${raw.toString(16)} idx=${insnIndex}`);
    if (!this.csrs.has(csr)) this.raise(2, raw);
    this.csrs.set(csr, value | 0);
  }
  mret(raw: number): void { this.log.push(`mret ${raw.toString(16)}`); this.x[32] = 0x1234; }
  sret(raw: number): void { this.log.push(`sret ${raw.toString(16)}`); this.x[32] = 0x5678; }
  wfi(raw: number): void { this.log.push(`wfi ${raw.toString(16)}`); }
  sfenceVma(va: number, asid: number, raw: number): void {
    this.log.push(`sfenceVma ${(va >>> 0).toString(16)} ${asid} ${raw.toString(16)}`);
  }
  fenceI(): void { this.log.push('fenceI'); }
  lr(va: number): number {
    const v = this.mem.lw(va);
    this.reservation = va;
    return v;
  }
  sc(va: number, v: number): number {
    if (this.reservation !== va) return 1;
    this.mem.sw(va, v);
    this.reservation = -1;
    return 0;
  }
  amo(op: AmoOp, va: number, v: number): number {
    this.log.push(`amo ${op} ${(va >>> 0).toString(16)} ${v}`);
    this.offset(va, 4, true);
    const old = this.mem.lw(va);
    this.mem.sw(va, op === AmoOp.Add ? old + v : v);
    return old;
  }
  semihosting(): void { this.log.push('semihosting'); }
}

/** Executes a block's unoptimised ops on the interpreter; returns the exit code. */
export function run(block: IRBlock, h: FakeHart): number {
  return interpretedBlock(block, block.ops, { helpers: HELPERS })(h.x, h.mem, h, { execs: 0 }, 0);
}

/** Runs and returns what escaped: the exit code, or 'trap'. */
export function runCatching(block: IRBlock, h: FakeHart): number | 'trap' {
  try {
    return run(block, h);
  } catch (e) {
    if (e === TRAP_SIGNAL) return 'trap';
    throw e;
  }
}

/**
 * Guest code for the translation loop: instructions laid out from `base` (a value whose low two bits
 * are 11 is a 32-bit instruction, anything else a 16-bit one). Fetches outside [base, limit) fault.
 */
export class CodeEnv implements TranslateEnv {
  readonly halves = new Map<number, number>();
  /** Addresses fetched, in order; `faultVa` is the address of the last refused fetch. */
  readonly fetched: number[] = [];
  faultVa = -1;

  constructor(readonly base: number, insns: readonly number[], public limit = 0xffffffff, readonly semihosting = false) {
    let pc = base >>> 0;
    for (const insn of insns) {
      this.halves.set(pc, insn & 0xffff);
      pc += 2;
      if ((insn & 3) === 3) {
        this.halves.set(pc, (insn >>> 16) & 0xffff);
        pc += 2;
      }
    }
  }
  fetch16(va: number): number {
    this.fetched.push(va >>> 0);
    if ((va >>> 0) < (this.base >>> 0) || (va >>> 0) >= (this.limit >>> 0)) {
      this.faultVa = va >>> 0;
      throw TRAP_SIGNAL;
    }
    return this.halves.get(va >>> 0) ?? 0x0001; // c.nop
  }
}
