/** Sorting and filtering the table of blocks: plain data, no DOM (unit-tested in Node). */
import type { TbRow } from '../../../debug-adapter/protocol';
import { count, hex32 } from '../common/format';

export interface TableState {
  sortKey: SortKey;
  descending: boolean;
  filter: string;
}

export type SortKey = 'pc' | 'symbol' | 'executions' | 'guestInsns' | 'guestBytes' | 'opsAfter' | 'hostSize' | 'translateMs' | 'generation';

export interface ColumnDef {
  readonly key: SortKey;
  readonly label: string;
  readonly title: string;
  readonly numeric: boolean;
  readonly cell: (r: TbRow) => string;
}

export const COLUMNS: readonly ColumnDef[] = [
  { key: 'pc', label: 'address', title: 'Virtual address of the first instruction', numeric: false, cell: (r) => hex32(r.pc) },
  { key: 'symbol', label: 'symbol', title: 'Nearest symbol', numeric: false, cell: (r) => r.symbol ?? '' },
  { key: 'executions', label: 'executions', title: 'Times the block was entered', numeric: true, cell: (r) => count(r.executions) },
  { key: 'guestInsns', label: 'insns', title: 'Guest instructions', numeric: true, cell: (r) => String(r.guestInsns) },
  { key: 'guestBytes', label: 'bytes', title: 'Bytes of guest code', numeric: true, cell: (r) => String(r.guestBytes) },
  { key: 'opsAfter', label: 'ops', title: 'Micro-ops before → after optimisation', numeric: true, cell: (r) => `${r.opsBefore} → ${r.opsAfter}` },
  { key: 'hostSize', label: 'JS size', title: 'Characters of generated JavaScript (0: still interpreted)', numeric: true, cell: (r) => (r.hostSize ? count(r.hostSize) : '–') },
  { key: 'translateMs', label: 'translate', title: 'Milliseconds to translate (+ compile)', numeric: true, cell: (r) => (r.translateMs + r.compileMs).toFixed(2) },
  { key: 'generation', label: 'gen', title: 'The how-many-th translation of this address', numeric: true, cell: (r) => String(r.generation) },
];

function sortValue(r: TbRow, key: SortKey): number | string {
  if (key === 'symbol') return r.symbol ?? '';
  if (key === 'translateMs') return r.translateMs + r.compileMs;
  return r[key];
}

export function matches(r: TbRow, filter: string): boolean {
  const f = filter.trim().toLowerCase();
  if (!f) return true;
  return (r.symbol ?? '').toLowerCase().includes(f) || hex32(r.pc).includes(f.replace(/^0x/, ''));
}

export function sortRows(rows: readonly TbRow[], s: TableState): TbRow[] {
  const out = rows.filter((r) => matches(r, s.filter));
  const dir = s.descending ? -1 : 1;
  out.sort((a, b) => {
    const x = sortValue(a, s.sortKey);
    const y = sortValue(b, s.sortKey);
    return (x < y ? -1 : x > y ? 1 : 0) * dir || a.pc - b.pc;
  });
  return out;
}

