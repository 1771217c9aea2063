/** The translation cache's jump cache: filled by lookups, forgotten when mappings may have changed. */
import { strict as assert } from 'node:assert';
import { TbCache } from '../../emulator/tb/cache';
import { TranslationBlock } from '../../emulator/tb/block';
import { newCounters } from '../../emulator/tb/counters';
import type { IRBlock } from '../../emulator/ir/ir';

const RAM = 0x80000000;

function block(vpc: number, ppc: number): TranslationBlock {
  return new TranslationBlock(vpc, ppc, 0, [ppc >>> 12], [], 4, {} as IRBlock, [], [], () => 0, '', 0, 1);
}

describe('tb/cache: the jump cache', () => {
  it('answers a virtual pc after a lookup, and not after it is cleared, until the next lookup', () => {
    const cache = new TbCache(new Uint8Array(1024), RAM, 100, newCounters());
    const a = block(0xc0001000, RAM + 0x1000);
    cache.insert(a);
    assert.equal(cache.fast(a.vpc, 0), a);
    cache.clearJumpCache();
    assert.equal(cache.fast(a.vpc, 0), null, 'a cleared entry is not used');
    assert.equal(cache.find(a.vpc, a.ppc, 0), a);
    assert.equal(cache.fast(a.vpc, 0), a, 'filled again by the physical lookup');
    // The same virtual pc now mapped elsewhere: after a clear, only the new mapping's block is found.
    const b = block(0xc0001000, RAM + 0x5000);
    cache.clearJumpCache();
    cache.insert(b);
    assert.equal(cache.fast(b.vpc, 0), b);
    for (let i = 0; i < 10_000; i++) cache.clearJumpCache();
    assert.equal(cache.fast(b.vpc, 0), null);
  });

  it('does not answer for other flags or an invalidated block', () => {
    const cache = new TbCache(new Uint8Array(1024), RAM, 100, newCounters());
    const a = block(0x80000100, RAM + 0x100);
    cache.insert(a);
    assert.equal(cache.fast(a.vpc, 1), null);
    cache.flush();
    assert.equal(cache.fast(a.vpc, 0), null);
  });
});
