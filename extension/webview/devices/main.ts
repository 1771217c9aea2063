/** The Devices webview: devices and their registers, MMU and TLB, PMP, key CSRs; changes highlighted. */
import type { DevicesFromView, DevicesToView, CsrValue } from '../../views/messages';
import type { DeviceState, MachineView } from '../../../debug-adapter/protocol';
import { connect } from '../common/host';
import { h, replace } from '../common/dom';
import { hex32 } from '../common/format';
import { statusLine } from '../common/status';
import { changed, ChangeTracker, Snapshot } from './changes';

const root = document.getElementById('root') as HTMLElement;
const statusBox = h('div');
const body = h('div');
replace(root, statusBox, body);
replace(statusBox, statusLine('none'));
const tracker = new ChangeTracker();
/** Which sections the user collapsed, by title, kept across refreshes. */
const collapsed = new Set<string>();

connect<DevicesToView, DevicesFromView>((m) => {
  if (m.type === 'session') replace(statusBox, statusLine(m.state));
  else render(m.machine, m.csrs, m.stop);
});

function snapshot(machine: MachineView, csrs: readonly CsrValue[]): Snapshot {
  const s: Snapshot = new Map();
  for (const d of machine.devices) {
    for (const r of d.registers) s.set(`${d.name}/${r.name}`, hex32(r.value));
    for (const [k, v] of Object.entries(d.details ?? {})) s.set(`${d.name}//${k}`, String(v));
  }
  s.set('mmu/satp', hex32(machine.mmu.satp));
  s.set('mmu/privilege', machine.mmu.privilege);
  for (const c of csrs) s.set(`csr/${c.name}`, c.value);
  return s;
}

function section(title: string, ...content: (HTMLElement | null)[]): HTMLElement {
  const d = h('details', { open: !collapsed.has(title) }, h('summary', {}, title), ...content);
  d.addEventListener('toggle', () => { if (d.open) collapsed.delete(title); else collapsed.add(title); });
  return d;
}

/** A value cell, marked when it differs from the last stop (by colour and for screen readers). */
function valueCell(base: Snapshot | undefined, key: string, text: string): HTMLElement {
  const isChanged = changed(base, key, text);
  return h('td', { class: isChanged ? 'mono changed' : 'mono', title: isChanged ? `changed since the last stop (was ${base?.get(key)})` : undefined },
    text, isChanged ? h('span', { class: 'sr-only' }, ' (changed)') : null);
}

function deviceSection(d: DeviceState, base: Snapshot | undefined): HTMLElement {
  const table = h('table', { class: 'regs' }, h('thead', {}, h('tr', {},
    h('th', { scope: 'col' }, 'register'), h('th', { scope: 'col' }, 'offset'), h('th', { scope: 'col' }, 'value'), h('th', { scope: 'col' }, 'meaning'))));
  const tbody = h('tbody');
  for (const r of d.registers) {
    tbody.append(h('tr', {}, h('th', { scope: 'row' }, r.name), h('td', { class: 'mono' }, `+0x${r.offset.toString(16)}`),
      valueCell(base, `${d.name}/${r.name}`, hex32(r.value)), h('td', {}, r.decoded ?? '')));
  }
  table.append(tbody);
  const details = Object.entries(d.details ?? {});
  const list = details.length ? h('table', { class: 'details' }, ...details.map(([k, v]) =>
    h('tr', {}, h('th', { scope: 'row' }, k), valueCell(base, `${d.name}//${k}`, Array.isArray(v) ? (v.length ? v.join(', ') : '–') : String(v))))) : null;
  return section(`${d.name} @ ${hex32(d.base)}`, d.registers.length ? table : null, list);
}

function mmuSection(m: MachineView['mmu'], base: Snapshot | undefined): HTMLElement {
  const facts = h('table', { class: 'details' },
    h('tr', {}, h('th', { scope: 'row' }, 'satp'), valueCell(base, 'mmu/satp', hex32(m.satp))),
    h('tr', {}, h('th', { scope: 'row' }, 'mode'), h('td', {}, `${m.mode}${m.mode === 'Sv32' ? `, ASID ${m.asid}, root table ${hex32(m.root)}` : ''}`)),
    h('tr', {}, h('th', { scope: 'row' }, 'privilege'), valueCell(base, 'mmu/privilege', m.privilege)),
    h('tr', {}, h('th', { scope: 'row' }, 'data accesses'), h('td', {}, m.translating ? 'translated' : 'physical')));
  const tlb = m.tlb.length
    ? h('table', { class: 'regs' }, h('thead', {}, h('tr', {}, ...['access', 'context', 'virtual page', 'physical page'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...m.tlb.map((e) => h('tr', {}, h('td', {}, e.kind), h('td', {}, e.context), h('td', { class: 'mono' }, hex32(e.va)), h('td', { class: 'mono' }, hex32(e.pa))))))
    : h('p', { class: 'muted' }, 'The TLB is empty.');
  return section('MMU', facts, h('h4', {}, `TLB (${m.tlb.length} entries)`), tlb);
}

function pmpSection(pmp: MachineView['pmp']): HTMLElement {
  const active = pmp.filter((p) => p.mode !== 'OFF');
  if (!active.length) return section('PMP', h('p', { class: 'muted' }, 'No PMP entry is enabled.'));
  const range = (n: number): string => `0x${n.toString(16).padStart(9, '0')}`;
  return section('PMP', h('table', { class: 'regs' },
    h('thead', {}, h('tr', {}, ...['entry', 'mode', 'perms', 'range'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...active.map((p) => h('tr', {}, h('td', {}, String(p.index)), h('td', {}, p.mode),
      h('td', { class: 'mono' }, `${p.r ? 'r' : '-'}${p.w ? 'w' : '-'}${p.x ? 'x' : '-'}${p.locked ? ' L' : ''}`),
      h('td', { class: 'mono' }, `${range(p.start)}–${range(p.end)}`))))));
}

function csrSection(csrs: readonly CsrValue[], base: Snapshot | undefined): HTMLElement {
  if (!csrs.length) return section('CSRs', h('p', { class: 'muted' }, 'No CSRs to show.'));
  return section('CSRs', h('table', { class: 'details' }, ...csrs.map((c) =>
    h('tr', {}, h('th', { scope: 'row' }, c.name), valueCell(base, `csr/${c.name}`, c.value)))));
}

function render(machine: MachineView, csrs: readonly CsrValue[], stop: number | undefined): void {
  const base = tracker.update(snapshot(machine, csrs), stop);
  replace(body, csrSection(csrs, base), ...machine.devices.map((d) => deviceSection(d, base)), mmuSection(machine.mmu, base), pmpSection(machine.pmp));
}
