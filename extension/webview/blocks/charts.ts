/**
 * Two charts drawn as inline SVG (no library, nothing from the network), coloured from the theme:
 * the hottest blocks by executions, and how many blocks have each size.
 */
import type { TbRow } from '../../../debug-adapter/protocol';
import { h, svg } from '../common/dom';
import { addressLabel, count } from '../common/format';
import { sizeBuckets } from './buckets';

const BAR_H = 16;
const LABEL_W = 170;
const WIDTH = 420;

export function hottestChart(rows: readonly TbRow[], onOpen: (pc: number) => void, n = 10): HTMLElement {
  const top = [...rows].sort((a, b) => b.executions - a.executions).slice(0, n);
  const max = Math.max(1, ...top.map((r) => r.executions));
  const height = top.length * (BAR_H + 4) + 4;
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, class: 'chart', role: 'img', 'aria-label': `The ${top.length} most executed blocks` });
  top.forEach((r, i) => {
    const y = 4 + i * (BAR_H + 4);
    const w = Math.max(1, ((WIDTH - LABEL_W - 60) * r.executions) / max);
    const g = svg('g', { class: 'bar-group', tabindex: 0, role: 'button', 'aria-label': `${addressLabel(r.pc, r.symbol)}: ${count(r.executions)} executions` },
      svg('title', {}, `${addressLabel(r.pc, r.symbol)}: ${count(r.executions)} executions`),
      svg('text', { x: LABEL_W - 6, y: y + BAR_H - 4, 'text-anchor': 'end', class: 'chart-label' }, r.symbol ?? `0x${r.pc.toString(16)}`),
      svg('rect', { x: LABEL_W, y, width: w, height: BAR_H, class: 'bar' }),
      svg('text', { x: LABEL_W + w + 4, y: y + BAR_H - 4, class: 'chart-value' }, count(r.executions)));
    g.addEventListener('click', () => onOpen(r.pc));
    g.addEventListener('keydown', (e) => { if ((e as KeyboardEvent).key === 'Enter') onOpen(r.pc); });
    chart.append(g);
  });
  return h('figure', {}, h('figcaption', {}, 'Hottest blocks (executions)'), top.length ? chart : h('p', { class: 'muted' }, 'No blocks yet.'));
}

export function sizeHistogram(rows: readonly TbRow[]): HTMLElement {
  const buckets = sizeBuckets(rows);
  const max = Math.max(1, ...buckets.map((b) => b.n));
  const colW = WIDTH / buckets.length;
  const plotH = 110;
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${plotH + 34}`, class: 'chart', role: 'img', 'aria-label': 'Blocks by size in guest instructions' });
  buckets.forEach((b, i) => {
    const barH = (plotH * b.n) / max;
    const x = i * colW;
    chart.append(svg('g', {},
      svg('title', {}, `${b.label} instructions: ${b.n} blocks`),
      svg('rect', { x: x + 3, y: plotH - barH + 14, width: colW - 6, height: Math.max(barH, b.n ? 1 : 0), class: 'bar' }),
      svg('text', { x: x + colW / 2, y: plotH - barH + 10, 'text-anchor': 'middle', class: 'chart-value' }, b.n ? String(b.n) : ''),
      svg('text', { x: x + colW / 2, y: plotH + 28, 'text-anchor': 'middle', class: 'chart-label' }, b.label)));
  });
  return h('figure', {}, h('figcaption', {}, 'Block sizes (guest instructions per block)'), chart);
}
