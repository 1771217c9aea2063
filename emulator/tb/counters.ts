/**
 * Every translation statistics counter, declared once. `--stats`, `info jit`, the debug adapter's
 * `translucent/tbStats` and the Translation Blocks view all derive their rows from this table.
 */

export interface CounterDef {
  readonly label: string;
  readonly description: string;
  readonly unit: 'count' | 'ms' | 'bytes' | 'ops';
}

export const COUNTERS = {
  translations: { label: 'translations', description: 'blocks translated (including retranslations)', unit: 'count' },
  lookups: { label: 'lookups', description: 'next-block lookups that were not satisfied by a chained link', unit: 'count' },
  jumpCacheHits: { label: 'jump cache hits', description: 'lookups answered by the virtual-pc jump cache', unit: 'count' },
  cacheHits: { label: 'cache hits', description: 'lookups answered by the physical translation cache', unit: 'count' },
  cacheMisses: { label: 'cache misses', description: 'lookups that had to translate', unit: 'count' },
  chainedJumps: { label: 'chained jumps', description: 'block-to-block transfers through a direct link', unit: 'count' },
  linksMade: { label: 'links made', description: 'direct links set between blocks', unit: 'count' },
  blockExecutions: { label: 'block entries', description: 'blocks entered from the dispatcher (a self-loop\'s further rounds are counted in its block\'s executions)', unit: 'count' },
  invalidations: { label: 'invalidations', description: 'blocks invalidated by stores to their code', unit: 'count' },
  flushes: { label: 'flushes', description: 'whole-cache flushes (size bound reached)', unit: 'count' },
  traps: { label: 'traps', description: 'exceptions taken from translated code', unit: 'count' },
  interrupts: { label: 'interrupts', description: 'interrupts taken between blocks', unit: 'count' },
  translateMs: { label: 'translation time', description: 'time spent decoding, translating to micro-ops and optimising', unit: 'ms' },
  compilations: { label: 'compilations', description: 'hot blocks compiled to JavaScript', unit: 'count' },
  compileMs: { label: 'compile time', description: 'time spent generating and compiling JavaScript', unit: 'ms' },
  guestBytes: { label: 'guest code', description: 'bytes of guest code translated', unit: 'bytes' },
  compiledGuestBytes: { label: 'compiled guest code', description: 'bytes of guest code compiled to JavaScript', unit: 'bytes' },
  hostBytes: { label: 'host code', description: 'characters of generated JavaScript', unit: 'bytes' },
  opsBefore: { label: 'micro-ops', description: 'micro-ops emitted by the translator', unit: 'ops' },
  opsAfter: { label: 'optimised micro-ops', description: 'micro-ops after optimisation', unit: 'ops' },
} as const satisfies Record<string, CounterDef>;

export type CounterName = keyof typeof COUNTERS;
export type Counters = { [K in CounterName]: number };

export function newCounters(): Counters {
  return Object.fromEntries(Object.keys(COUNTERS).map((k) => [k, 0])) as Counters;
}

/** The counters as `label: value` lines, with derived ratios (hit rate, expansion), for --stats and `info jit`. */
export function formatCounters(c: Counters, extra: Readonly<Record<string, string | number>> = {}): string {
  const rows: [string, string][] = Object.entries(extra).map(([k, v]) => [k, String(v)]);
  for (const [k, def] of Object.entries(COUNTERS) as [CounterName, CounterDef][]) {
    const v = c[k];
    rows.push([def.label, def.unit === 'ms' ? `${v.toFixed(1)} ms` : String(v)]);
  }
  const looked = c.jumpCacheHits + c.cacheHits + c.cacheMisses;
  if (looked) rows.push(['cache hit rate', `${(((c.jumpCacheHits + c.cacheHits) / looked) * 100).toFixed(2)} %`]);
  if (c.compiledGuestBytes) rows.push(['host/guest expansion', `${(c.hostBytes / c.compiledGuestBytes).toFixed(1)}x`]);
  if (c.opsBefore) rows.push(['ops removed by optimiser', `${(((c.opsBefore - c.opsAfter) / c.opsBefore) * 100).toFixed(1)} %`]);
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n');
}
