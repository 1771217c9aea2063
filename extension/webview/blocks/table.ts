/**
 * The table of translation blocks: sortable by any column (click or Enter/Space on its header),
 * filtered by symbol or address; activating a row opens the block's micro-op trace.
 */
import type { TbRow } from '../../../debug-adapter/protocol';
import { h } from '../common/dom';
import { COLUMNS, SortKey, sortRows, TableState } from './sort';

export type { SortKey, TableState } from './sort';

/** At most this many rows are drawn; the filter narrows the rest down. */
const MAX_ROWS = 400;

export function renderTable(rows: readonly TbRow[], total: number, s: TableState, onSort: (key: SortKey) => void, onOpen: (pc: number) => void): HTMLElement {
  const sorted = sortRows(rows, s);
  const head = h('tr');
  for (const c of COLUMNS) {
    const active = s.sortKey === c.key;
    head.append(h('th', { scope: 'col', class: c.numeric ? 'num' : '', 'aria-sort': active ? (s.descending ? 'descending' : 'ascending') : 'none' },
      h('button', { class: 'sort', title: `${c.title}. Sort by ${c.label}`, click: () => onSort(c.key) }, c.label, active ? (s.descending ? ' ▼' : ' ▲') : '')));
  }
  const body = h('tbody');
  // One row in the tab order (roving tabindex): Tab leaves the table, arrows move inside it.
  const move = (from: HTMLElement, to: Element | null): void => {
    if (!(to instanceof HTMLElement)) return;
    from.tabIndex = -1;
    to.tabIndex = 0;
    to.focus();
  };
  sorted.slice(0, MAX_ROWS).forEach((r, i) => {
    const tr = h('tr', { tabindex: i === 0 ? 0 : -1, title: 'Open the micro-op trace of this block', 'data-pc': r.pc });
    for (const c of COLUMNS) tr.append(h('td', { class: c.numeric ? 'num' : '' }, c.cell(r)));
    tr.addEventListener('click', () => onOpen(r.pc));
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onOpen(r.pc); }
      else if (e.key === 'ArrowDown') { e.preventDefault(); move(tr, tr.nextElementSibling); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); move(tr, tr.previousElementSibling); }
      else if (e.key === 'Home') { e.preventDefault(); move(tr, body.firstElementChild); }
      else if (e.key === 'End') { e.preventDefault(); move(tr, body.lastElementChild); }
    });
    body.append(tr);
  });
  const shownNote = `${Math.min(sorted.length, MAX_ROWS)} of ${sorted.length} matching blocks shown${total > rows.length ? ` (${total} in the cache; the ${rows.length} most executed were sent)` : ''}`;
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'blocks', 'aria-label': 'Translation blocks' }, h('thead', {}, head), body),
    h('p', { class: 'muted' }, shownNote));
}
