/**
 * The `info` subcommands of the monitor, modelled on QEMU's: each builds its text from the live system.
 */
import { formatCounters } from '../tb/counters';
import { regName } from '../isa/registers';
import { PC_INDEX } from '../ir/ir';
import { VIRT } from '../machine/memory-map';
import { pickInterrupt } from '../cpu/interrupts';
import { csrNumber } from '../isa/csr-names';
import type { DebugTarget } from './debug-target';
import { CSR_DECODERS, privName } from './csr-view';
import { causeName } from './trap-kinds';
import { listMappings, pteFlags, SATP_MODE_SV32 } from './page-walk';
import { tlbEntries } from './tb-insight';

const hex8 = (v: number) => (v >>> 0).toString(16).padStart(8, '0');

/** CSRs `info registers` shows, in QEMU's order. */
const INFO_CSRS = ['mhartid', 'mstatus', 'mip', 'mie', 'mideleg', 'medeleg', 'mtvec', 'stvec', 'mepc', 'sepc',
  'mcause', 'scause', 'mtval', 'stval', 'mscratch', 'sscratch', 'satp'];

function registers(t: DebugTarget): string {
  const h = t.hart;
  const lines = [` pc       ${hex8(h.x[PC_INDEX])}${sym(t, h.x[PC_INDEX])}`, ` priv     ${privName(h.priv)}`];
  for (const name of INFO_CSRS) {
    const v = h.peekCsr(csrNumber(name)!);
    if (v === undefined) continue;
    const meaning = CSR_DECODERS[name]?.(v);
    lines.push(` ${name.padEnd(8)} ${hex8(v)}${meaning ? `  ${meaning}` : ''}`);
  }
  for (let r = 0; r < 32; r += 4) {
    lines.push([0, 1, 2, 3].map((k) => ` ${`x${r + k}/${regName(r + k)}`.padEnd(8)} ${hex8(h.x[r + k])}`).join(''));
  }
  return lines.join('\n');
}

function sym(t: DebugTarget, addr: number): string {
  const s = t.symbolize(addr >>> 0);
  return s === undefined ? '' : ` <${s}>`;
}

function mtree(t: DebugTarget): string {
  const bus = t.system.machine.bus;
  const regions = [
    { base: VIRT.mrom.base, size: VIRT.mrom.size, kind: 'rom', name: 'mrom' },
    { base: bus.ramBase, size: bus.ramSize, kind: 'ram', name: 'ram' },
    ...bus.devices.map((d) => ({ base: d.base, size: d.size, kind: 'i/o', name: d.name })),
  ].sort((a, b) => a.base - b.base || b.size - a.size);
  return ['address-space: memory', '  00000000-ffffffff (prio 0, i/o): system',
    ...regions.map((r) => `    ${hex8(r.base)}-${hex8(r.base + r.size - 1)} (prio ${r.kind === 'ram' ? 0 : 1}, ${r.kind}): ${r.name}`),
  ].join('\n');
}

function tlb(t: DebugTarget): string {
  const h = t.hart;
  const satp = h.peekCsr(csrNumber('satp')!) ?? 0;
  const entries = tlbEntries(h, t.system.machine.bus.ramBase);
  const lines = [`satp ${hex8(satp)} (${CSR_DECODERS.satp(satp)}), privilege ${privName(h.priv)}`,
    `software TLB: ${entries.length} live entries (256 per access kind and context)`];
  if (entries.length > 0) lines.push('kind  ctx    vaddr     paddr');
  for (const e of entries) lines.push(`${e.kind.padEnd(5)} ${e.context.padEnd(6)} ${hex8(e.va)}  ${hex8(e.pa)}`);
  return lines.join('\n');
}

function mem(t: DebugTarget): string {
  const satp = t.hart.peekCsr(csrNumber('satp')!) ?? 0;
  if ((satp & SATP_MODE_SV32) === 0) return 'No translation or protection (satp.MODE = bare)';
  const maps = listMappings(satp, (pa) => t.memory.physWord(pa));
  const lines = ['vaddr    paddr            size     attr', '-------- ---------------- -------- -------'];
  for (const m of maps) lines.push(`${hex8(m.va)} ${m.pa.toString(16).padStart(16, '0')} ${hex8(m.size)} ${pteFlags(m.pte)}`);
  return lines.join('\n');
}

function jit(t: DebugTarget): string {
  const e = t.system.engine;
  return formatCounters(e.stats, { engine: e.kind, 'guest instructions': t.hart.icount, 'blocks in cache': e.cache.size });
}

const IRQS: readonly [number, string][] = [[1, 'SSI'], [3, 'MSI'], [5, 'STI'], [7, 'MTI'], [9, 'SEI'], [11, 'MEI']];

function irq(t: DebugTarget): string {
  const h = t.hart;
  const get = (n: string) => (h.peekCsr(csrNumber(n)!) ?? 0) >>> 0;
  const mip = get('mip');
  const mie = get('mie');
  const mideleg = get('mideleg');
  const next = pickInterrupt(mip & mie, mideleg, h.priv, get('mstatus'));
  const lines = ['irq  pending enabled delegated',
    ...IRQS.map(([bit, name]) => `${name.padEnd(4)} ${((mip >>> bit) & 1 ? 'yes' : 'no').padEnd(7)} ${((mie >>> bit) & 1 ? 'yes' : 'no').padEnd(7)} ${(mideleg >>> bit) & 1 ? 'S' : 'M'}`),
    `next to be taken: ${next < 0 ? 'none' : causeName(next, true)}`];
  const plic = t.system.machine.describeDevices().find((d) => d.name === 'plic');
  if (plic?.details) for (const [k, v] of Object.entries(plic.details)) lines.push(`plic ${k}: ${Array.isArray(v) ? v.join(' ') || '-' : v}`);
  return lines.join('\n');
}

export interface InfoCommand {
  readonly help: string;
  readonly run: (t: DebugTarget) => string;
}

export const INFO_COMMANDS: Readonly<Record<string, InfoCommand>> = {
  registers: { help: 'the hart\'s registers and main CSRs', run: registers },
  mtree: { help: 'the physical memory map', run: mtree },
  tlb: { help: 'the software TLB\'s live entries', run: tlb },
  mem: { help: 'the page-table mappings (Sv32) as ranges', run: mem },
  jit: { help: 'translation statistics (every counter)', run: jit },
  irq: { help: 'interrupt lines: pending, enabled, delegated; PLIC state', run: irq },
};
