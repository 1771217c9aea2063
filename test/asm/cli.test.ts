/** `translucent asm`: the command line, its files, messages and exit statuses. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { asmMain } from '../../emulator/asm/cli';

async function run(args: string[]): Promise<{ status: number; stderr: string; stdout: string }> {
  const err: string[] = [];
  const out: string[] = [];
  const origErr = process.stderr.write.bind(process.stderr);
  const origOut = process.stdout.write.bind(process.stdout);
  process.stderr.write = ((s: string) => err.push(String(s)) > 0) as typeof process.stderr.write;
  process.stdout.write = ((s: string) => out.push(String(s)) > 0) as typeof process.stdout.write;
  try {
    const status = await asmMain(args);
    return { status, stderr: err.join(''), stdout: out.join('') };
  } finally {
    process.stderr.write = origErr;
    process.stdout.write = origOut;
  }
}

describe('asm: command line', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-asm-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('assembles and links several files into one executable', async () => {
    fs.writeFileSync(path.join(dir, 'a.S'), '.globl _start\n_start: call f\nj _start\n');
    fs.writeFileSync(path.join(dir, 'b.S'), '.globl f\nf: ret\n');
    const out = path.join(dir, 'out.elf');
    const r = await run([path.join(dir, 'a.S'), path.join(dir, 'b.S'), '-o', out]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stderr, '');
    assert.deepStrictEqual([...fs.readFileSync(out).subarray(0, 4)], [0x7f, 0x45, 0x4c, 0x46]);
  });

  it('prints file:line:col: error: lines and exits 1 without writing the output', async () => {
    const src = path.join(dir, 'bad.S');
    fs.writeFileSync(src, 'nop\n  addi a0, a1\nad a0, a1, a2\n');
    const out = path.join(dir, 'out.elf');
    const r = await run([src, '-o', out]);
    assert.strictEqual(r.status, 1);
    assert.strictEqual(r.stderr, `${src}:2:3: error: \`addi\` takes 3 operands, got 2\n${src}:3:1: error: unknown instruction \`ad\` (did you mean \`add\`?)\n`);
    assert.ok(!fs.existsSync(out));
  });

  it('reports a missing input file', async () => {
    const r = await run([path.join(dir, 'none.S'), '-o', path.join(dir, 'o.elf')]);
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /cannot read .*none\.S: ENOENT/);
  });

  it('explains its usage', async () => {
    assert.strictEqual((await run([])).status, 2);
    assert.strictEqual((await run(['a.S'])).status, 2);
    assert.strictEqual((await run(['--bogus'])).status, 2);
    assert.strictEqual((await run(['a.S', '-o', 'x', '--text-base', 'zz'])).status, 2);
    const help = await run(['--help']);
    assert.strictEqual(help.status, 0);
    assert.match(help.stdout, /Usage: translucent asm/);
  });

  it('takes --text-base', async () => {
    const src = path.join(dir, 'a.S');
    fs.writeFileSync(src, 'nop\n');
    const out = path.join(dir, 'out.elf');
    assert.strictEqual((await run([src, '-o', out, '--text-base', '0x1000'])).status, 0);
    assert.strictEqual(fs.readFileSync(out).readUInt32LE(24), 0x1000);
  });
});
