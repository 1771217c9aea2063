/**
 * Stack unwinding: from the registers of the innermost frame to each caller's pc and registers. DWARF
 * call-frame information decides where it covers the code; elsewhere the function's own code does:
 * an epilogue ahead of pc (straight-line code to `ret`) says exactly how the frame is torn down, and
 * otherwise the prologue (from the function's symbol to pc) says how big the frame is and where ra and
 * s0 were saved. Frames without a symbol fall back to the frame pointer (s0) convention.
 */
import { decode } from '../isa/decoder';
import type { Decoded } from '../isa/types';
import type { SymbolTable } from '../loader/symbols';
import { PC_INDEX } from '../ir/ir';

const RA = 1;
const SP = 2;
const S0 = 8;
/** The prologue and epilogue scans give up after this many instructions. */
const SCAN_LIMIT = 64;

export interface UnwindEnv {
  /** A word of guest memory (virtual), or undefined when unreadable. */
  read32(addr: number): number | undefined;
  readonly symbols: SymbolTable;
  /**
   * DWARF CFI: the caller's registers (pc at index 32); 'outermost' where it covers pc and there is no
   * caller; undefined where it does not cover pc. `returnAddress`: pc is a caller's return address.
   */
  cfi?(pc: number, regs: Int32Array, returnAddress: boolean): Int32Array | 'outermost' | undefined;
}

export interface UnwoundFrame {
  /** x0..x31 and pc at 32; registers nothing restored hold the callee's values (only pc, sp, ra, s0 are exact). */
  readonly regs: Int32Array;
  readonly pc: number;
  readonly sp: number;
  /** How this frame's registers were found. */
  readonly how: 'registers' | 'cfi' | 'epilogue' | 'prologue' | 'frame pointer' | 'return address';
}

function insnAt(env: UnwindEnv, pc: number): Decoded | null {
  const lo = env.read32(pc & ~3);
  if (lo === undefined) return null;
  let raw = (pc & 2) === 0 ? lo : lo >>> 16;
  if ((raw & 3) === 3 && (pc & 2) !== 0) {
    const hi = env.read32((pc + 2) & ~3);
    if (hi === undefined) return null;
    raw = (raw & 0xffff) | (hi << 16);
  }
  return decode((raw & 3) === 3 ? raw | 0 : raw & 0xffff);
}

const isSpAdjust = (d: Decoded) => d.mnemonic === 'addi' && d.rd === SP && d.rs1 === SP;
const isSave = (d: Decoded, reg: number) => d.mnemonic === 'sw' && d.rs1 === SP && d.rs2 === reg;
const isRestore = (d: Decoded, reg: number) => d.mnemonic === 'lw' && d.rs1 === SP && d.rd === reg;
const isRet = (d: Decoded) => d.mnemonic === 'jalr' && d.rd === 0 && d.rs1 === RA && d.imm === 0;
const isControl = (d: Decoded) => ['jal', 'jalr', 'beq', 'bne', 'blt', 'bge', 'bltu', 'bgeu', 'mret', 'sret', 'ecall', 'ebreak'].includes(d.mnemonic);

/** The caller's registers from the epilogue ahead of pc, if straight-line code reaches `ret`. */
function fromEpilogue(env: UnwindEnv, regs: Int32Array): Int32Array | undefined {
  let pc = regs[PC_INDEX] >>> 0;
  const out = Int32Array.from(regs);
  for (let n = 0; n < 16; n++) {
    const d = insnAt(env, pc);
    if (d === null) return undefined;
    if (isRet(d)) {
      out[PC_INDEX] = out[RA];
      return out;
    }
    if (isControl(d)) return undefined;
    if (isSpAdjust(d)) out[SP] = out[SP] + d.imm;
    else if (isRestore(d, RA) || isRestore(d, S0)) {
      const v = env.read32((out[SP] + d.imm) >>> 0);
      if (v === undefined) return undefined;
      out[d.rd] = v;
    } else if (d.rd === SP || d.rd === RA) {
      return undefined;
    }
    pc += d.len;
  }
  return undefined;
}

