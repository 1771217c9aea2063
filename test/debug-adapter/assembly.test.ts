/**
 * F5 on assembly: a launch whose program is `.S` sources assembles them in memory and boots the
 * result, with source-level debugging on the `.S` lines; assembly errors fail the launch, reach the
 * client as a `translucent/assembly` event (for the Problems view) and the debug console.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { ROOT, Session, session, stopServer } from './support/harness';
import type { AssemblyEventBody } from '../../debug-adapter/protocol';

const HELLO = path.join(ROOT, 'test', 'guests', 'src', 'hello-asm.S');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-asm-launch-'));
const write = (name: string, text: string) => {
  const p = path.join(TMP, name);
  fs.writeFileSync(p, text);
  return p;
};
const lineOf = (file: string, text: string) => fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;

// Two sources linked together: main.S calls `print` defined in lib.S.
const MAIN = write('main.S', [
  '    .globl _start',
  '_start:',
  '    la a0, greeting',
  '    call print',
  '    li t0, 0x100000',
  '    li t1, 0x5555',
  '    sw t1, 0(t0)',
  '1:  j 1b',
  '    .data',
  'greeting: .asciz "two files, one program\\n"',
  '',
].join('\n'));
const LIB = write('lib.S', [
  '    .globl print',
  'print:                      # a0: NUL-terminated string',
  '    li t0, 0x10000000',
  '1:  lbu t1, 0(a0)',
  '    beqz t1, 2f',
  '    sb t1, 0(t0)',
  '    addi a0, a0, 1',
  '    j 1b',
  '2:  ret',
  '',
].join('\n'));
const BAD = write('bad.S', [
  '_start:',
  '    addi a0, a0',
  '    li a1, 5000',
  '    addi a1, a1, 5000',
  '    j nowhere',
  '',
].join('\n'));

const assemblyEvents = (s: Session) => s.events.filter((e) => e.event === 'translucent/assembly').map((e) => e.body as AssemblyEventBody);

describe('debug adapter: assembly sources as the program', function () {
  this.timeout(30000);
  let s: Session;
  beforeEach(async () => { s = await session(); });
  afterEach(async () => { await s.stop(); });
  after(stopServer);

  it('assembles a .S file at launch and runs it to its exit, reporting no problems', async () => {
    const ev = await s.launch({ program: HELLO });
    assert.equal(ev.event, 'exited');
    assert.equal(ev.body.exitCode, 0);
    assert.equal(s.stdout(), 'Hello from RISC-V assembly!\n');
    assert.deepEqual(assemblyEvents(s), [{ files: [HELLO], diagnostics: [] }]);
  });

  it('debugs at the source level: stops on entry at _start\'s line, and at a breakpoint on a .S line', async () => {
    const line = lineOf(HELLO, 'sb a0, 0(s0)');
    let verified: DebugProtocol.Breakpoint[] = [];
    const ev = await s.launch({ program: HELLO, stopOnEntry: true }, async () => {
      verified = (await s.dc.setBreakpointsRequest({ source: { path: HELLO }, breakpoints: [{ line }] })).body.breakpoints;
    });
    assert.equal(ev.body.reason, 'entry');
    assert.equal(verified[0].verified, true);
    assert.equal(verified[0].line, line);
    let f = await s.topFrame();
    assert.equal(f.name, '_start');
    assert.equal(f.source?.path, HELLO);
    assert.equal(f.line, lineOf(HELLO, 'li s0, 0x10000000'));

    const hit = await s.continueTo();
    assert.equal(hit.body.reason, 'breakpoint');
    f = await s.topFrame();
    assert.equal(f.line, line);
    assert.equal(await s.evaluate('$a0'), '72 (0x48)'); // 'H', the first byte of the message
  });

  it('steps through .S lines: over a call (the callee runs), into one, and out again', async () => {
    const echo = path.join(ROOT, 'examples', 'asm', 'echo.S');
    await s.launch({ program: echo, stopOnEntry: true });
    const step = async (kind: 'next' | 'stepIn' | 'stepOut') => {
      const stopped = s.wait('stopped');
      await s.dc[`${kind}Request`]({ threadId: 1 });
      assert.equal((await stopped).body.reason, 'step');
      return s.topFrame();
    };
    const at = (f: DebugProtocol.StackFrame) => fs.readFileSync(echo, 'utf8').split('\n')[f.line - 1].trim();
    assert.equal(at(await s.topFrame()), 'li s0, UART');
    assert.equal(at(await step('next')), 'la a0, banner');
    assert.equal(at(await step('next')), 'call puts');
    assert.equal(at(await step('next')), 'call getc', 'stepped over puts');
    assert.match(s.stdout(), /^Hello from the Translucent assembly example!/);
    const inner = await step('stepIn');
    assert.equal(inner.name, 'getc');
    assert.equal(at(inner), 'lbu t0, LSR(s0)');
    // getc waits for a byte: give it one, then step out to the caller's next line.
    await s.req('translucent/sendInput', { text: 'x' });
    const back = await step('stepOut');
    assert.match(back.name, /^echo\+0x[0-9a-f]+$/);
    assert.equal(at(back), "li t1, 'a'");
  });

  it('assembles a list of sources together, in order (a call across files)', async () => {
    const ev = await s.launch({ program: [MAIN, LIB] });
    assert.equal(ev.event, 'exited');
    assert.equal(ev.body.exitCode, 0);
    assert.equal(s.stdout(), 'two files, one program\n');
  });

  it('resolves relative source names against cwd', async () => {
    const ev = await s.launch({ program: ['main.S', 'lib.S'], cwd: TMP, stopOnEntry: true });
    assert.equal(ev.body.reason, 'entry');
    assert.equal((await s.topFrame()).source?.path, MAIN);
  });

  it('fails the launch on assembly errors, naming the first, and sends every error with its place', async () => {
    await s.dc.initializeRequest();
    const r = await s.raw('launch', { type: 'translucent', request: 'launch', program: BAD });
    assert.equal(r.success, false);
    assert.equal(r.message, 'program: bad.S did not assemble (3 errors; the first: bad.S:2:5: `addi` takes 3 operands, got 2)');
    const [report] = assemblyEvents(s);
    assert.deepEqual(report.files, [BAD]);
    assert.deepEqual(report.diagnostics.map((d) => [d.file, d.line, d.column, d.severity]), [
      [BAD, 2, 5, 'error'], [BAD, 4, 18, 'error'], [BAD, 5, 7, 'error'],
    ]);
    assert.match(report.diagnostics[1].message, /5000 does not fit in 12 bits/);
    assert.match(report.diagnostics[2].message, /nowhere/);
    // The debug console has them too, as compilers print them (VS Code links file:line:col).
    const console = s.output.filter((o) => o.body.category === 'stderr').map((o) => o.body.output).join('');
    assert.match(console, new RegExp(`^${BAD.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:2:5: error: \`addi\` takes 3 operands, got 2$`, 'm'));
    // The session is still usable: no guest, but requests are answered.
    assert.equal((await s.raw('threads')).success, true);
  });

  it('reports an undefined label across files against the file that uses it', async () => {
    await s.dc.initializeRequest();
    const r = await s.raw('launch', { type: 'translucent', request: 'launch', program: [MAIN] });
    assert.equal(r.success, false);
    assert.match(r.message!, /^program: main\.S did not assemble \(1 error; the first: main\.S:4:\d+: .*print/);
  });

  const cases: [string, unknown, RegExp][] = [
    ['an empty list', [], /^program: the list of assembly sources is empty$/],
    ['an image in a list', [MAIN, path.join(ROOT, 'examples', 'c', 'hello.elf')], /^program\[1\]: .*hello\.elf is not an assembly source/],
    ['a missing source', [MAIN, 'nope.S'], /^program\[1\]: .*nope\.S: no such file$/],
    ['a source listed twice', [MAIN, LIB, MAIN], /^program\[2\]: .*main\.S is listed twice$/],
    ['a list of numbers', [1, 2], /launch\.program must be a file name, or a list of assembly source file names/],
  ];
  for (const [name, program, message] of cases) {
    it(`rejects ${name}`, async () => {
      await s.dc.initializeRequest();
      const r = await s.raw('launch', { type: 'translucent', request: 'launch', program, cwd: TMP });
      assert.equal(r.success, false);
      assert.match(r.message!, message);
    });
  }

  describe('restart after the program changed', () => {
    const breakLine = (file: string) => lineOf(file, 'sb a0, 0(s0)');

    it('reassembles edited sources, moves the breakpoints with the code (same ids) and stops there', async () => {
      const file = write('edited.S', fs.readFileSync(HELLO, 'utf8'));
      let before: DebugProtocol.Breakpoint | undefined;
      await s.launch({ program: file, stopOnEntry: true }, async () => {
        before = (await s.dc.setBreakpointsRequest({ source: { path: file }, breakpoints: [{ line: breakLine(file) }] })).body.breakpoints[0];
      });
      const bpId = before!.id!;
      // Code added above the breakpoint's line, on an existing line: the line's code moves 6 bytes on (c.lui + addi).
      fs.writeFileSync(file, fs.readFileSync(HELLO, 'utf8').replace('la s1, msg', 'la s1, msg; li t2, 0x12345'));
      const changed = s.wait('breakpoint');
      const entry = s.wait('stopped');
      await s.dc.restartRequest({});
      const moved = (await changed).body.breakpoint as DebugProtocol.Breakpoint;
      assert.equal(moved.id, bpId);
      assert.equal(moved.verified, true);
      assert.equal(moved.line, breakLine(file));
      assert.equal(parseInt(moved.instructionReference!, 16), parseInt(before!.instructionReference!, 16) + 6);
      assert.equal((await entry).body.reason, 'entry');
      const hit = await s.continueTo();
      assert.equal(hit.body.reason, 'breakpoint');
      assert.deepEqual(hit.body.hitBreakpointIds, [bpId]);
      assert.equal((await s.topFrame()).line, breakLine(file));
      assert.ok(s.output.some((o) => /edited\.S changed: restarting with the new program/.test(o.body.output)));
    });

    it('refuses to restart with sources that no longer assemble, and keeps the guest as it was', async () => {
      const file = write('breaks.S', fs.readFileSync(HELLO, 'utf8'));
      await s.launch({ program: file, stopOnEntry: true });
      const pc = (await s.topFrame()).instructionPointerReference;
      fs.writeFileSync(file, `${fs.readFileSync(HELLO, 'utf8')}\n    addi a0, a0\n`);
      const r = await s.raw('restart', {});
      assert.equal(r.success, false);
      assert.match(r.message!, /^program: breaks\.S did not assemble \(1 error; the first: breaks\.S:\d+:5: `addi` takes 3 operands, got 2\)$/);
      assert.equal(assemblyEvents(s).at(-1)!.diagnostics.length, 1);
      assert.equal((await s.topFrame()).instructionPointerReference, pc);
      const exited = s.wait('exited');
      await s.dc.continueRequest({ threadId: 1 });
      assert.equal((await exited).body.exitCode, 0);
    });

    it('boots a rebuilt ELF on restart', async () => {
      const elf = path.join(TMP, 'rebuilt.elf');
      fs.copyFileSync(path.join(ROOT, 'test', 'guests', 'bin', 'exit-code.elf'), elf);
      const first = await s.launch({ program: elf });
      assert.equal(first.body.exitCode, 42);
      fs.copyFileSync(path.join(ROOT, 'test', 'guests', 'bin', 'hello-asm.elf'), elf);
      const exited = s.wait('exited');
      await s.dc.restartRequest({});
      assert.equal((await exited).body.exitCode, 0);
      assert.match(s.stdout(), /Hello from RISC-V assembly!/);
    });
  });
});
