/**
 * Launching: the configuration's checks, stopping on entry, guest output, exit status, restart.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { DEMO, GUESTS, Session, session, stopServer } from './support/harness';

describe('debug adapter: launch and exit', function () {
  this.timeout(30000);
  let s: Session;
  beforeEach(async () => { s = await session(); });
  afterEach(async () => { await s.stop(); });
  after(stopServer);

  it('answers initialize with its capabilities and one exception filter per trap kind', async () => {
    const r = await s.dc.initializeRequest();
    const caps = r.body!;
    for (const c of ['supportsConfigurationDoneRequest', 'supportsConditionalBreakpoints', 'supportsHitConditionalBreakpoints', 'supportsLogPoints',
      'supportsFunctionBreakpoints', 'supportsInstructionBreakpoints', 'supportsDataBreakpoints', 'supportsSteppingGranularity',
      'supportsReadMemoryRequest', 'supportsWriteMemoryRequest', 'supportsDisassembleRequest', 'supportsExceptionInfoRequest',
      'supportsRestartRequest', 'supportsTerminateRequest', 'supportsCompletionsRequest', 'supportsSetVariable'] as const) {
      assert.equal(caps[c], true, c);
    }
    assert.deepEqual(caps.exceptionBreakpointFilters!.map((f) => f.filter), [
      'illegal-instruction', 'ebreak', 'instruction-page-fault', 'load-page-fault', 'store-page-fault', 'access-fault', 'misaligned',
      'ecall-u', 'ecall-s', 'ecall-m', 'timer-interrupt', 'software-interrupt', 'external-interrupt']);
  });

  it('runs a guest to the end: its output as stdout events, then exited with its status and terminated', async () => {
    const terminated = s.wait('terminated');
    const ev = await s.launch({ program: DEMO });
    assert.equal(ev.event, 'exited');
    assert.equal(ev.body.exitCode, 7);
    await terminated;
    assert.equal(s.stdout(), 'x=5 f=120 counter=3 traps=3 ticks=1\n');
  });

  it('reports the exit status of the test finisher (42)', async () => {
    const ev = await s.launch({ program: path.join(GUESTS, 'exit-code.elf') });
    assert.equal(ev.event, 'exited');
    assert.equal(ev.body.exitCode, 42);
  });

  it('stops on entry at the program entry point (after the reset code)', async () => {
    const ev = await s.launch({ program: DEMO, stopOnEntry: true });
    assert.equal(ev.event, 'stopped');
    assert.equal(ev.body.reason, 'entry');
    const f = await s.topFrame();
    assert.equal(f.name, '_start');
    assert.equal(f.instructionPointerReference, '0x80000000');
    assert.match(f.source!.path!, /start\.S$/);
  });

  it('runs semihosting guests (console and exit status)', async () => {
    const ev = await s.launch({ program: path.join(GUESTS, 'semihost-asm.elf'), semihosting: true, cwd: GUESTS });
    assert.equal(ev.event, 'exited');
    assert.equal(ev.body.exitCode, 7);
    assert.ok(s.stdout().length > 0);
  });

  it('restart is a system reset: the guest runs again from the start', async () => {
    await s.launch({ program: DEMO, stopOnEntry: true });
    const stopped = s.wait('stopped');
    await s.dc.restartRequest({});
    const ev = await stopped;
    assert.equal(ev.body.reason, 'entry');
    const exited = s.wait('exited');
    await s.dc.continueRequest({ threadId: 1 });
    assert.equal((await exited).body.exitCode, 7);
    assert.equal(s.stdout(), 'x=5 f=120 counter=3 traps=3 ticks=1\n');
  });

  it('symbols: extra ELF files name code in the guest', async () => {
    await s.launch({ program: path.join(GUESTS, 'exit-code.elf'), symbols: [DEMO], stopOnEntry: true });
    assert.match(await s.evaluate('p/x factorial'), /^0x800[0-9a-f]{5}$/);
  });

  it('bios: a firmware file is passed to the system (here it overlaps the program, which is reported)', async () => {
    await s.dc.initializeRequest();
    const r = await s.raw('launch', { type: 'translucent', request: 'launch', program: DEMO, bios: path.join(GUESTS, 'hello-asm.elf') });
    assert.equal(r.success, false);
    assert.match(r.message!, /^program: .*debug-demo\.elf: segment at 0x[0-9a-f]+\.\.0x[0-9a-f]+ overlaps the firmware .*hello-asm\.elf/);
  });

  it('terminate ends the session', async () => {
    await s.launch({ program: DEMO, stopOnEntry: true });
    const terminated = s.wait('terminated');
    await s.dc.terminateRequest();
    await terminated;
  });
});

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-launch-'));
const EMPTY = path.join(TMP, 'empty.bin');
const BROKEN = path.join(TMP, 'broken.elf');
fs.writeFileSync(EMPTY, '');
fs.writeFileSync(BROKEN, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1]), Buffer.alloc(20)]));

describe('debug adapter: launch configuration errors name the attribute', function () {
  this.timeout(20000);
  let s: Session;
  beforeEach(async () => { s = await session(); await s.dc.initializeRequest(); });
  afterEach(async () => { await s.stop(); });

  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['no program', {}, /launch\.program is missing/],
    ['program not a string', { program: 42 }, /launch\.program must be a file name, or a list of assembly source file names, not number 42/],
    ['missing file', { program: '/nonexistent/guest.elf' }, /program: \/nonexistent\/guest\.elf: no such file/],
    ['a directory', { program: GUESTS }, /program: .* is a directory/],
    ['bad ram', { program: DEMO, ram: 'lots' }, /ram: cannot read size "lots"/],
    ['ram of the wrong type', { program: DEMO, ram: true }, /launch\.ram must be a number of bytes or a size/],
    ['ram out of range', { program: DEMO, ram: '1K' }, /ram: 1K is not a RAM size/],
    ['bad engine', { program: DEMO, engine: 'fast' }, /launch\.engine must be one of "jit", "interp"/],
    ['bad stopOnEntry', { program: DEMO, stopOnEntry: 'yes' }, /launch\.stopOnEntry must be true or false/],
    ['bad symbols', { program: DEMO, symbols: ['/nonexistent.elf'] }, /symbols\[0\]: \/nonexistent\.elf: no such file/],
    ['symbols not an array', { program: DEMO, symbols: 'x.elf' }, /launch\.symbols must be an array/],
    ['missing bios file', { program: DEMO, bios: 'nofirmware.bin' }, /bios: .*nofirmware\.bin: no such file/],
    ['missing dtb', { program: DEMO, dtb: 'no.dtb' }, /dtb: .*no\.dtb: no such file/],
    ['bad cwd', { program: DEMO, cwd: '/nonexistent-dir' }, /cwd: \/nonexistent-dir is not a directory/],
    ['an empty file', { program: EMPTY }, /program: .*empty\.bin: is empty/],
    ['a broken ELF', { program: BROKEN }, /program: .*broken\.elf: /],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const r = await s.raw('launch', { type: 'translucent', request: 'launch', ...args });
      assert.equal(r.success, false);
      assert.match(r.message!, message);
    });
  }

  it('a session whose launch failed still answers', async () => {
    await s.raw('launch', {});
    const r = await s.raw('threads');
    assert.equal(r.success, true);
  });
});
