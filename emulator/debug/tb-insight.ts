/**
 * What the Translation Blocks views show, as plain data: one block's guest code, micro-ops before and
 * after optimisation and generated JavaScript with the mapping between them; the statistics of every
 * block and the global counters; the devices, MMU and PMP state. The debug adapter sends these as
 * its custom responses (debug-adapter/protocol.ts re-exports the types); the CLI may print them.
 */
import { CsrRow, KEY_CSRS, readCsrGroup } from './csr-view';
import type { TranslationBlock } from '../tb/block';
import type { Engine } from '../tb/engine';
import { blockName } from '../tb/engine';
import { COUNTERS, CounterName, Counters } from '../tb/counters';
import { formatOp } from '../ir/printer';
import { OPC } from '../ir/ops';
import { generateSource } from '../backend/jit';
import { disasmText, insnHex } from '../trace';
import type { DeviceState } from '../machine/bus-api';
import type { HartControl } from '../cpu/hart-api';
import { Hart } from '../cpu/hart';
import { Access } from '../cpu/causes';
import { NO_TAG, TLB_SIZE } from '../cpu/tlb';
import type { Symbolizer } from '../trace';

/** [first, end) indices. */
export type Range = readonly [number, number];

export interface TbGuestInsn {
  readonly address: number;
  /** objdump's byte column: a halfword or a word in hex. */
  readonly bytes: string;
  readonly text: string;
}

export interface TbInsnMap {
  readonly address: number;
  /** Lines of `ops`, `optimizedOps` and `hostCode` that belong to this guest instruction. */
  readonly ops: Range;
  readonly optimizedOps: Range;
  readonly hostLines: Range;
}

export interface TbListing {
  /** Virtual and physical address of the first instruction, and the translation flags (privilege, MMU). */
  readonly pc: number;
  readonly physPc: number;
  readonly flags: number;
  readonly symbol?: string;
  /** True when this is the cached block the engine runs; false for a one-off translation made to show it. */
  readonly cached: boolean;
  /** True when the block runs as generated JavaScript (hot); otherwise the micro-op interpreter runs it. */
  readonly compiled: boolean;
  readonly guest: readonly TbGuestInsn[];
  readonly ops: readonly string[];
  readonly optimizedOps: readonly string[];
  /** The generated JavaScript, one line per entry (what the JIT compiles once the block is hot). */
  readonly hostCode: readonly string[];
  readonly map: readonly TbInsnMap[];
}

/** Op index ranges per instruction, from the insn_start markers (ops before the first belong to none). */
function opRanges(ops: TranslationBlock['ops'], pcs: readonly number[]): Range[] {
  const starts = new Map<number, number>();
  ops.forEach((op, i) => { if (op.opc === OPC.insn_start && !starts.has(op.args[0] | 0)) starts.set(op.args[0] | 0, i); });
  return rangesFrom(pcs.map((pc) => starts.get(pc | 0)), ops.length);
}

/** Host code line ranges per instruction, from the `// <pc>` comment generateSource puts at each one. */
function lineRanges(lines: readonly string[], pcs: readonly number[]): Range[] {
  const starts = new Map<string, number>();
  lines.forEach((l, i) => {
    const m = /^\s*\/\/ ([0-9a-f]+)$/.exec(l);
    if (m && !starts.has(m[1])) starts.set(m[1], i);
  });
  // The closing lines (`return 2;`, `}`) belong to no instruction.
  const end = Math.max(0, lines.length - 2);
  return rangesFrom(pcs.map((pc) => starts.get((pc >>> 0).toString(16))), end);
}

function rangesFrom(starts: (number | undefined)[], end: number): Range[] {
  return starts.map((s, i) => {
    if (s === undefined) return [0, 0] as const;
    const next = starts.slice(i + 1).find((n) => n !== undefined) ?? end;
    return [s, Math.max(s, next)] as const;
  });
}

export function tbListing(tb: TranslationBlock, cached: boolean, symbolize?: Symbolizer): TbListing {
  const pcs = tb.guest.map((g) => g.pc);
  const host = (tb.hostCode || generateSource(tb.ir, tb.optimizedOps, blockName(tb.vpc))).split('\n');
  const ops = tb.ops.map((op) => formatOp(tb.ir, op).trimEnd());
  const optimizedOps = tb.optimizedOps.map((op) => formatOp(tb.ir, op).trimEnd());
  const opR = opRanges(tb.ops, pcs);
  const optR = opRanges(tb.optimizedOps, pcs);
  const hostR = lineRanges(host, pcs);
  const symbol = symbolize?.(tb.vpc >>> 0);
  return {
    pc: tb.vpc >>> 0, physPc: tb.ppc >>> 0, flags: tb.flags, ...(symbol !== undefined ? { symbol } : {}),
    cached, compiled: tb.hostCode !== '',
    guest: tb.guest.map((g) => ({ address: g.pc >>> 0, bytes: insnHex(g.raw, g.len), text: disasmText(g, symbolize) })),
    ops, optimizedOps, hostCode: host,
    map: tb.guest.map((g, i) => ({ address: g.pc >>> 0, ops: opR[i], optimizedOps: optR[i], hostLines: hostR[i] })),
  };
}

