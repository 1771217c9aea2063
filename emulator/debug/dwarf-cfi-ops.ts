/**
 * Call frame instructions (DWARF 5 section 6.4.2) decoded into a list of operations: advances are
 * turned into absolute locations and factored operands multiplied out, so evaluating rows
 * (dwarf-cfi-rows.ts) needs neither the bytes nor the CIE's factors.
 */
import { fail, Reader } from './dwarf-reader';

/** How to find a register's value in the caller (6.4.1). */
export type RegRule =
  | { readonly kind: 'undefined' }
  | { readonly kind: 'same' }
  /** Saved at CFA + offset. */
  | { readonly kind: 'offset'; readonly offset: number }
  /** The value is CFA + offset. */
  | { readonly kind: 'valOffset'; readonly offset: number }
  /** Held in another register. */
  | { readonly kind: 'register'; readonly reg: number }
  /** Saved at the address the expression computes (CFA pushed first). */
  | { readonly kind: 'expression'; readonly expr: Uint8Array }
  /** The value is what the expression computes (CFA pushed first). */
  | { readonly kind: 'valExpression'; readonly expr: Uint8Array };

export type CfaRule =
  | { readonly kind: 'regOffset'; readonly reg: number; readonly offset: number }
  | { readonly kind: 'expression'; readonly expr: Uint8Array };

export type CfaOp =
  /** The following operations apply from address `to` on. */
  | { readonly op: 'advance'; readonly to: number }
  /** New CFA register and/or offset; a missing one keeps its value. */
  | { readonly op: 'cfa'; readonly reg?: number; readonly offset?: number }
  | { readonly op: 'cfaExpr'; readonly expr: Uint8Array }
  | { readonly op: 'set'; readonly reg: number; readonly rule: RegRule }
  /** Back to the rule the CIE's initial instructions give. */
  | { readonly op: 'restore'; readonly reg: number }
  | { readonly op: 'remember' }
  | { readonly op: 'restoreState' };

export interface DecodeContext {
  readonly codeAlign: number;
  readonly dataAlign: number;
  /** The location so far (the FDE's start address, then advanced). */
  loc: number;
  /** Reads a DW_CFA_set_loc operand (an address, encoded as the section encodes them). */
  readonly readLoc: (r: Reader) => number;
}

type Decoder = (r: Reader, c: DecodeContext) => CfaOp | undefined;

const UNDEFINED: RegRule = { kind: 'undefined' };
const SAME: RegRule = { kind: 'same' };

const advance = (c: DecodeContext, delta: number): CfaOp => {
  c.loc = (c.loc + delta * c.codeAlign) >>> 0;
  return { op: 'advance', to: c.loc };
};
const set = (reg: number, rule: RegRule): CfaOp => ({ op: 'set', reg, rule });
const block = (r: Reader) => r.bytesOf(r.uleb());

/** Operations encoded in the low 6 bits with the high 2 bits clear. */
const EXTENDED: Readonly<Record<number, Decoder>> = {
  0x00: () => undefined, // DW_CFA_nop
  0x01: (r, c) => ({ op: 'advance', to: (c.loc = c.readLoc(r)) }), // DW_CFA_set_loc
  0x02: (r, c) => advance(c, r.u8()), // DW_CFA_advance_loc1
  0x03: (r, c) => advance(c, r.u16()), // DW_CFA_advance_loc2
  0x04: (r, c) => advance(c, r.u32()), // DW_CFA_advance_loc4
  0x05: (r, c) => set(r.uleb(), { kind: 'offset', offset: r.uleb() * c.dataAlign }), // DW_CFA_offset_extended
  0x06: (r) => ({ op: 'restore', reg: r.uleb() }), // DW_CFA_restore_extended
  0x07: (r) => set(r.uleb(), UNDEFINED), // DW_CFA_undefined
  0x08: (r) => set(r.uleb(), SAME), // DW_CFA_same_value
  0x09: (r) => set(r.uleb(), { kind: 'register', reg: r.uleb() }), // DW_CFA_register
  0x0a: () => ({ op: 'remember' }), // DW_CFA_remember_state
  0x0b: () => ({ op: 'restoreState' }), // DW_CFA_restore_state
  0x0c: (r) => ({ op: 'cfa', reg: r.uleb(), offset: r.uleb() }), // DW_CFA_def_cfa
  0x0d: (r) => ({ op: 'cfa', reg: r.uleb() }), // DW_CFA_def_cfa_register
  0x0e: (r) => ({ op: 'cfa', offset: r.uleb() }), // DW_CFA_def_cfa_offset
  0x0f: (r) => ({ op: 'cfaExpr', expr: block(r) }), // DW_CFA_def_cfa_expression
  0x10: (r) => set(r.uleb(), { kind: 'expression', expr: block(r) }), // DW_CFA_expression
  0x11: (r, c) => set(r.uleb(), { kind: 'offset', offset: r.sleb() * c.dataAlign }), // DW_CFA_offset_extended_sf
  0x12: (r, c) => ({ op: 'cfa', reg: r.uleb(), offset: r.sleb() * c.dataAlign }), // DW_CFA_def_cfa_sf
  0x13: (r, c) => ({ op: 'cfa', offset: r.sleb() * c.dataAlign }), // DW_CFA_def_cfa_offset_sf
  0x14: (r, c) => set(r.uleb(), { kind: 'valOffset', offset: r.uleb() * c.dataAlign }), // DW_CFA_val_offset
  0x15: (r, c) => set(r.uleb(), { kind: 'valOffset', offset: r.sleb() * c.dataAlign }), // DW_CFA_val_offset_sf
  0x16: (r) => set(r.uleb(), { kind: 'valExpression', expr: block(r) }), // DW_CFA_val_expression
  0x2e: (r) => { r.uleb(); return undefined; }, // DW_CFA_GNU_args_size: only for exception handling
  0x2f: (r, c) => set(r.uleb(), { kind: 'offset', offset: -r.uleb() * c.dataAlign }), // DW_CFA_GNU_negative_offset_extended
};

/** Decodes `r` to its end. */
export function decodeCfa(r: Reader, c: DecodeContext): CfaOp[] {
  const out: CfaOp[] = [];
  while (!r.atEnd()) {
    const at = r.pos;
    const byte = r.u8();
    const low = byte & 0x3f;
    let op: CfaOp | undefined;
    switch (byte >> 6) {
      case 1: op = advance(c, low); break; // DW_CFA_advance_loc
      case 2: op = set(low, { kind: 'offset', offset: r.uleb() * c.dataAlign }); break; // DW_CFA_offset
      case 3: op = { op: 'restore', reg: low }; break; // DW_CFA_restore
      default: {
        const decode = EXTENDED[low];
        if (decode === undefined) fail(`unknown call frame instruction 0x${byte.toString(16)} at 0x${at.toString(16)}`);
        op = decode(r, c);
      }
    }
    if (op !== undefined) out.push(op);
  }
  return out;
}
