/**
 * One instruction statement: find the spellings of its mnemonic (forms.ts), read the operands, then
 * emit it compressed (compress.ts), as a relaxable branch, or as its table entry, with a fixup when an
 * operand depends on an address.
 */
import { encodeInsn } from '../isa/encoder';
import { CompiledInsn } from '../isa/table';
import { FORMS, Form, FormOperand, spellingKey } from './forms';
import { Imm, Parsed, parseOperand } from './operands';
import { LexError, Token, splitOperands } from './tokens';
import { SlotValues, compress, hasCompressedForm, tieSlots } from './compress';
import { problemMessage } from './messages';
import { INSN_MACROS } from './insn-macros';
import { BranchBase, InsnReloc } from './object';
import { Value, constant, singleSymbol } from './value';
import { didYouMean } from './suggest';
import type { UnitAssembler } from './assembler';

const ALL_MNEMONICS = (): string[] => [...FORMS.keys(), ...Object.keys(INSN_MACROS)];

function countWords(counts: readonly number[]): string {
  const unique = [...new Set(counts)].sort((a, b) => a - b);
  const n = unique.map(String);
  const list = n.length === 1 ? n[0] : `${n.slice(0, -1).join(', ')} or ${n[n.length - 1]}`;
  return `${list} operand${unique.length === 1 && unique[0] === 1 ? '' : 's'}`;
}

export function assembleInstruction(asm: UnitAssembler, head: Token, rest: readonly Token[]): void {
  const name = head.text.toLowerCase();
  const groups = splitOperands(rest);
  groups.forEach((g, i) => {
    if (g.length === 0) {
      const at = i === 0 ? head.end : (groups[i - 1][groups[i - 1].length - 1]?.end ?? head.end);
      asm.fail(at, at + 1, `operand ${i + 1} of \`${name}\` is missing`);
    }
  });
  const forms = FORMS.get(name) ?? [];
  const macro = INSN_MACROS[name];
  if (forms.length === 0 && macro === undefined) {
    asm.fail(head.start, head.end, `unknown instruction \`${head.text}\`${didYouMean(name, ALL_MNEMONICS())}`);
  }
  let best: { index: number; error: LexError } | undefined;
  for (const form of forms.filter((f) => f.operands.length === groups.length)) {
    const parsed: Parsed[] = [];
    try {
      form.operands.forEach((op, i) => parsed.push(parseOperand(asm, op.kind, groups[i])));
    } catch (e) {
      if (!(e instanceof LexError)) throw e;
      if (best === undefined || parsed.length > best.index) best = { index: parsed.length, error: e };
      continue;
    }
    emitForm(asm, name, head, form, parsed);
    return;
  }
  if (macro !== undefined && macro.operands.includes(groups.length)) {
    macro.expand(asm, head, groups);
    return;
  }
  if (best !== undefined) throw best.error;
  const counts = [...forms.map((f) => f.operands.length), ...(macro?.operands ?? [])];
  const end = rest.length > 0 ? rest[rest.length - 1].end : head.end;
  asm.fail(head.start, end, `\`${name}\` takes ${countWords(counts)}, got ${groups.length}`);
}

/** How an immediate operand becomes a slot value now, or a fixup for later. */
interface ImmPlan {
  readonly value: number;
  readonly fixup?: { readonly reloc: InsnReloc; readonly value: Value };
}

function planImmediate(asm: UnitAssembler, mnemonic: string, op: FormOperand, imm: Imm, p: Parsed): ImmPlan {
  const fail = (m: string): never => asm.fail(p.start, p.end, m);
  const upper = op.kind === 'uimm20';
  if (imm.kind === 'const') {
    const v = imm.value;
    if (upper) {
      if (v < 0n || v > 0xfffffn) fail(`\`${mnemonic}\` takes a 20-bit upper immediate (0..0xfffff), got ${v}`);
      return { value: Number(BigInt.asIntN(32, v << 12n)) };
    }
    if (v < -(2n ** 40n) || v > 2n ** 40n) fail(`immediate ${v} is far too large for \`${mnemonic}\``);
    return { value: Number(v) };
  }
  if (imm.kind === 'expr') {
    if (upper) fail(`\`${mnemonic}\` needs a number here; for the upper bits of an address use %hi(label) or %pcrel_hi(label)`);
    return { value: 0, fixup: { reloc: 'abs', value: imm.value } };
  }
  const wantsUpper = imm.op === '%hi' || imm.op === '%pcrel_hi';
  if (wantsUpper !== upper) {
    fail(wantsUpper
      ? `\`${imm.op}\` gives the upper 20 bits of an address: use it with lui or auipc`
      : `\`${imm.op}\` gives the lower 12 bits of an address: use it with addi, a load or a store`);
  }
  if (op.kind === 'shamt') fail(`\`${imm.op}\` cannot be a shift amount`);
  const reloc: InsnReloc = imm.op === '%hi' ? 'hi20' : imm.op === '%lo' ? 'lo12' : imm.op === '%pcrel_hi' ? 'pcrel_hi20' : 'pcrel_lo12';
  if (reloc === 'pcrel_lo12' && singleSymbol(imm.value) === undefined) {
    fail('`%pcrel_lo` takes the label of the auipc that has the matching %pcrel_hi, like `%pcrel_lo(1b)`');
  }
  return { value: 0, fixup: { reloc, value: imm.value } };
}