/** The cached block whose code covers virtual `pc` under the current translation flags, if any. */
export function findBlock(engine: Engine, pc: number, flags: number): TranslationBlock | undefined {
  const a = pc >>> 0;
  let best: TranslationBlock | undefined;
  for (const tb of engine.cache.blocks()) {
    if (!tb.valid || tb.flags !== flags) continue;
    const start = tb.vpc >>> 0;
    if (a >= start && a < start + tb.size && tb.insnPcs.includes(pc | 0)) {
      // Prefer the block that starts at pc, then the one that starts closest before it.
      if (best === undefined || start === a || (best.vpc >>> 0) < start) best = tb;
    }
  }
  return best;
}

export interface CounterRow {
  readonly name: CounterName;
  readonly label: string;
  readonly description: string;
  readonly unit: string;
  readonly value: number;
}

export interface TbRow {
  readonly pc: number;
  readonly symbol?: string;
  readonly guestInsns: number;
  readonly guestBytes: number;
  readonly opsBefore: number;
  readonly opsAfter: number;
  /** Characters of generated JavaScript; 0 while the block is interpreted. */
  readonly hostSize: number;
  readonly executions: number;
  readonly chainedIn: number;
  /** The how-many-th translation of this pc (retranslations after invalidation or flush). */
  readonly generation: number;
  readonly translateMs: number;
  readonly compileMs: number;
  /** Direct successors the block is linked to (virtual pcs). */
  readonly chainedTo: readonly number[];
}

export interface TbStats {
  readonly counters: readonly CounterRow[];
  readonly derived: {
    readonly cacheHitRate: number | null;
    /** Characters of JavaScript per byte of compiled guest code. */
    readonly hostGuestExpansion: number | null;
    readonly opsRemovedRatio: number | null;
    readonly guestInstructions: number;
    readonly blocksInCache: number;
  };
  /** Blocks by executions, most executed first. */
  readonly blocks: readonly TbRow[];
  /** How many blocks are cached in all (blocks may list fewer). */
  readonly totalBlocks: number;
  /** Virtual pcs of the most recently executed blocks, newest first. */
  readonly recent: readonly number[];
}

export function counterRows(c: Counters): CounterRow[] {
  return (Object.keys(COUNTERS) as CounterName[]).map((name) => {
    const d = COUNTERS[name];
    return { name, label: d.label, description: d.description, unit: d.unit, value: c[name] };
  });
}

export function tbStats(engine: Engine, hart: HartControl, symbolize?: Symbolizer, limit = 500): TbStats {
  const c = engine.stats;
  const looked = c.jumpCacheHits + c.cacheHits + c.cacheMisses;
  const all = [...engine.cache.blocks()].filter((tb) => tb.valid);
  all.sort((a, b) => b.execs - a.execs);
  const blocks = all.slice(0, limit).map((tb): TbRow => {
    const symbol = symbolize?.(tb.vpc >>> 0);
    return {
      pc: tb.vpc >>> 0, ...(symbol !== undefined ? { symbol } : {}), guestInsns: tb.ninsns, guestBytes: tb.size,
      opsBefore: tb.ops.length, opsAfter: tb.optimizedOps.length, hostSize: tb.hostCode.length,
      executions: tb.execs, chainedIn: tb.chainedIn, generation: tb.generation,
      translateMs: tb.translateMs, compileMs: tb.compileMs,
      chainedTo: [tb.link0, tb.link1].flatMap((l) => (l !== null && l.valid ? [l.vpc >>> 0] : [])),
    };
  });
  return {
    counters: counterRows(c),
    derived: {
      cacheHitRate: looked ? (c.jumpCacheHits + c.cacheHits) / looked : null,
      hostGuestExpansion: c.compiledGuestBytes ? c.hostBytes / c.compiledGuestBytes : null,
      opsRemovedRatio: c.opsBefore ? (c.opsBefore - c.opsAfter) / c.opsBefore : null,
      guestInstructions: hart.icount,
      blocksInCache: engine.cache.size,
    },
    blocks,
    totalBlocks: all.length,
    recent: engine.recentBlocks(16),
  };
}

