/**
 * QEMU `-d`-style listings of a translation block: in_asm (guest disassembly), op (micro-ops as
 * translated), op_opt (after optimisation) and out_asm (the generated JavaScript).
 */
import type { TranslationBlock } from './tb/block';
import { formatBlock } from './ir/printer';
import { disassemble } from './isa/disassembler';
import { generateSource } from './backend/jit';
import { blockName } from './tb/engine';

export const TRACE_KINDS = ['in_asm', 'op', 'op_opt', 'out_asm'] as const;
export type TraceKind = (typeof TRACE_KINDS)[number];

export type Symbolizer = (addr: number) => string | undefined;

/** Hex of an instruction's bytes as objdump shows them (a halfword or a word). */
export function insnHex(raw: number, len: 2 | 4): string {
  return len === 2 ? (raw & 0xffff).toString(16).padStart(4, '0') : (raw >>> 0).toString(16).padStart(8, '0');
}

/** One line of disassembly for a guest instruction, as in QEMU's in_asm listing. */
export function disasmText(g: TranslationBlock['guest'][number], symbolize?: Symbolizer): string {
  if (!g.decoded) return `.insn ${g.len === 2 ? '2' : '4'}, 0x${insnHex(g.raw, g.len)}  # illegal`;
  const d = disassemble(g.decoded, g.pc, { aliases: true, symbolize });
  return d.operands ? `${d.mnemonic.padEnd(8)}${d.operands}` : d.mnemonic;
}

export function formatTrace(tb: TranslationBlock, kinds: ReadonlySet<TraceKind>, symbolize?: Symbolizer): string {
  const out: string[] = [];
  if (kinds.has('in_asm')) {
    const sym = symbolize?.(tb.vpc);
    out.push('----------------', `IN: ${sym ?? ''}`);
    for (const g of tb.guest) {
      out.push(`0x${(g.pc >>> 0).toString(16).padStart(8, '0')}:  ${insnHex(g.raw, g.len).padEnd(8)}  ${disasmText(g, symbolize)}`);
    }
    out.push('');
  }
  if (kinds.has('op')) out.push('OP:', formatBlock(tb.ir, tb.ops));
  if (kinds.has('op_opt')) out.push('OP after optimization and liveness analysis:', formatBlock(tb.ir, tb.optimizedOps));
  if (kinds.has('out_asm')) {
    // What the JIT compiles once the block is hot (the same text, generated now for the listing).
    const code = tb.hostCode || generateSource(tb.ir, tb.optimizedOps, blockName(tb.vpc));
    out.push(`OUT: [size=${code.length}]`, code, '');
  }
  return out.join('\n') + '\n';
}
