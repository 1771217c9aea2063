/**
 * "What does the translator make of this?": a representative instance of a spelling (`addi a0, a1,
 * 16`), encoded through the instruction table, decoded, and run through the real translator; the
 * micro-ops it emits are listed by the IR printer, exactly as `-d op` would show them.
 *
 * Table spellings are encoded directly. Macros (li, la, call, ...) are assembled from a sample line,
 * so the listing shows the instructions the assembler actually picks for them.
 */
import { assemble } from '../../emulator/asm/assemble';
import { tieSlots, SlotValues } from '../../emulator/asm/compress';
import { FormOperand } from '../../emulator/asm/forms';
import { encodeField, encodeInsn } from '../../emulator/isa/encoder';
import { decode, insnLength } from '../../emulator/isa/decoder';
import { FieldName } from '../../emulator/isa/fields';
import { regName } from '../../emulator/isa/registers';
import { disassembleWord } from '../../emulator/isa/disassembler';
import { csrName } from '../../emulator/isa/csr-names';
import { parseElf } from '../../emulator/loader/elf';
import { IRBlock, IRBuilder } from '../../emulator/ir/ir';
import { formatBlock } from '../../emulator/ir/printer';
import { TRANSLATORS } from '../../emulator/translate/translators';
import { TransCtx, TranslateEnv } from '../../emulator/translate/context';
import { translateIllegal } from '../../emulator/translate/system';
import { MACRO_SAMPLES } from './macro-syntax';
import { Spelling } from './mnemonics';

export interface MicroOpSample {
  /** The instance translated, as source text. */
  readonly instance: string;
  /** The ops, one per line, as ir/printer formats them. */
  readonly listing: string;
  /** For a macro, the instructions the assembler chose, as `objdump -M no-aliases` prints them. */
  readonly assembled?: readonly string[];
}

const SAMPLE_PC = 0x80000000 | 0;
const SAMPLE_REGISTERS = [10, 11, 12];
const MSTATUS = 0x300;
/** rw: the sets most fences name. */
const FENCE_SET = 3;
const FENCE_SET_TEXT = 'rw';

/** Immediate values to try, most readable first: the first one the field holds is used. */
const IMMEDIATE_CANDIDATES: Readonly<Record<string, readonly number[]>> = {
  imm: [16, 8, 4, 1],
  shamt: [3, 1],
  uimm20: [0x12345000, 0x1f000, 0x1000],
  target: [16, 8],
  mem: [16, 8, 4, 0],
};

function pickImmediate(field: FieldName | number | undefined, kind: string, nonzero: boolean): number | undefined {
  const candidates = IMMEDIATE_CANDIDATES[kind] ?? [];
  if (typeof field !== 'string') return candidates[0];
  return candidates.find((v) => (!nonzero || v !== 0) && encodeField(field, v) !== undefined);
}

function immediateText(kind: string, v: number): string {
  if (kind === 'uimm20') return `0x${((v >>> 12) & 0xfffff).toString(16)}`;
  if (kind === 'target') return `0x${((SAMPLE_PC + v) >>> 0).toString(16)}`;
  return String(v);
}

/** Chooses operand values for a table spelling; returns the slot values and the instance's text. */
function sampleOperands(sp: Spelling): { values: SlotValues; text: string } | undefined {
  const form = sp.form!;
  const ops = form.entry.spec.operands;
  const values: SlotValues = {};
  const texts: string[] = [];
  const registers = [...SAMPLE_REGISTERS];
  const register = (slot: FormOperand['slot']): number => {
    const fixed = ops[slot];
    return typeof fixed === 'number' ? fixed : registers.shift()!;
  };
  for (const op of form.operands) {
    const source = ops[op.slot];
    const nonzero = form.entry.spec.nonzero?.includes(op.slot) ?? false;
    if (op.kind === 'reg') {
      values[op.slot] = register(op.slot);
      texts.push(regName(values[op.slot]!));
    } else if (op.kind === 'csr') {
      values.csr = MSTATUS;
      texts.push(csrName(MSTATUS)!);
    } else if (op.kind === 'pred' || op.kind === 'succ') {
      values[op.slot] = FENCE_SET;
      texts.push(FENCE_SET_TEXT);
    } else if (op.kind === 'amo') {
      values.rs1 = register('rs1');
      texts.push(`(${regName(values.rs1)})`);
    } else {
      const v = pickImmediate(source, op.kind, nonzero);
      if (v === undefined) return undefined;
      values.imm = v;
      if (op.kind === 'mem') {
        values.rs1 = register('rs1');
        texts.push(`${v}(${regName(values.rs1)})`);
      } else {
        texts.push(immediateText(op.kind, v));
      }
    }
  }
  const text = texts.length === 0 ? sp.mnemonic : `${sp.mnemonic} ${texts.join(', ')}`;
  return { values: tieSlots(form.entry, { ...values, ...form.fixed }), text };
}

