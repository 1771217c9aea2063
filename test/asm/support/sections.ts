/**
 * The sections the comparison with GNU covers (.text, .rodata, .data: address and bytes), and their
 * golden-file form: a readable text file per corpus source, so a change shows up as a diff.
 */
import * as path from 'path';
import { readElf32 } from '../../isa/support/elf32';

export const COMPARED = ['.text', '.rodata', '.data'] as const;

export interface SectionImage {
  readonly name: string;
  readonly addr: number;
  readonly bytes: Buffer;
}

export function comparedSections(elf: Uint8Array): SectionImage[] {
  const e = readElf32(Buffer.from(elf));
  return COMPARED.flatMap((name) => {
    const s = e.sections.find((x) => x.name === name);
    return s === undefined ? [] : [{ name, addr: s.addr, bytes: e.bytes.subarray(s.offset, s.offset + s.size) }];
  });
}

const ROW = 32;

export function formatGolden(source: string, sections: readonly SectionImage[]): string {
  const lines = [`# GNU as + ld output for ${source}: ${COMPARED.join(', ')} (address, then bytes in hex).`,
    '# Regenerate with test/fixtures/asm/build.sh when binutils is installed.'];
  for (const s of sections) {
    lines.push(`${s.name} ${s.addr.toString(16).padStart(8, '0')} ${s.bytes.length}`);
    for (let i = 0; i < s.bytes.length; i += ROW) lines.push(s.bytes.subarray(i, i + ROW).toString('hex'));
  }
  return lines.join('\n') + '\n';
}

export function parseGolden(text: string): SectionImage[] {
  const out: { name: string; addr: number; hex: string[] }[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const head = /^(\.\w+) ([0-9a-f]{8}) (\d+)$/.exec(line);
    if (head !== null) out.push({ name: head[1], addr: parseInt(head[2], 16), hex: [] });
    else out[out.length - 1].hex.push(line.trim());
  }
  return out.map((s) => ({ name: s.name, addr: s.addr, bytes: Buffer.from(s.hex.join(''), 'hex') }));
}

/** Describes the first difference between two section lists, or undefined if they are the same. */
export function firstDifference(ours: readonly SectionImage[], theirs: readonly SectionImage[]): string | undefined {
  for (const t of theirs) {
    const o = ours.find((s) => s.name === t.name);
    if (o === undefined) return `${t.name}: missing from our output`;
    if (o.addr !== t.addr) return `${t.name}: at 0x${o.addr.toString(16)}, GNU has 0x${t.addr.toString(16)}`;
    if (!o.bytes.equals(t.bytes)) {
      let i = 0;
      while (i < Math.min(o.bytes.length, t.bytes.length) && o.bytes[i] === t.bytes[i]) i++;
      return `${t.name}: first difference at 0x${(t.addr + i).toString(16)}: ours ${o.bytes.subarray(i, i + 8).toString('hex')}`
        + `, GNU ${t.bytes.subarray(i, i + 8).toString('hex')} (sizes ${o.bytes.length} and ${t.bytes.length})`;
    }
  }
  const extra = ours.find((o) => !theirs.some((t) => t.name === o.name) && o.bytes.length > 0);
  return extra === undefined ? undefined : `${extra.name}: only in our output`;
}

/** test/fixtures/asm, from the compiled test's location (out/test/asm/support). */
export const ASM_FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/asm');
