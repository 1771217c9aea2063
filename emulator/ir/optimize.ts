/**
 * The micro-op optimiser: constant folding and propagation, copy propagation, algebraic identities,
 * branch folding, then dead-code elimination (dead pure ops and dead stores to globals).
 *
 * It works from the op table's flags and `eval` functions only, so a new op needs no change here
 * unless it deserves an identity rule.
 */
import { IRBlock, Op, TempKind, NUM_GLOBALS, opShape } from './ir';
import { OPC, OP_DEFS, OpFlag, evalCond } from './ops';

export interface OptimizeResult {
  readonly ops: Op[];
  readonly removed: number;
}

/** Optimises `block.ops` into a new op list (the block's unoptimised list is kept for listings). */
export function optimize(block: IRBlock): OptimizeResult {
  const propagated = propagate(block);
  const live = eliminateDead(block, propagated);
  return { ops: live, removed: block.ops.length - live.length };
}

/**
 * Forward pass. `known[t]` is the temp that currently holds the same value as t (a constant temp, or
 * the source of a copy), or -1. Knowledge is dropped at labels (another path may arrive there) and,
 * for globals, at calls of helpers declared to write guest registers.
 */
function propagate(block: IRBlock): Op[] {
  const n = () => block.temps.length;
  let known = new Int32Array(n()).fill(-1);
  const out: Op[] = [];

  const resolve = (t: number): number => {
    if (t >= known.length) return t;
    const k = known[t];
    return k >= 0 ? k : t;
  };
  const grow = () => {
    if (known.length < n()) {
      const bigger = new Int32Array(n() * 2).fill(-1);
      bigger.set(known);
      known = bigger;
    }
  };
  // Writing t invalidates what t was known to be and every copy that read t.
  const clobber = (t: number) => {
    known[t] = -1;
    for (let i = 0; i < known.length; i++) if (known[i] === t) known[i] = -1;
  };
  const clobberGlobals = () => {
    for (let i = 0; i < known.length; i++) {
      if (i < NUM_GLOBALS || (known[i] >= 0 && known[i] < NUM_GLOBALS)) known[i] = -1;
    }
  };
  const isConst = (t: number) => block.temps[t].kind === TempKind.Const;
  const cval = (t: number) => block.temps[t].value;
  const emitMov = (dst: number, src: number) => {
    out.push({ opc: OPC.mov, args: [dst, src] });
    clobber(dst);
    if (dst !== src) known[dst] = src;
  };

  for (const op of block.ops) {
    grow();
    const shape = opShape(op);
    const args = op.args.slice();
    for (let i = shape.outs; i < shape.outs + shape.ins; i++) args[i] = resolve(args[i]);

    if (shape.flags & OpFlag.Label) {
      known.fill(-1);
      out.push({ ...op, args });
      continue;
    }
    if (op.opc === OPC.mov) {
      emitMov(args[0], args[1]);
      continue;
    }
    const def = OP_DEFS[op.opc];
    if (def.eval && shape.outs === 1) {
      const [o, a, b] = args;
      const k = shape.consts ? args[shape.outs + shape.ins] : 0;
      if (shape.ins === 2 ? isConst(a) && isConst(b) : isConst(a)) {
        emitMov(o, block.constTemp(def.eval(cval(a), shape.ins === 2 ? cval(b) : 0, k)));
        grow();
        continue;
      }
      const simplified = identity(block, op.opc, a, b);
      if (simplified !== undefined) {
        emitMov(o, simplified);
        grow();
        continue;
      }
    }
    if (op.opc === OPC.brcond && isConst(args[0]) && isConst(args[1])) {
      if (evalCond(args[2], cval(args[0]), cval(args[1]))) out.push({ opc: OPC.br, args: [args[3]] });
      continue;
    }
    out.push({ ...op, args });
    if (shape.flags & OpFlag.WritesGlobals) clobberGlobals();
    for (let i = 0; i < shape.outs; i++) clobber(args[i]);
  }
  return out;
}

/** x op identity -> x, or x op absorbing -> constant; undefined when no rule applies. */
function identity(block: IRBlock, opc: number, a: number, b: number): number | undefined {
  const isK = (t: number, v: number) => block.temps[t].kind === TempKind.Const && block.temps[t].value === v;
  switch (opc) {
    case OPC.add: case OPC.or: case OPC.xor:
      if (isK(b, 0)) return a;
      if (isK(a, 0)) return b;
      if (opc === OPC.xor && a === b) return block.constTemp(0);
      return undefined;
    case OPC.sub: case OPC.shl: case OPC.shr: case OPC.sar:
      if (isK(b, 0)) return a;
      if (opc === OPC.sub && a === b) return block.constTemp(0);
      return undefined;
    case OPC.and:
      if (isK(b, -1)) return a;
      if (isK(a, -1)) return b;
      if (isK(a, 0) || isK(b, 0)) return block.constTemp(0);
      return undefined;
    case OPC.mul:
      if (isK(b, 1)) return a;
      if (isK(a, 1)) return b;
      if (isK(a, 0) || isK(b, 0)) return block.constTemp(0);
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Backward pass. Locals are dead at block exits; globals are live at exits and wherever guest state can
 * be observed (before ops that may trap, and helper calls). Labels are forward-only, so a branch's
 * live-out is its fall-through's plus what was recorded at its label. A pure op whose
 * outputs are all dead is removed, and so is a mov into a dead temp.
 */
function eliminateDead(block: IRBlock, ops: Op[]): Op[] {
  const ntemps = block.temps.length;
  let live = new Uint8Array(ntemps);
  const liveAtLabel = new Map<number, Uint8Array>();
  const markGlobals = () => live.fill(1, 0, NUM_GLOBALS);
  const keep: boolean[] = new Array(ops.length).fill(true);

  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i];
    const shape = opShape(op);
    const f = shape.flags;
    if (f & OpFlag.BlockEnd) {
      live = new Uint8Array(ntemps);
      markGlobals();
    } else if (f & OpFlag.Label) {
      liveAtLabel.set(op.args[0], live.slice());
    } else if (f & OpFlag.Branch) {
      const target = liveAtLabel.get(op.args[op.args.length - 1]);
      if (op.opc === OPC.br) live = new Uint8Array(ntemps);
      if (target) for (let t = 0; t < ntemps; t++) live[t] |= target[t];
    }
    if (!(f & OpFlag.SideEffect) && shape.outs > 0) {
      let anyLive = false;
      for (let j = 0; j < shape.outs; j++) if (live[op.args[j]]) anyLive = true;
      if (!anyLive) {
        keep[i] = false;
        continue;
      }
    }
    for (let j = 0; j < shape.outs; j++) live[op.args[j]] = 0;
    // A trap or a helper observes the guest state before this op: every global is live here.
    if (f & OpFlag.MayTrap || op.helper !== undefined) markGlobals();
    for (let j = shape.outs; j < shape.outs + shape.ins; j++) {
      const t = op.args[j];
      if (block.temps[t].kind !== TempKind.Const) live[t] = 1;
    }
  }
  return ops.filter((_, i) => keep[i]);
}