export interface TlbEntryView {
  readonly kind: 'fetch' | 'load' | 'store';
  /** Translation context: U, S, S+SUM or M. */
  readonly context: string;
  readonly va: number;
  readonly pa: number;
}

export interface PmpEntryView {
  readonly index: number;
  readonly cfg: number;
  readonly mode: 'OFF' | 'TOR' | 'NA4' | 'NAPOT';
  readonly r: boolean;
  readonly w: boolean;
  readonly x: boolean;
  readonly locked: boolean;
  /** The byte range [start, end) it covers (34-bit physical space, so numbers may exceed 2^32). */
  readonly start: number;
  readonly end: number;
}

export interface MachineView {
  readonly devices: readonly DeviceState[];
  readonly mmu: {
    readonly satp: number;
    readonly mode: 'bare' | 'Sv32';
    readonly asid: number;
    readonly root: number;
    readonly privilege: string;
    /** Whether data accesses are translated now (Sv32 and the hart below M-mode). */
    readonly translating: boolean;
    readonly tlb: readonly TlbEntryView[];
  };
  readonly pmp: readonly PmpEntryView[];
  /** The key CSRs (csr-view.ts KEY_CSRS), read without side effects: live while the guest runs. */
  readonly csrs: readonly CsrRow[];
}

const KINDS: readonly [TlbEntryView['kind'], number][] = [['fetch', Access.Fetch], ['load', Access.Load], ['store', Access.Store]];
const CONTEXTS = ['U', 'S', 'S+SUM', 'M'];

/** The software TLB's live entries (the real Hart only; a fake hart has none). */
export function tlbEntries(hart: HartControl, ramBase: number): TlbEntryView[] {
  if (!(hart instanceof Hart)) return [];
  const out: TlbEntryView[] = [];
  for (const [kind, k] of KINDS) {
    for (let ctx = 0; ctx < CONTEXTS.length; ctx++) {
      const [tag, add] = hart.mem.tlb.view(k, ctx);
      for (let i = 0; i < TLB_SIZE; i++) {
        if (tag[i] === NO_TAG) continue;
        const va = tag[i] >>> 0;
        // Load/store addends lead to a RAM offset, fetch addends to a physical address.
        const pa = kind === 'fetch' ? (va + add[i]) >>> 0 : (ramBase + va + add[i]) >>> 0;
        out.push({ kind, context: CONTEXTS[ctx], va, pa });
      }
    }
  }
  return out;
}

const PMP_MODES = ['OFF', 'TOR', 'NA4', 'NAPOT'] as const;

export function pmpEntries(peek: (csr: number) => number | undefined): PmpEntryView[] {
  const out: PmpEntryView[] = [];
  for (let i = 0; i < 16; i++) {
    const cfg = ((peek(0x3a0 + (i >> 2)) ?? 0) >>> (8 * (i & 3))) & 0xff;
    const addr = (peek(0x3b0 + i) ?? 0) >>> 0;
    const mode = PMP_MODES[(cfg >>> 3) & 3];
    let start = 0;
    let end = 0;
    if (mode === 'TOR') {
      start = i === 0 ? 0 : ((peek(0x3b0 + i - 1) ?? 0) >>> 0) * 4;
      end = addr * 4;
    } else if (mode === 'NA4') {
      start = addr * 4;
      end = start + 4;
    } else if (mode === 'NAPOT') {
      let ones = 0;
      while (ones < 32 && ((addr >>> ones) & 1) === 1) ones++;
      const size = 2 ** (ones + 3);
      start = ones === 32 ? 0 : (addr - (addr % 2 ** (ones + 1))) * 4;
      end = start + size;
    }
    out.push({ index: i, cfg, mode, r: (cfg & 1) !== 0, w: (cfg & 2) !== 0, x: (cfg & 4) !== 0, locked: (cfg & 0x80) !== 0, start, end: Math.max(start, end) });
  }
  return out;
}

export function machineView(devices: readonly DeviceState[], hart: HartControl, ramBase: number): MachineView {
  const satp = (hart.peekCsr(0x180) ?? 0) >>> 0;
  const sv32 = (satp >>> 31) === 1;
  return {
    devices,
    mmu: {
      satp, mode: sv32 ? 'Sv32' : 'bare', asid: (satp >>> 22) & 0x1ff, root: ((satp & 0x3f_ffff) * 4096),
      privilege: ['U', 'S', 'H', 'M'][hart.priv & 3], translating: sv32 && hart.priv !== 3,
      tlb: tlbEntries(hart, ramBase),
    },
    pmp: pmpEntries((n) => hart.peekCsr(n)),
    csrs: readCsrGroup(KEY_CSRS, (n) => hart.peekCsr(n)),
  };
}
