/**
 * The hover of a mnemonic: what it does, its spellings, what each stands for, its encoding, and the
 * micro-ops the translator emits for a sample of it.
 */
import { MnemonicInfo, MnemonicKind, Spelling, displaySpelling } from '../knowledge/mnemonics';
import { encodingOf } from '../knowledge/encoding';
import { expansionOf } from '../knowledge/expansion';
import { microOps } from '../knowledge/micro-ops';

const KIND_NAMES: Readonly<Record<MnemonicKind, string>> = {
  instruction: 'instruction',
  compressed: 'compressed instruction',
  pseudo: 'pseudo-instruction',
};

const hex8 = (v: number): string => `0x${(v >>> 0).toString(16).padStart(8, '0')}`;
const hex4 = (v: number): string => `0x${(v >>> 0).toString(16).padStart(4, '0')}`;

function encodingSection(sp: Spelling): string[] {
  const entry = sp.form?.entry;
  if (entry === undefined) return [];
  const enc = encodingOf(entry);
  const hex = entry.len === 2 ? hex4 : hex8;
  const bits = (s: { hi: number; lo: number }) => (s.hi === s.lo ? String(s.hi) : `${s.hi}:${s.lo}`);
  return [
    `**Encoding** \`${entry.spec.name}\`: ${enc.format}-type, ${entry.len * 8} bits, match \`${hex(enc.match)}\`, mask \`${hex(enc.mask)}\``,
    '',
    `| ${enc.segments.map(bits).join(' | ')} |`,
    `|${enc.segments.map(() => '---').join('|')}|`,
    // Scattered immediates read `imm[12|10:5]`: a bare `|` would end the table cell.
    `| ${enc.segments.map((s) => s.text.replace(/\|/g, '\\|')).join(' | ')} |`,
  ];
}

function microOpSection(sp: Spelling): string[] {
  const sample = microOps(sp);
  if (sample === undefined) return [];
  const out = [`**Micro-ops** the translator emits for \`${sample.instance}\`:`];
  if (sample.assembled !== undefined) out.push('', `assembled as ${sample.assembled.map((i) => `\`${i}\``).join(', ')}`);
  const ops = sample.listing.split('\n').filter((l) => !l.startsWith(' ----'));
  // A fence on one in-order hart orders nothing: say so rather than show an empty listing.
  if (ops.every((l) => l.trim() === '')) out.push('', '(none: the instruction has no effect on this emulator)');
  else out.push('', '```', sample.listing, '```');
  return out;
}

/**
 * Markdown for a mnemonic. `operandCount` (operands written on the hovered line) picks the
 * spelling whose encoding and micro-ops are shown.
 */
export function mnemonicHover(info: MnemonicInfo, operandCount?: number): string {
  const chosen = info.spellings.find((s) => s.operands.length === operandCount) ?? info.spellings[0];
  const lines = [`**${info.name}** — ${KIND_NAMES[info.kind]}`, '', info.description, ''];
  lines.push('```riscv-asm', ...info.spellings.map(displaySpelling), '```');
  const expansions = info.spellings
    .map((s) => ({ s, e: expansionOf(s) }))
    .filter((x): x is { s: Spelling; e: string } => x.e !== undefined)
    .map((x) => `- \`${displaySpelling(x.s)}\` is \`${x.e}\``);
  if (expansions.length > 0) lines.push('', ...expansions);
  if (chosen !== undefined) {
    const enc = encodingSection(chosen);
    if (enc.length > 0) lines.push('', ...enc);
    const ops = microOpSection(chosen);
    if (ops.length > 0) lines.push('', ...ops);
  }
  return lines.join('\n');
}
