/** The Translation Blocks webview: counters, charts and the table of blocks. */
import '../common/elements';
import type { BlocksFromView, BlocksToView } from '../../views/messages';
import { connect } from '../common/host';
import { h, replace } from '../common/dom';
import { statusLine } from '../common/status';
import { renderCounters } from './counters';
import { hottestChart, sizeHistogram } from './charts';
import { renderTable, SortKey, TableState } from './table';

type Stats = Extract<BlocksToView, { type: 'stats' }>;

const root = document.getElementById('root') as HTMLElement;
const statusBox = h('div');
const countersBox = h('div');
const chartsBox = h('div', { class: 'charts' });
const tableBox = h('div');
const filter = h('vscode-textfield', { placeholder: 'filter by symbol or address', 'aria-label': 'Filter blocks by symbol or address' }) as HTMLElement & { value: string };
replace(root, statusBox, countersBox, chartsBox, h('div', { class: 'toolbar' }, filter), tableBox);
replace(statusBox, statusLine('none'));

let last: Stats | undefined;
const host = connect<BlocksToView, BlocksFromView, TableState>((m) => {
  if (m.type === 'session') replace(statusBox, statusLine(m.state));
  else {
    last = m;
    render();
  }
});
const table: TableState = host.state ?? { sortKey: 'executions', descending: true, filter: '' };
filter.value = table.filter;

filter.addEventListener('input', () => {
  table.filter = filter.value;
  host.saveState(table);
  renderTableOnly();
});

function open(pc: number): void {
  host.send({ type: 'openTrace', address: pc });
}

function sortBy(key: SortKey): void {
  // A new column starts with its most telling order: big numbers first, names and addresses A to Z.
  if (table.sortKey === key) table.descending = !table.descending;
  else { table.sortKey = key; table.descending = key !== 'pc' && key !== 'symbol'; }
  host.saveState(table);
  renderTableOnly();
  (tableBox.querySelector('th:not([aria-sort="none"]) button') as HTMLElement | null)?.focus();
}

function renderTableOnly(): void {
  if (!last) return;
  replace(tableBox, renderTable(last.stats.blocks, last.stats.totalBlocks, table, sortBy, open));
}

function render(): void {
  if (!last) return;
  replace(countersBox, renderCounters(last.stats, last.live, last.runMs));
  replace(chartsBox, hottestChart(last.stats.blocks, open), sizeHistogram(last.stats.blocks));
  // Redrawing the table would take keyboard focus away from a row or header.
  const focusedPc = (document.activeElement as HTMLElement | null)?.dataset?.pc;
  renderTableOnly();
  const again = focusedPc === undefined ? null : tableBox.querySelector<HTMLElement>(`tr[data-pc="${focusedPc}"]`);
  if (again) {
    tableBox.querySelectorAll<HTMLElement>('tbody tr[tabindex="0"]').forEach((r) => { r.tabIndex = -1; });
    again.tabIndex = 0;
    again.focus();
  }
}
