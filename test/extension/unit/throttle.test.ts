import * as assert from 'node:assert';
import { Throttle } from '../../../extension/views/throttle';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Throttle (view refreshes)', () => {
  it('runs a burst of triggers at most once per interval, ending with the latest state', async () => {
    let runs = 0;
    const t = new Throttle(100, async () => { runs++; await sleep(5); });
    for (let i = 0; i < 20; i++) t.trigger();
    await sleep(30);
    assert.strictEqual(runs, 1);
    for (let i = 0; i < 20; i++) t.trigger();
    await sleep(150);
    assert.strictEqual(runs, 2, 'the triggers during the interval are served once, afterwards');
    t.dispose();
  });

  it('never runs two refreshes at once, and `now` skips the wait', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const t = new Throttle(1000, async () => { active++; most = Math.max(most, active); runs++; await sleep(20); active--; });
    t.now();
    t.now();
    await sleep(5);
    assert.strictEqual(runs, 1, 'calls before the run starts are one run');
    t.now();
    t.now();
    await sleep(80);
    assert.strictEqual(most, 1);
    assert.strictEqual(runs, 2, 'calls during a run are served by one more, right after it');
    t.dispose();
  });

  it('survives a failing refresh', async () => {
    let runs = 0;
    const t = new Throttle(0, async () => { runs++; throw new Error('session gone'); });
    t.now();
    await sleep(10);
    t.now();
    await sleep(10);
    assert.strictEqual(runs, 2);
    t.dispose();
  });
});
