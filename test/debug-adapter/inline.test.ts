/**
 * The session run inline, as the extension embeds it (DebugAdapterInlineImplementation): messages in
 * through handleMessage, out through onDidSendMessage, no streams.
 */
import { strict as assert } from 'node:assert';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { TranslucentSession } from '../../debug-adapter/main';
import { DEMO } from './support/harness';

describe('debug adapter: inline session', function () {
  this.timeout(20000);

  it('debugs a guest to its exit through handleMessage / onDidSendMessage', async () => {
    const session = new TranslucentSession();
    const seen: DebugProtocol.ProtocolMessage[] = [];
    const waiters: [(m: DebugProtocol.ProtocolMessage) => boolean, (m: DebugProtocol.ProtocolMessage) => void][] = [];
    session.onDidSendMessage((m) => {
      const msg = m as DebugProtocol.ProtocolMessage;
      seen.push(msg);
      for (const w of [...waiters]) if (w[0](msg)) { waiters.splice(waiters.indexOf(w), 1); w[1](msg); }
    });
    const next = (test: (m: DebugProtocol.ProtocolMessage) => boolean) => new Promise<DebugProtocol.ProtocolMessage>((res) => {
      const found = seen.find(test);
      if (found) res(found);
      else waiters.push([test, res]);
    });
    let seq = 1;
    const request = (command: string, args?: unknown) => {
      const s = seq++;
      session.handleMessage({ seq: s, type: 'request', command, arguments: args } as DebugProtocol.Request);
      return next((m) => m.type === 'response' && (m as DebugProtocol.Response).request_seq === s) as Promise<DebugProtocol.Response>;
    };
    const isEvent = (name: string) => (m: DebugProtocol.ProtocolMessage) => m.type === 'event' && (m as DebugProtocol.Event).event === name;

    assert.equal((await request('initialize', { adapterID: 'translucent', pathFormat: 'path' })).success, true);
    const launched = request('launch', { program: DEMO });
    await next(isEvent('initialized'));
    await request('setFunctionBreakpoints', { breakpoints: [{ name: 'add' }] });
    await request('configurationDone');
    assert.equal((await launched).success, true);
    const stopped = await next(isEvent('stopped')) as DebugProtocol.StoppedEvent;
    assert.equal(stopped.body.reason, 'function breakpoint');
    const st = await request('stackTrace', { threadId: 1 }) as DebugProtocol.StackTraceResponse;
    assert.equal(st.body.stackFrames[0].name, 'add');
    await request('setFunctionBreakpoints', { breakpoints: [] });
    await request('continue', { threadId: 1 });
    const exited = await next(isEvent('exited')) as DebugProtocol.ExitedEvent;
    assert.equal(exited.body.exitCode, 7);
    await request('disconnect', {});
  });
});