function emitForm(asm: UnitAssembler, mnemonic: string, head: Token, form: Form, parsed: readonly Parsed[]): void {
  const values: SlotValues = { ...form.fixed };
  let immOp: { op: FormOperand; p: Parsed } | undefined;
  form.operands.forEach((op, i) => {
    const p = parsed[i];
    if (op.kind === 'reg') values[op.slot] = p.reg;
    else if (op.kind === 'csr' || op.kind === 'pred' || op.kind === 'succ') values[op.slot] = p.number;
    else if (op.kind === 'amo') values.rs1 = p.reg;
    else {
      if (op.kind === 'mem') values.rs1 = p.reg;
      immOp = { op, p };
    }
  });
  const entry = form.entry;
  requireRvc(asm, mnemonic, entry, head);
  const full = tieSlots(entry, values);
  const lastEnd = parsed.length > 0 ? parsed[parsed.length - 1].end : head.end;
  const at = asm.span(head.start, lastEnd);
  if (immOp !== undefined && immOp.op.kind === 'target') {
    emitBranch(asm, mnemonic, form, full, immOp.p);
    return;
  }
  let plan: ImmPlan | undefined;
  if (immOp !== undefined) {
    plan = planImmediate(asm, mnemonic, immOp.op, immOp.p.imm!, immOp.p);
    full.imm = plan.value;
  }
  if (asm.rvc && entry.len === 4 && plan?.fixup === undefined) {
    const c = compress(spellingKey(form), full);
    if (c !== undefined) {
      asm.emitInsn(c.raw, 2);
      return;
    }
  }
  const r = encodeInsn(entry, full);
  if ('problem' in r) {
    const span = r.problem.slot === 'imm' && immOp !== undefined ? immOp.p : { start: head.start, end: lastEnd };
    asm.fail(span.start, span.end, problemMessage(mnemonic, entry, r.problem));
  }
  if (plan?.fixup !== undefined && entry.len === 2) {
    asm.fail(immOp!.p.start, immOp!.p.end, `\`${mnemonic}\` needs a number here (a compressed instruction cannot refer to a label's address)`);
  }
  const fixup = plan?.fixup === undefined ? undefined
    : { kind: 'insn' as const, entry, values: full, slot: 'imm' as const, reloc: plan.fixup.reloc, value: plan.fixup.value, at, mnemonic };
  asm.emitInsn(r.raw, entry.len, fixup);
}

/** Explicit compressed instructions need compression on, as in GNU as. */
function requireRvc(asm: UnitAssembler, mnemonic: string, entry: CompiledInsn, head: Token): void {
  if (entry.len === 2 && !asm.rvc) {
    asm.fail(head.start, head.end, `\`${mnemonic}\` is a compressed instruction, but compressed instructions are off here (.option norvc)`);
  }
}

function emitBranch(asm: UnitAssembler, mnemonic: string, form: Form, values: SlotValues, p: Parsed): void {
  const imm = p.imm!;
  if (imm.kind === 'reloc') asm.fail(p.start, p.end, `a branch target cannot use \`${imm.op}\``);
  const target = imm.kind === 'const' ? constant(imm.value) : imm.value;
  const entry = form.entry;
  // Check the registers now (offset 0 always fits), so a bad register is reported at its line.
  const r = encodeInsn(entry, { ...values, imm: 0 });
  if ('problem' in r) asm.fail(p.start, p.end, problemMessage(mnemonic, entry, r.problem));
  const rvc = entry.len === 2 || (asm.rvc && hasCompressedForm(spellingKey(form), values, 0));
  const { file, line } = asm.lineOf();
  asm.emitBranchTail({
    kind: 'branch', base: entry.spec.base as BranchBase, rd: values.rd ?? 0, rs1: values.rs1 ?? 0, rs2: values.rs2 ?? 0,
    rvc, target, at: asm.span(p.start, p.end), mnemonic, file, line, size: 0,
  });
}

/** Emits one base instruction for a macro: compressed if `compressKey` allows, else its entry. */
export function emitEncoded(asm: UnitAssembler, entry: CompiledInsn, values: SlotValues, start: number, end: number,
  opts: { compressKey?: string; fixup?: { reloc: InsnReloc; value: Value }; mnemonic: string }): void {
  if (asm.rvc && opts.compressKey !== undefined && opts.fixup === undefined) {
    const c = compress(opts.compressKey, values);
    if (c !== undefined) {
      asm.emitInsn(c.raw, 2);
      return;
    }
  }
  const r = encodeInsn(entry, values);
  if ('problem' in r) asm.fail(start, end, problemMessage(opts.mnemonic, entry, r.problem));
  const fixup = opts.fixup === undefined ? undefined : {
    kind: 'insn' as const, entry, values, slot: 'imm' as const, reloc: opts.fixup.reloc, value: opts.fixup.value,
    at: asm.span(start, end), mnemonic: opts.mnemonic,
  };
  asm.emitInsn(r.raw, entry.len, fixup);
}
