import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'bin', 'translucent.js');
const GUESTS = path.join(ROOT, 'test', 'guests', 'bin');

function run(args: string[], input = '') {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'latin1', timeout: 60000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A bad input must give exactly one line on stderr that names the problem, and no stack trace. */
function assertOneLineError(r: ReturnType<typeof run>, status: number, pattern: RegExp) {
  assert.equal(r.status, status, `exit status (stderr: ${r.stderr})`);
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line, got:\n${r.stderr}`);
  assert.match(lines[0], /^translucent: /);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(r.stderr, /\bat .*\(.*:\d+:\d+\)/, 'no stack trace');
}

describe('cli: translucent run', function () {
  this.timeout(60000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-cli-'));
  const file = (name: string, bytes: Uint8Array | string) => {
    const p = path.join(tmp, name);
    fs.writeFileSync(p, bytes);
    return p;
  };

  it('boots a guest: console on stdout, the guest\'s exit status', () => {
    const ok = run(['run', path.join(GUESTS, 'hello-asm.elf')]);
    assert.equal(ok.status, 0);
    assert.equal(ok.stdout, 'Hello from RISC-V assembly!\n');
    assert.equal(run(['run', path.join(GUESTS, 'exit-code.elf')]).status, 42);
  });

  it('--help documents every option', () => {
    const r = run(['run', '--help']);
    assert.equal(r.status, 0);
    for (const opt of ['--engine', '--semihosting', '--clock', '--ram', '--append', '--max-insns', '--trace', '--stats']) {
      assert.match(r.stdout, new RegExp(`^\\s+${opt}\\b.*\\S+\\s{2,}\\S`, 'm'), `${opt} documented`);
    }
  });

  it('a missing file', () => assertOneLineError(run(['run', path.join(tmp, 'nope.elf')]), 1, /nope\.elf/));
  it('a truncated ELF', () => {
    const elf = fs.readFileSync(path.join(GUESTS, 'hello-asm.elf'));
    assertOneLineError(run(['run', file('trunc.elf', elf.subarray(0, 40))]), 1, /trunc\.elf/);
  });
  it('a 64-bit ELF', () => {
    const elf = Buffer.from(fs.readFileSync(path.join(GUESTS, 'hello-asm.elf')));
    elf[4] = 2; // EI_CLASS = ELFCLASS64
    assertOneLineError(run(['run', file('elf64.elf', elf)]), 1, /64-bit/);
  });
  it('an ELF for another machine', () => {
    const elf = Buffer.from(fs.readFileSync(path.join(GUESTS, 'hello-asm.elf')));
    elf.writeUInt16LE(62, 18); // EM_X86_64
    assertOneLineError(run(['run', file('x86.elf', elf)]), 1, /x86\.elf/);
  });
  it('an unknown option', () => assertOneLineError(run(['run', '--bogus', 'x.elf']), 2, /bogus/));
  it('a bad option value', () => {
    assertOneLineError(run(['run', '--engine', 'fast', path.join(GUESTS, 'hello-asm.elf')]), 2, /--engine/);
    assertOneLineError(run(['run', '--ram', 'lots', path.join(GUESTS, 'hello-asm.elf')]), 2, /--ram/);
    assertOneLineError(run(['run', '--trace', 'in_asm,bogus', path.join(GUESTS, 'hello-asm.elf')]), 2, /bogus/);
    assertOneLineError(run(['run', '--max-insns', '-3', path.join(GUESTS, 'hello-asm.elf')]), 2, /--max-insns/);
    assertOneLineError(run(['run', '--clock', 'sundial', path.join(GUESTS, 'hello-asm.elf')]), 2, /--clock/);
  });
  it('an unknown command', () => assertOneLineError(run(['frobnicate']), 2, /frobnicate/));

  it('--max-insns stops a guest that would run on (exit status 124)', () => {
    const r = run(['run', '--max-insns', '20000', path.join(GUESTS, 'bench-crc.elf')]);
    assert.equal(r.status, 124);
    assert.match(r.stderr, /stopped after \d+ instructions/);
  });

  it('--trace writes QEMU-style listings (in_asm, op, op_opt, out_asm) to a file', () => {
    const out = path.join(tmp, 'trace.txt');
    const r = run(['run', '--trace', `in_asm,op,op_opt,out_asm:${out}`, path.join(GUESTS, 'hello-asm.elf')]);
    assert.equal(r.status, 0);
    const text = fs.readFileSync(out, 'utf8');
    assert.match(text, /^IN: _start$/m);
    assert.match(text, /^0x80000000:  [0-9a-f]{4,8}\s+\S+/m);
    assert.match(text, /^OP:\n ---- 80000000$/m);
    assert.match(text, /^OP after optimization and liveness analysis:$/m);
    assert.match(text, /^OUT: \[size=\d+\]\nfunction tb_80000000\(x, m, h, tb, limit\) \{$/m);
  });

  it('--stats prints the translation counters', () => {
    const r = run(['run', '--stats', path.join(GUESTS, 'hello-c.elf')]);
    assert.equal(r.status, 0);
    for (const label of ['translations', 'cache hit rate', 'chained jumps', 'invalidations', 'translation time', 'micro-ops']) {
      assert.match(r.stderr, new RegExp(`^${label}\\s+\\S`, 'm'), label);
    }
  });

  it('UART input from stdin reaches the guest', () => {
    const r = run(['run', path.join(GUESTS, 'echo.elf')], 'hi there\n');
    assert.equal(r.stdout, 'HI THERE\n');
    assert.equal(r.status, 0);
  });

  it('--clock host runs timer-driven guests on wall-clock time', () => {
    const r = run(['run', '--clock', 'host', path.join(GUESTS, 'interrupts.elf')]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, fs.readFileSync(path.join(ROOT, 'test', 'guests', 'expected', 'interrupts.out'), 'latin1'));
  });

  it('runs repeat exactly (deterministic time)', () => {
    const a = run(['run', '--stats', path.join(GUESTS, 'interrupts.elf')]);
    const b = run(['run', '--stats', path.join(GUESTS, 'interrupts.elf')]);
    assert.equal(a.stdout, b.stdout);
    const count = (s: string) => /^guest instructions\s+(\d+)/m.exec(s)?.[1];
    assert.ok(count(a.stderr));
    assert.equal(count(a.stderr), count(b.stderr));
  });

  it('`translucent asm` assembles a program that `translucent run` then boots', () => {
    const src = file('hi.S', [
      '    .globl _start',
      '_start:',
      '    li s0, 0x10000000',
      '    la s1, msg',
      '1:  lbu a0, 0(s1)',
      '    beqz a0, 2f',
      '    sb a0, 0(s0)',
      '    addi s1, s1, 1',
      '    j 1b',
      '2:  li t0, 0x100000',
      '    li t1, (7 << 16) | 0x3333',
      '    sw t1, 0(t0)',
      '    .data',
      'msg: .asciz "assembled here\\n"',
      '',
    ].join('\n'));
    const elf = path.join(tmp, 'hi.elf');
    const a = run(['asm', src, '-o', elf]);
    assert.equal(a.status, 0, a.stderr);
    const r = run(['run', elf]);
    assert.equal(r.stdout, 'assembled here\n');
    assert.equal(r.status, 7);
    const bad = run(['asm', file('bad.S', 'addi a0, a0\n'), '-o', elf]);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /bad\.S:1:1: error: `addi` takes 3 operands, got 2/);
  });

  it('`translucent run FILE.S...` assembles in memory and boots, several sources linked in order', () => {
    const main = file('main.S', '    .globl _start\n_start:\n    call hello\n    li t0, 0x100000\n    li t1, 0x5555\n    sw t1, 0(t0)\n');
    const lib = file('lib.S', [
      '    .globl hello',
      'hello:',
      '    li t0, 0x10000000',
      '    li t1, 0x4f',
      '    sb t1, 0(t0)',
      '    li t1, 0x4b',
      '    sb t1, 0(t0)',
      '    ret',
      '',
    ].join('\n'));
    const r = run(['run', main, lib]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'OK');
    assert.equal(r.stderr, '');
  });

  it('`translucent run FILE.S` with errors prints each as file:line:col and a summary, exit status 1', () => {
    const bad = file('twobad.S', '_start:\n    addi a0, a0\n    j nowhere\n');
    const r = run(['run', bad]);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 3, r.stderr);
    assert.match(lines[0], /twobad\.S:2:5: error: `addi` takes 3 operands, got 2$/);
    assert.match(lines[1], /twobad\.S:3:7: error: .*nowhere/);
    assert.match(lines[2], /^translucent: .*twobad\.S: 2 assembly errors; nothing to run$/);
    assert.doesNotMatch(r.stderr, /\bat .*\(.*:\d+:\d+\)/, 'no stack trace');
  });

  it('`translucent run` refuses an image mixed with assembly sources', () => {
    assertOneLineError(run(['run', file('m.S', 'nop\n'), path.join(GUESTS, 'hello-asm.elf')]), 2, /hello-asm\.elf is not an assembly source/);
  });
});
