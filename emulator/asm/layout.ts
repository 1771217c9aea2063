/**
 * Where each section goes in memory: the layout GNU ld's default RISC-V script (elf32lriscv) gives
 * these inputs with `-Ttext=BASE`, so addresses (and thus pc-relative offsets) match a GNU build:
 * .text at BASE, .rodata after it, the data segment on the next page at the same page offset (or
 * page-aligned when that saves a page), then .data, .sdata, .sbss, .bss.
 */
import { ObjectUnit, SectionBuilder, SectionFlags } from './object';

interface OutputRule {
  readonly name: string;
  /** Input section name patterns, one group per input-section statement, in order. */
  readonly inputs: readonly (readonly string[])[];
  /** Where this output section starts the data segment (ld's DATA_SEGMENT_ALIGN before it). */
  readonly startsData?: boolean;
  /** ld's `. = ALIGN(. != 0 ? 4 : 1)` at the end of .bss. */
  readonly endAlign?: number;
}

const RULES: readonly OutputRule[] = [
  {
    name: '.text',
    inputs: [
      ['.text.unlikely', '.text.*_unlikely', '.text.unlikely.*'], ['.text.exit', '.text.exit.*'],
      ['.text.startup', '.text.startup.*'], ['.text.hot', '.text.hot.*'], ['.text.sorted.*'],
      ['.text', '.stub', '.text.*', '.gnu.linkonce.t.*'],
    ],
  },
  { name: '.rodata', inputs: [['.rodata', '.rodata.*', '.gnu.linkonce.r.*']] },
  { name: '.data', inputs: [['.data', '.data.*', '.gnu.linkonce.d.*']], startsData: true },
  {
    name: '.sdata',
    inputs: [['.srodata.cst16'], ['.srodata.cst8'], ['.srodata.cst4'], ['.srodata.cst2'], ['.srodata', '.srodata.*'],
      ['.sdata', '.sdata.*', '.gnu.linkonce.s.*']],
  },
  { name: '.sbss', inputs: [['.sbss', '.sbss.*', '.gnu.linkonce.sb.*']] },
  { name: '.bss', inputs: [['.bss', '.bss.*', '.gnu.linkonce.b.*']], endAlign: 4 },
];

const PAGE = 0x1000;

function glob(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(name);
}

export interface Placed {
  readonly unit: ObjectUnit;
  readonly section: SectionBuilder;
  addr: number;
}

export interface OutputSection {
  readonly name: string;
  readonly flags: SectionFlags;
  addr: number;
  size: number;
  align: number;
  readonly inputs: Placed[];
}

const alignUp = (n: number, a: number) => Math.ceil(n / a) * a;

/** Which output section each input goes to: by the rules, else an orphan section of its own name. */
function assign(units: readonly ObjectUnit[]): OutputSection[] {
  const all: Placed[] = units.flatMap((unit) => unit.sections
    .filter((s) => s.flags.alloc)
    .map((section) => ({ unit, section, addr: 0 })));
  const taken = new Set<Placed>();
  const outputs: OutputSection[] = [];
  for (const rule of RULES) {
    const inputs: Placed[] = [];
    for (const group of rule.inputs) {
      for (const p of all) {
        if (!taken.has(p) && group.some((g) => glob(g, p.section.name))) {
          inputs.push(p);
          taken.add(p);
        }
      }
    }
    const flags = inputs[0]?.section.flags ?? { alloc: true, write: rule.name !== '.text' && rule.name !== '.rodata', exec: rule.name === '.text', nobits: rule.name.endsWith('bss') };
    outputs.push({ name: rule.name, flags, addr: 0, size: 0, align: 1, inputs });
  }
  // Orphans go after the last output section of the same kind, as ld places them.
  for (const p of all.filter((x) => !taken.has(x))) {
    let out = outputs.find((o) => o.name === p.section.name && !RULES.some((r) => r.name === o.name));
    if (out === undefined) {
      out = { name: p.section.name, flags: p.section.flags, addr: 0, size: 0, align: 1, inputs: [] };
      const f = p.section.flags;
      const anchor = f.exec ? '.text' : !f.write ? '.rodata' : f.nobits ? '.bss' : '.sdata';
      outputs.splice(outputs.findIndex((o) => o.name === anchor) + 1, 0, out);
    }
    out.inputs.push(p);
  }
  return outputs;
}

/** Places the sections from `start`; returns the end address. */
function place(outputs: readonly OutputSection[], start: number): number {
  let dot = start;
  for (const out of outputs) {
    if (out.inputs.length === 0) {
      out.addr = dot;
      out.size = 0;
      continue;
    }
    out.align = Math.max(1, ...out.inputs.map((p) => p.section.align));
    out.addr = alignUp(dot, out.align);
    let cur = out.addr;
    for (const p of out.inputs) {
      p.addr = alignUp(cur, p.section.align);
      cur = p.addr + p.section.size;
    }
    const rule = RULES.find((r) => r.name === out.name);
    if (rule?.endAlign !== undefined && cur !== out.addr) cur = alignUp(cur, rule.endAlign);
    out.size = cur - out.addr;
    dot = cur;
  }
  return dot;
}

export interface Layout {
  readonly outputs: readonly OutputSection[];
  /** Address just past the data segment (ld's `_end`). */
  readonly end: number;
}

export function layout(units: readonly ObjectUnit[], textBase: number): Layout {
  const outputs = assign(units);
  const firstData = outputs.findIndex((o) => RULES.find((r) => r.name === o.name)?.startsData === true);
  const textPart = outputs.slice(0, firstData);
  const dataPart = outputs.slice(firstData);
  // -Ttext puts .text exactly at the base; the rest follows.
  const dot = place(textPart, textBase);
  if (textPart[0] !== undefined && textPart[0].inputs.length > 0) textPart[0].addr = textBase;
  // DATA_SEGMENT_ALIGN: the next page, at the same offset within it ...
  const base = alignUp(dot, PAGE) + (dot % PAGE);
  let end = alignUp(place(dataPart, base), 4);
  // ... unless starting on the page boundary instead keeps the segment within fewer pages.
  const first = (PAGE - (base % PAGE)) % PAGE;
  const last = end % PAGE;
  if (first !== 0 && last !== 0 && Math.floor(base / PAGE) !== Math.floor(end / PAGE) && first + last <= PAGE) {
    end = alignUp(place(dataPart, alignUp(dot, PAGE)), 4);
  }
  return { outputs: outputs.filter((o) => o.size > 0 || o.inputs.length > 0), end };
}
