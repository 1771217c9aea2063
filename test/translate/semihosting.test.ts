import * as assert from 'assert';
import { isSemihostingCall } from '../../emulator/translate/semihosting';
import { CodeEnv, dec, translateOne } from './fixtures';

const SLLI = 0x01f01013;
const EBREAK = 0x00100073;
const SRAI = 0x40705013;

describe('translate/semihosting', () => {
  it('recognises slli x0,x0,31; ebreak; srai x0,x0,7 when enabled', () => {
    const env = new CodeEnv(0x80000000, [SLLI, EBREAK, SRAI], undefined, true);
    assert.strictEqual(isSemihostingCall(env, 0x80000004, EBREAK), true);
  });
  it('ignores it when disabled, for c.ebreak, or with other neighbours', () => {
    assert.strictEqual(isSemihostingCall(new CodeEnv(0x80000000, [SLLI, EBREAK, SRAI], undefined, false), 0x80000004, EBREAK), false);
    assert.strictEqual(isSemihostingCall(new CodeEnv(0x80000000, [SLLI, 0x9002, 0x0001, SRAI], undefined, true), 0x80000004, 0x9002), false);
    assert.strictEqual(isSemihostingCall(new CodeEnv(0x80000000, [0x00000013, EBREAK, SRAI], undefined, true), 0x80000004, EBREAK), false);
    assert.strictEqual(isSemihostingCall(new CodeEnv(0x80000000, [SLLI, EBREAK, 0x00000013], undefined, true), 0x80000004, EBREAK), false);
  });
  it('requires the three instructions in one page', () => {
    // ebreak at 0x...ffc: the srai is in the next page.
    const env = new CodeEnv(0x80000ff8, [SLLI, EBREAK, SRAI], undefined, true);
    assert.strictEqual(isSemihostingCall(env, 0x80000ffc, EBREAK), false);
    assert.deepStrictEqual(env.fetched, []);
    const atStart = new CodeEnv(0x80000ffc, [SLLI, EBREAK, SRAI], undefined, true);
    assert.strictEqual(isSemihostingCall(atStart, 0x80001000, EBREAK), false);
  });
  it('treats an unfetchable neighbour as no sequence', () => {
    const env = new CodeEnv(0x80000004, [EBREAK, SRAI], undefined, true);
    assert.strictEqual(isSemihostingCall(env, 0x80000004, EBREAK), false);
  });
  it('makes ebreak a semihosting call that continues after the ebreak', () => {
    const env = new CodeEnv(0x80000000, [SLLI, EBREAK, SRAI], undefined, true);
    const one = translateOne(dec('ebreak', { raw: EBREAK }), 0x80000004, 1, env);
    assert.deepStrictEqual(one.lines, ['call semihosting', 'mov_i32 pc,$0x80000008', 'exit_tb $0x2']);
    const plain = translateOne(dec('ebreak', { raw: EBREAK }), 0x80000004, 1, new CodeEnv(0x80000000, [SLLI, EBREAK, SRAI]));
    assert.deepStrictEqual(plain.lines, ['call ebreak', 'exit_tb $0x2']);
  });
});