interface SampleInsn {
  readonly pc: number;
  readonly raw: number;
}

const QUIET_ENV: TranslateEnv = { fetch16: () => 0, semihosting: false };

/** The micro-ops the translator emits for these instructions, one after the other. */
function translateListing(insns: readonly SampleInsn[]): string {
  const block = new IRBlock();
  const b = new IRBuilder(block);
  for (let i = 0; i < insns.length; i++) {
    const { pc, raw } = insns[i];
    const d = decode(raw);
    const len = d?.len ?? insnLength(raw & 0xffff);
    b.insnStart(pc);
    const ctx: TransCtx = { b, env: QUIET_ENV, pc, next: (pc + len) | 0, raw, insnIndex: i, ended: false };
    // unimp and c.unimp are illegal on purpose: the listing shows what the translator does with that.
    if (d === null) translateIllegal(ctx);
    else TRANSLATORS[d.mnemonic](ctx, d);
  }
  return formatBlock(block).replace(/\n+$/, '');
}

function tableSample(sp: Spelling): MicroOpSample | undefined {
  const sample = sampleOperands(sp);
  if (sample === undefined) return undefined;
  const r = encodeInsn(sp.form!.entry, sample.values);
  if ('problem' in r) return undefined;
  return { instance: sample.text, listing: translateListing([{ pc: SAMPLE_PC, raw: r.raw }]) };
}

const SAMPLE_LINE = 2;

function macroSample(sp: Spelling): MicroOpSample | undefined {
  const instance = MACRO_SAMPLES[sp.syntax === '' ? sp.mnemonic : `${sp.mnemonic} ${sp.syntax}`];
  if (instance === undefined) return undefined;
  const source = `_start:\n  ${instance}\nfunc: ret\n.data\ndata: .word 0\n`;
  const result = assemble([{ path: 'sample.S', text: source }], { noDebug: true });
  if (result.elf === undefined) return undefined;
  const elf = parseElf(result.elf, 'sample.S');
  const text = elf.segments.find((s) => (s.flags & 1) !== 0);
  if (text === undefined) return undefined;
  const insns: SampleInsn[] = [];
  for (const row of result.lineTable.filter((r) => r.line === SAMPLE_LINE)) {
    const at = text.offset + ((row.address - text.vaddr) >>> 0);
    const lo = result.elf[at] | (result.elf[at + 1] << 8);
    const raw = insnLength(lo) === 2 ? lo : (lo | (result.elf[at + 2] << 16) | (result.elf[at + 3] << 24));
    insns.push({ pc: row.address | 0, raw });
  }
  const assembled = insns.map(({ pc, raw }) => {
    const d = disassembleWord(raw, pc, { aliases: false });
    return d.operands === '' ? d.mnemonic : `${d.mnemonic} ${d.operands}`;
  });
  return { instance, listing: translateListing(insns), assembled };
}

const CACHE = new Map<string, MicroOpSample | undefined>();

/** A representative instance of the spelling and its micro-ops; undefined if none can be made. */
export function microOps(sp: Spelling): MicroOpSample | undefined {
  const key = `${sp.mnemonic} ${sp.syntax}`;
  if (!CACHE.has(key)) CACHE.set(key, sp.form !== undefined ? tableSample(sp) : macroSample(sp));
  return CACHE.get(key);
}
