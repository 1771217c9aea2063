/** What a view re-sends when it needs its state again: only what describes the current session. */
import { strict as assert } from 'node:assert';
import { SessionShown } from '../../../extension/views/session-shown';

type M = { readonly type: string; readonly n: number };

describe('views: what was shown, per session', () => {
  it('keeps the newest message per slot for the current session, and gives nothing for another', () => {
    const shown = new SessionShown<string, M>();
    assert.equal(shown.keep('a', 'a', { type: 'trace', n: 1 }, 'block'), true);
    assert.equal(shown.keep('a', 'a', { type: 'traceError', n: 2 }, 'block'), true);
    assert.equal(shown.keep('a', 'a', { type: 'recent', n: 3 }), true);
    assert.deepEqual(shown.for('a').map((m) => m.n), [2, 3]);
    assert.deepEqual(shown.for('b'), []);
    assert.deepEqual(shown.for(undefined), []);
  });

  it('drops an answer whose session is no longer current, and forgets the old session on the new one\'s first', () => {
    const shown = new SessionShown<string, M>();
    shown.keep('a', 'a', { type: 'stats', n: 1 });
    assert.equal(shown.keep('a', 'b', { type: 'stats', n: 2 }), false);
    assert.deepEqual(shown.for('a').map((m) => m.n), [1]);
    shown.keep('b', 'b', { type: 'machine', n: 3 });
    assert.deepEqual(shown.for('b').map((m) => m.n), [3]);
    assert.deepEqual(shown.for('a'), []);
  });
});
