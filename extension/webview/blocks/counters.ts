/** The translator's headline numbers, then every counter with its description as a tooltip. */
import type { StatsEventBody, TbStats } from '../../../debug-adapter/protocol';
import { h } from '../common/dom';
import { count, ms, percent } from '../common/format';

function value(stats: TbStats, name: string): number {
  return stats.counters.find((c) => c.name === name)?.value ?? 0;
}

function card(label: string, text: string, title: string): HTMLElement {
  return h('div', { class: 'card', title }, h('div', { class: 'card-value' }, text), h('div', { class: 'card-label' }, label));
}

export function renderCounters(stats: TbStats, live: StatsEventBody | undefined, runMs: number): HTMLElement {
  const d = stats.derived;
  const translating = value(stats, 'translateMs') + value(stats, 'compileMs');
  const headline = h('div', { class: 'cards', role: 'list', 'aria-label': 'Translator summary' },
    card('TBs in cache', count(d.blocksInCache), 'Valid translation blocks in the cache now'),
    card('cache hit rate', percent(d.cacheHitRate), 'Lookups answered by the jump cache or the translation cache'),
    card('translations', count(value(stats, 'translations')), 'Blocks translated, including retranslations'),
    card('invalidations', count(value(stats, 'invalidations')), 'Blocks invalidated by stores to their code'),
    card('flushes', count(value(stats, 'flushes')), 'Whole-cache flushes (size bound reached)'),
    card('translation time', runMs > 0 ? percent(Math.min(1, translating / runMs)) : ms(translating),
      `Translating and compiling: ${ms(translating)} of ${ms(runMs)} the guest has run (wall clock)`),
    card('host/guest expansion', d.hostGuestExpansion === null ? '–' : `${d.hostGuestExpansion.toFixed(1)}×`,
      'Characters of generated JavaScript per byte of compiled guest code'),
    card('guest instructions', count(d.guestInstructions), 'Instructions retired since reset'),
    ...(live?.running ? [card('speed', `${(live.instructionsPerSecond / 1e6).toFixed(2)} MIPS`, 'Guest instructions per second, lately')] : []));
  for (const c of headline.children) c.setAttribute('role', 'listitem');

  const table = h('table', { class: 'counters' }, h('caption', {}, 'All counters'));
  for (const c of stats.counters) {
    table.append(h('tr', { title: c.description }, h('th', { scope: 'row' }, c.label), h('td', {}, c.unit === 'ms' ? ms(c.value) : count(c.value))));
  }
  return h('section', { class: 'counters-section', 'aria-label': 'Counters' }, headline,
    h('details', {}, h('summary', {}, 'All counters'), table));
}
