/** `.include`: files found relative to the document, their symbols navigable, their errors shown. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TestClient, hoverText } from './support/client';

const MAIN = [
  '.include "lib/defs.S"', //     0
  '_start: li a0, LIMIT', //      1
  '  PUSH a0', //                 2
  '  j helper', //                3
  '',
].join('\n');

const DEFS = [
  '.equ LIMIT, 10', //            0
  '.macro PUSH reg', //           1
  '  addi sp, sp, -4', //         2
  '  sw \\reg, 0(sp)', //         3
  '.endm', //                     4
  'helper: ret', //               5
  '',
].join('\n');

describe('language server and included files', () => {
  let dir: string;
  let client: TestClient;
  let mainUri: string;
  let defsUri: string;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-lsp-'));
    fs.mkdirSync(path.join(dir, 'lib'));
    fs.writeFileSync(path.join(dir, 'main.S'), MAIN);
    fs.writeFileSync(path.join(dir, 'lib', 'defs.S'), DEFS);
    mainUri = pathToFileURL(path.join(dir, 'main.S')).href;
    defsUri = pathToFileURL(path.join(dir, 'lib', 'defs.S')).href;
    client = await TestClient.start();
    client.open(mainUri, MAIN);
  });

  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('resolves the include relative to the document', async () => {
    assert.deepStrictEqual(await client.diagnostics(mainUri), []);
  });

  it('goes to definitions in the included file, and to the file itself', async () => {
    const where = async (line: number, ch: number) => (await client.definition(mainUri, line, ch)).map((l) => [l.uri, l.range.start.line]);
    assert.deepStrictEqual(await where(1, 17), [[defsUri, 0]]);
    assert.deepStrictEqual(await where(2, 3), [[defsUri, 1]]);
    assert.deepStrictEqual(await where(3, 5), [[defsUri, 5]]);
    assert.deepStrictEqual(await where(0, 12), [[defsUri, 0]]);
  });

  it('hovers on a label from the included file with its address', async () => {
    await client.diagnostics(mainUri);
    const text = hoverText(await client.hover(mainUri, 3, 5));
    assert.match(text, /\*\*helper\*\* — label/);
    assert.match(text, /Address `0x800000[0-9a-f]{2}` in \.text/);
    assert.match(text, /Defined on line 6 of `defs.S`/);
  });

  it('shows an error in the included file on the .include line', async () => {
    await client.diagnostics(mainUri);
    fs.writeFileSync(path.join(dir, 'lib', 'defs.S'), DEFS.replace('helper: ret', 'helper: rett'));
    client.change(mainUri, `${MAIN} `);
    const [d] = await client.diagnostics(mainUri);
    assert.strictEqual(d.message, 'defs.S:6:9: unknown instruction `rett` (did you mean `ret`?)');
    assert.deepStrictEqual(d.range, { start: { line: 0, character: 9 }, end: { line: 0, character: 21 } });
    assert.strictEqual(d.relatedInformation?.[0].location.uri, defsUri);
    assert.deepStrictEqual(d.relatedInformation?.[0].location.range.start, { line: 5, character: 8 });
  });

  it('shows an error in a #include\'d header (C preprocessor) on the #include line, one in a macro at its call', async () => {
    const uri = pathToFileURL(path.join(dir, 'cpp.S')).href;
    fs.writeFileSync(path.join(dir, 'lib', 'regs.h'), '#define BASE 0x10000000\n#define PUT(r) sb r, 0(t0\n    addi a0, a0\n');
    const text = '#include "lib/regs.h"\n_start: li t0, BASE\n  PUT(a0)\n';
    client.open(uri, text);
    const all = await client.diagnostics(uri);
    assert.strictEqual(all.length, 2);
    const header = all.find((d) => String(d.message).startsWith('regs.h'))!;
    assert.strictEqual(String(header.message), 'regs.h:3:5: `addi` takes 3 operands, got 2');
    assert.deepStrictEqual(header.range, { start: { line: 0, character: 9 }, end: { line: 0, character: 21 } });
    const call = all.find((d) => d !== header)!;
    assert.match(String(call.message), /expected a memory operand/);
    assert.strictEqual(call.range.start.line, 2);
  });

  it('knows a .S file\'s #define macros: hover shows the definition, definition goes to it, in headers too', async () => {
    const uri = pathToFileURL(path.join(dir, 'defs.S')).href;
    fs.writeFileSync(path.join(dir, 'lib', 'regs.h'), '#define LSR 5   /* line status */\n');
    const text = '#include "lib/regs.h"\n#define UART 0x10000000\n#define PUT(r) \\\n  sb r, 0(t0)\n_start: li t0, UART\n  lbu t1, LSR(t0)\n  PUT(a0)\n';
    client.open(uri, text);
    assert.deepStrictEqual(await client.diagnostics(uri), []);
    const uart = hoverText(await client.hover(uri, 4, 17));
    assert.match(uart, /\*\*UART\*\* — C preprocessor macro/);
    assert.match(uart, /`#define UART 0x10000000`/);
    assert.match(uart, /Defined on line 2/);
    assert.match(hoverText(await client.hover(uri, 6, 3)), /`#define PUT\(r\) sb r, 0\(t0\)`/);
    assert.match(hoverText(await client.hover(uri, 5, 11)), /`#define LSR 5`[\s\S]*Defined on line 1 of `regs.h`/);
    const where = (await client.definition(uri, 4, 17)).map((l) => [l.uri, l.range.start.line]);
    assert.deepStrictEqual(where, [[uri, 1]]);
  });

  it('assembles a document with the other sources of its folder: their labels are no error here', async () => {
    fs.writeFileSync(path.join(dir, 'uart.S'), '    .globl uputs\nuputs: ret\n');
    const uri = pathToFileURL(path.join(dir, 'caller.S')).href;
    const text = 'caller:\n  call uputs\n  j nowhere\n';
    fs.writeFileSync(path.join(dir, 'caller.S'), text);
    client.open(uri, text);
    const all = await client.diagnostics(uri);
    assert.deepStrictEqual(all.map((d) => [d.range.start.line, String(d.message)]), [[2, 'undefined label `nowhere`']]);
  });

  it('reassembles the including document when an open included one changes', async () => {
    assert.deepStrictEqual(await client.diagnostics(mainUri), []);
    client.open(defsUri, DEFS);
    assert.deepStrictEqual(await client.diagnostics(defsUri), []);
    client.change(defsUri, DEFS.replace('.equ LIMIT, 10', '.equ LIMITS, 10'));
    assert.deepStrictEqual(await client.diagnostics(defsUri), []);
    const diags = await client.diagnostics(mainUri);
    assert.ok(diags.some((d) => d.range.start.line === 1), JSON.stringify(diags));
  });
});
