/** The status bar item's text for a `translucent/stats` event (no VS Code API: unit-tested in Node). */
import type { StatsEventBody } from '../../debug-adapter/protocol';

export function formatSpeed(body: Pick<StatsEventBody, 'running' | 'instructionsPerSecond' | 'blocksInCache'>): string {
  const blocks = `${body.blocksInCache.toLocaleString('en-US')} TBs`;
  if (!body.running) return `$(debug-pause) Translucent: paused · ${blocks}`;
  const mips = body.instructionsPerSecond / 1e6;
  return `$(pulse) Translucent: ${mips.toFixed(mips < 10 ? 2 : 1)} MIPS · ${blocks}`;
}