/** The caller's registers from the prologue between the function's start and pc. */
function fromPrologue(env: UnwindEnv, regs: Int32Array, innermost: boolean): Int32Array | undefined {
  const pc = regs[PC_INDEX] >>> 0;
  const hit = env.symbols.lookup(pc);
  if (hit === undefined || hit.offset > 0x10000) return undefined;
  let at = hit.symbol.addr >>> 0;
  // Bytes below the entry sp where ra and s0 were saved, and how far sp has moved down since entry.
  let frame = 0;
  let raSlot: number | undefined;
  let s0Slot: number | undefined;
  for (let n = 0; n < SCAN_LIMIT && at < pc; n++) {
    const d = insnAt(env, at);
    if (d === null || isControl(d)) break;
    if (isSpAdjust(d)) frame -= d.imm;
    else if (isSave(d, RA)) raSlot = d.imm - frame;
    else if (isSave(d, S0)) s0Slot = d.imm - frame;
    at += d.len;
  }
  const sp = regs[SP];
  const entrySp = (sp + frame) | 0;
  const out = Int32Array.from(regs);
  out[SP] = entrySp;
  if (raSlot !== undefined) {
    const ra = env.read32((entrySp + raSlot) >>> 0);
    if (ra === undefined) return undefined;
    out[RA] = ra;
  } else if (!innermost) {
    // Only the innermost function can still have its return address in ra.
    return undefined;
  }
  if (s0Slot !== undefined) {
    const s0 = env.read32((entrySp + s0Slot) >>> 0);
    if (s0 !== undefined) out[S0] = s0;
  }
  out[PC_INDEX] = out[RA];
  return out;
}

/** The frame-pointer convention (s0 = the frame's entry sp, ra at s0-4, caller's s0 at s0-8). */
function fromFramePointer(env: UnwindEnv, regs: Int32Array): Int32Array | undefined {
  const fp = regs[S0] >>> 0;
  if (fp <= (regs[SP] >>> 0) || (fp & 3) !== 0) return undefined;
  const ra = env.read32(fp - 4);
  const prev = env.read32(fp - 8);
  if (ra === undefined || prev === undefined) return undefined;
  const out = Int32Array.from(regs);
  out[SP] = fp;
  out[S0] = prev;
  out[RA] = ra;
  out[PC_INDEX] = ra;
  return out;
}

/** The caller of the frame with registers `regs` (innermost: the hart's own registers), or undefined. */
export function unwindOne(env: UnwindEnv, regs: Int32Array, innermost: boolean): UnwoundFrame | undefined {
  const pc = regs[PC_INDEX] >>> 0;
  const cfi = env.cfi?.(pc, regs, !innermost);
  // The CFI knows this code and says it has no caller (`_start`): heuristics would only invent one.
  if (cfi === 'outermost') return undefined;
  const attempts: [UnwoundFrame['how'], () => Int32Array | undefined][] = [
    ['cfi', () => cfi],
    ['epilogue', () => fromEpilogue(env, regs)],
    ['prologue', () => fromPrologue(env, regs, innermost)],
    ['frame pointer', () => (env.symbols.lookup(pc) === undefined ? fromFramePointer(env, regs) : undefined)],
  ];
  for (const [how, attempt] of attempts) {
    const out = attempt();
    if (out !== undefined) return { regs: out, pc: out[PC_INDEX] >>> 0, sp: out[SP] >>> 0, how };
  }
  return undefined;
}

/**
 * Every frame from the innermost out, stopping at a zero or unreadable return address, a stack that
 * does not grow towards the caller, or `max` frames.
 */
export function unwindStack(env: UnwindEnv, regs: Int32Array, max = 64): UnwoundFrame[] {
  const first: UnwoundFrame = { regs: Int32Array.from(regs), pc: regs[PC_INDEX] >>> 0, sp: regs[SP] >>> 0, how: 'registers' };
  const frames = [first];
  let cur = first;
  while (frames.length < max) {
    const next = unwindOne(env, cur.regs, frames.length === 1);
    if (next === undefined || next.pc === 0 || env.read32(next.pc & ~3) === undefined) break;
    // Callers' frames lie above (sp grows down); an equal sp is allowed once, for a leaf's caller.
    if (next.sp < cur.sp || (next.sp === cur.sp && next.pc === cur.pc)) break;
    frames.push(next);
    cur = next;
  }
  return frames;
}
