/**
 * The adapter as VS Code runs an executable adapter: a child process speaking DAP on stdin/stdout
 * (`node out/debug-adapter/main.js`, which `translucent dap` runs).
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DEMO, GUESTS, ROOT } from './support/harness';

const MAIN = path.join(ROOT, 'out', 'debug-adapter', 'main.js');

function frame(msg: unknown): string {
  const json = JSON.stringify(msg);
  return `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`;
}

describe('debug adapter: stdio server (child process)', function () {
  this.timeout(30000);

  it('debugs a guest end to end over stdin/stdout', async () => {
    const dc = new DebugClient('node', MAIN, 'translucent');
    await dc.start();
    try {
      const out: string[] = [];
      dc.on('output', (e) => { if (e.body.category === 'stdout') out.push(e.body.output); });
      const exited = dc.waitForEvent('exited', 20000);
      await Promise.all([
        dc.waitForEvent('initialized').then(() => dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'factorial' }] })).then(() => dc.configurationDoneRequest()),
        dc.launch({ type: 'translucent', request: 'launch', program: DEMO }),
        dc.assertStoppedLocation('function breakpoint', {}),
      ]);
      const st = await dc.stackTraceRequest({ threadId: 1 });
      assert.equal(st.body.stackFrames[0].name, 'factorial');
      await dc.setFunctionBreakpointsRequest({ breakpoints: [] });
      await dc.continueRequest({ threadId: 1 });
      assert.equal((await exited).body.exitCode, 7);
      assert.equal(out.join(''), 'x=5 f=120 counter=3 traps=3 ticks=1\n');
    } finally {
      await dc.stop();
    }
  });

  it('`translucent dap` survives garbage on stdin and answers the next request; exits when stdin closes', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'translucent.js'), 'dap'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stdin.write('Content-Length: 9\r\n\r\n{not json');
    child.stdin.write(frame({ seq: 2, type: 'request', command: 'launch', arguments: { program: path.join(GUESTS, 'nonexistent.elf') } }));
    child.stdin.write(frame({ seq: 3, type: 'request', command: 'threads' }));
    const responses = () => [...stdout.matchAll(/Content-Length: \d+\r\n\r\n(\{.*?\})(?=Content-Length|$)/gs)]
      .map((m) => JSON.parse(m[1]) as { type: string; request_seq?: number; success?: boolean; message?: string });
    const deadline = Date.now() + 10000;
    while (responses().filter((r) => r.type === 'response').length < 2 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
    const launch = responses().find((r) => r.request_seq === 2)!;
    assert.equal(launch.success, false);
    assert.match(launch.message!, /^program: .*nonexistent\.elf: no such file$/);
    assert.equal(responses().find((r) => r.request_seq === 3)?.success, true);
    const code = new Promise<number | null>((res) => child.on('exit', res));
    child.stdin.end();
    assert.equal(await code, 0);
  });
});
