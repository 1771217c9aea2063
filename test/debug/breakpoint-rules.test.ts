import { strict as assert } from 'node:assert';
import { formatLogMessage, parseHitCondition } from '../../emulator/debug/breakpoint-rules';

describe('debug/breakpoint-rules', () => {
  it('parses hit conditions', () => {
    const hits = (text: string) => [1, 2, 3, 4, 5, 6].filter(parseHitCondition(text));
    assert.deepEqual(hits('3'), [3, 4, 5, 6]);
    assert.deepEqual(hits('== 3'), [3]);
    assert.deepEqual(hits('>4'), [5, 6]);
    assert.deepEqual(hits('<= 2'), [1, 2]);
    assert.deepEqual(hits('% 2'), [2, 4, 6]);
    assert.throws(() => parseHitCondition('often'), /not a count/);
    assert.throws(() => parseHitCondition('% 0'), /divides by zero/);
  });

  it('formats log messages with {expressions}', () => {
    const v = (e: string) => { if (e === 'bad') throw new Error('nope'); return `<${e}>`; };
    assert.equal(formatLogMessage('a0={a0} s={{x}} {bad}', v), 'a0=<a0> s={x} <error: nope>');
  });
});
