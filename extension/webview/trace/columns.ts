/**
 * The four side-by-side columns of a block listing (guest code, micro-ops, optimised micro-ops,
 * generated JavaScript) and the instruction groups that tie their lines together: hovering or
 * focusing any line of a group highlights the whole group in every column.
 */
import type { TbListing } from '../../../debug-adapter/protocol';
import { h } from '../common/dom';
import { hex32 } from '../common/format';

export interface ColumnsHandlers {
  /** An address in the guest column was activated (click or Enter on it). */
  revealAddress(address: number): void;
}

type Column = 'ops' | 'optimizedOps' | 'hostCode';
const COLUMN_TITLES: Record<Column, string> = { ops: 'Micro-ops', optimizedOps: 'Optimised micro-ops', hostCode: 'Generated JavaScript' };
const MAP_KEYS: Record<Column, 'ops' | 'optimizedOps' | 'hostLines'> = { ops: 'ops', optimizedOps: 'optimizedOps', hostCode: 'hostLines' };

/** The group (guest instruction index) of each line of a column, -1 for lines of no instruction. */
function groupsOf(listing: TbListing, column: Column): Int32Array {
  const groups = new Int32Array(listing[column].length).fill(-1);
  listing.map.forEach((m, i) => {
    const [from, to] = m[MAP_KEYS[column]];
    for (let l = from; l < to && l < groups.length; l++) groups[l] = i;
  });
  return groups;
}

export function renderColumns(listing: TbListing, pc: number | undefined, handlers: ColumnsHandlers): HTMLElement {
  const grid = h('div', { class: 'trace-grid' });
  const lines: HTMLElement[][] = [];
  const addToGroup = (g: number, el: HTMLElement): void => {
    if (g < 0) return;
    (lines[g] ??= []).push(el);
    el.dataset.group = String(g);
  };
  const highlight = (g: number | undefined): void => {
    for (const el of grid.querySelectorAll('.linked')) el.classList.remove('linked');
    if (g === undefined) return;
    for (const el of lines[g] ?? []) el.classList.add('linked');
  };

  const guest = h('ol', { class: 'code guest', 'aria-label': 'Guest instructions' });
  listing.guest.forEach((insn, i) => {
    const current = pc !== undefined && insn.address === pc;
    const addr = h('a', {
      href: '#', class: 'addr', title: 'Show in the Disassembly view',
      click: (e: Event) => { e.preventDefault(); handlers.revealAddress(insn.address); },
    }, hex32(insn.address));
    const row = h('li', { class: current ? 'line current' : 'line', tabindex: i === 0 ? 0 : -1, 'aria-current': current ? 'true' : undefined },
      h('span', { class: 'marker', 'aria-hidden': 'true' }, current ? '▶' : ''), addr, ' ',
      h('span', { class: 'bytes' }, insn.bytes.padEnd(8)), ' ', h('span', { class: 'text' }, insn.text));
    row.addEventListener('keydown', (e) => guestKey(e, row, insn.address, handlers));
    addToGroup(i, row);
    guest.append(row);
  });
  grid.append(column('Guest instructions', guest, listing.guest.length));

  for (const key of ['ops', 'optimizedOps', 'hostCode'] as const) {
    const groups = groupsOf(listing, key);
    const list = h('ol', { class: `code ${key}`, 'aria-label': COLUMN_TITLES[key] });
    listing[key].forEach((text, l) => {
      const li = h('li', { class: 'line', tabindex: -1 }, text === '' ? ' ' : text);
      addToGroup(groups[l], li);
      list.append(li);
    });
    grid.append(column(COLUMN_TITLES[key], list, listing[key].length));
  }

  // Hover and keyboard focus select a group the same way.
  const groupOf = (t: EventTarget | null): number | undefined => {
    const el = (t as HTMLElement | null)?.closest?.('[data-group]') as HTMLElement | null | undefined;
    return el?.dataset.group === undefined ? undefined : Number(el.dataset.group);
  };
  grid.addEventListener('mouseover', (e) => highlight(groupOf(e.target)));
  grid.addEventListener('mouseleave', () => highlight(undefined));
  grid.addEventListener('focusin', (e) => highlight(groupOf(e.target)));
  return grid;
}

function column(title: string, list: HTMLElement, n: number): HTMLElement {
  return h('section', { class: 'trace-column' }, h('h3', {}, title, ' ', h('span', { class: 'count' }, `(${n})`)), list);
}

/** Up/down move between guest instructions; Enter shows the focused one in the Disassembly view. */
function guestKey(e: KeyboardEvent, row: HTMLElement, address: number, handlers: ColumnsHandlers): void {
  const next = e.key === 'ArrowDown' ? row.nextElementSibling : e.key === 'ArrowUp' ? row.previousElementSibling : null;
  if (next instanceof HTMLElement) {
    e.preventDefault();
    row.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  } else if (e.key === 'Enter' && e.target === row) {
    e.preventDefault();
    handlers.revealAddress(address);
  }
}
