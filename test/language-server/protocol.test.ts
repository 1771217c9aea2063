/** The language server driven over the protocol, one feature at a time, on one sample program. */
import * as assert from 'assert';
import { assemble } from '../../emulator/asm/assemble';
import { TestClient, hoverText } from './support/client';

const URI = 'file:///work/sample/prog.S';
const PATH = '/work/sample/prog.S';

/** Lines are numbered in comments (0-based, as the protocol counts them). */
const SAMPLE = [
  '# A sample program', //                        0
  '.equ UART, 0x10000000', //                     1
  '.text', //                                     2
  '.globl _start', //                             3
  '_start:', //                                   4
  '    li a0, 5', //                              5
  '1:  addi a0, a0, -1', //                       6
  '    bnez a0, 1b', //                           7
  '    la t0, msg', //                            8
  '    csrr t1, mstatus', //                      9
  '    call helper', //                           10
  'loop: j loop', //                              11
  'helper:', //                                   12
  '    lui a1, %hi(UART)', //                     13
  '    sw a0, %lo(UART)(a1)', //                  14
  '    ret', //                                   15
  '.data', //                                     16
  'msg: .asciz "hi"', //                          17
  '', //                                          18
].join('\n');

const labels = (items: readonly { label: string }[]) => items.map((i) => i.label);

describe('language server over the protocol', () => {
  let client: TestClient;

  beforeEach(async () => {
    client = await TestClient.start();
  });

  afterEach(async () => {
    await client.stop();
  });

  describe('diagnostics', () => {
    it('publishes nothing for a program that assembles', async () => {
      client.open(URI, SAMPLE);
      assert.deepStrictEqual(await client.diagnostics(URI), []);
    });

    it('publishes every error of the file with its range and message', async () => {
      client.open(URI, 'addi a0, a1\n  nop\n  j nowhere\n  frob a0\n');
      const diags = await client.diagnostics(URI);
      assert.deepStrictEqual(diags.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message]), [
        [0, 0, 0, 11, '`addi` takes 3 operands, got 2'],
        [2, 4, 2, 11, 'undefined label `nowhere`'],
        [3, 2, 3, 6, 'unknown instruction `frob`'],
      ]);
      assert.ok(diags.every((d) => d.severity === 1 && d.source === 'translucent-as'));
    });

    it('updates them as the document changes', async () => {
      client.open(URI, SAMPLE);
      assert.deepStrictEqual(await client.diagnostics(URI), []);
      client.change(URI, SAMPLE.replace('addi a0, a0, -1', 'addi a0, a0, 5000'));
      const diags = await client.diagnostics(URI);
      assert.strictEqual(diags.length, 1);
      assert.strictEqual(diags[0].message, 'immediate 5000 does not fit in 12 bits (-2048..2047); use li');
      assert.deepStrictEqual(diags[0].range, { start: { line: 6, character: 17 }, end: { line: 6, character: 21 } });
      client.change(URI, SAMPLE);
      assert.deepStrictEqual(await client.diagnostics(URI), []);
    });

    it('clears them when the document closes', async () => {
      client.open(URI, 'bogus\n');
      assert.strictEqual((await client.diagnostics(URI)).length, 1);
      client.closeDocument(URI);
      assert.deepStrictEqual(await client.diagnostics(URI), []);
    });
  });

  describe('hover', () => {
    beforeEach(async () => {
      client.open(URI, SAMPLE);
      await client.diagnostics(URI);
    });

    it('explains a mnemonic: description, syntax, encoding and micro-ops', async () => {
      const h = await client.hover(URI, 6, 5);
      const text = hoverText(h);
      assert.match(text, /\*\*addi\*\* — instruction/);
      assert.match(text, /Add immediate: rd = rs1 \+ imm\./);
      assert.match(text, /addi rd, rs1, imm/);
      assert.match(text, /I-type, 32 bits, match `0x00000013`, mask `0x0000707f`/);
      assert.match(text, /\| 31:20 \| 19:15 \| 14:12 \| 11:7 \| 6:0 \|/);
      assert.match(text, /\| imm\[11:0\] \| rs1 \| 000 \| rd \| 0010011 \|/);
      assert.match(text, /Micro-ops\*\* the translator emits for `addi a0, a1, 16`/);
      assert.match(text, / add_i32 x10\/a0,x11\/a1,\$0x10/);
      assert.deepStrictEqual(h!.range, { start: { line: 6, character: 4 }, end: { line: 6, character: 8 } });
    });

    it('explains a pseudo-instruction with what it stands for', async () => {
      const text = hoverText(await client.hover(URI, 7, 5));
      assert.match(text, /\*\*bnez\*\* — pseudo-instruction/);
      assert.match(text, /`bnez rs1, target` is `bne rs1, zero, target`/);
      assert.match(text, /brcond_i32 x10\/a0,\$0x0,ne,\$L0/);
    });

    it('shows the instructions a macro assembles to', async () => {
      const text = hoverText(await client.hover(URI, 5, 5));
      assert.match(text, /\*\*li\*\* — pseudo-instruction/);
      assert.match(text, /assembled as `lui a0,0x12345`, `addi a0,a0,1656`/);
    });

    it('names a register and its role', async () => {
      const text = hoverText(await client.hover(URI, 6, 9));
      assert.match(text, /\*\*a0\*\* — register x10/);
      assert.match(text, /Function argument; return value/);
    });

    it('describes a CSR with its number, privilege, access and fields', async () => {
      const text = hoverText(await client.hover(URI, 9, 15));
      assert.match(text, /\*\*mstatus\*\* — CSR 0x300, read\/write, machine level and above/);
      assert.match(text, /Implemented by Translucent's hart/);
      assert.match(text, /\| 3 \| MIE \| Machine interrupts enabled \|/);
      assert.match(text, /\| 12:11 \| MPP \|/);
    });

    it('gives a label its address from the last assembly', async () => {
      const expected = assemble([{ path: PATH, text: SAMPLE }]).symbols.find((s) => s.name === 'loop')!.address;
      const text = hoverText(await client.hover(URI, 11, 9));
      assert.match(text, /\*\*loop\*\* — label/);
      assert.ok(text.includes(`Address \`0x${expected.toString(16)}\` in .text, local`), text);
      assert.match(text, /Defined on line 12/);
    });

    it('gives a constant its value', async () => {
      const text = hoverText(await client.hover(URI, 13, 17));
      assert.match(text, /\*\*UART\*\* — constant/);
      assert.match(text, /Value 268435456 \(`0x10000000`\)/);
    });

    it('finds the instance a numeric local label reference means', async () => {
      const text = hoverText(await client.hover(URI, 7, 14));
      assert.match(text, /\*\*1:\*\* — numeric local label/);
      assert.match(text, /Address `0x8000000[0-9a-f]`/);
      assert.match(text, /Defined on line 7/);
    });

    it('explains relocation operators', async () => {
      const text = hoverText(await client.hover(URI, 13, 13));
      assert.match(text, /\*\*%hi\*\* — relocation operator/);
    });

    it('has nothing to say about a comment', async () => {
      assert.strictEqual(await client.hover(URI, 0, 4), null);
    });
  });

  describe('completion', () => {
    const doc = (line: string) => `${SAMPLE}${line}`;
    const lastLine = 18;

    it('offers mnemonics, pseudo-instructions and directives where a statement starts', async () => {
      client.open(URI, doc('    '));
      const items = labels(await client.completion(URI, lastLine, 4));
      for (const name of ['addi', 'li', 'call', 'c.addi', 'amoadd.w.aqrl', '.word', '.section']) assert.ok(items.includes(name), name);
    });

    it('offers only directives after a dot', async () => {
      client.open(URI, doc('  .gl'));
      const items = await client.completion(URI, lastLine, 5);
      assert.ok(labels(items).includes('.globl'));
      assert.ok(items.every((i) => i.label.startsWith('.')));
      assert.deepStrictEqual((items[0] as { textEdit?: { range: unknown } }).textEdit?.range, { start: { line: lastLine, character: 2 }, end: { line: lastLine, character: 5 } });
    });

    it('offers registers in a register operand', async () => {
      client.open(URI, doc('  addi a0, '));
      const items = labels(await client.completion(URI, lastLine, 11));
      assert.ok(items.includes('a0') && items.includes('zero') && items.includes('t6'));
      assert.ok(!items.includes('mstatus'));
    });

    it('offers CSR names in a CSR operand', async () => {
      client.open(URI, doc('  csrr a0, '));
      const items = labels(await client.completion(URI, lastLine, 11));
      assert.ok(items.includes('mstatus') && items.includes('satp') && items.includes('mhartid'));
      assert.ok(!items.includes('a0'));
    });

    it('offers labels and constants in a target operand', async () => {
      client.open(URI, doc('  j '));
      const items = labels(await client.completion(URI, lastLine, 4));
      for (const name of ['loop', 'helper', 'msg', '_start', 'UART']) assert.ok(items.includes(name), name);
      assert.ok(!items.includes('a0'));
    });

    it('offers the base register inside offset(base)', async () => {
      client.open(URI, doc('  lw a0, 8('));
      const items = labels(await client.completion(URI, lastLine, 11));
      assert.ok(items.includes('sp'));
    });

    it('offers relocation operators after %', async () => {
      client.open(URI, doc('  lui a0, %'));
      const items = labels(await client.completion(URI, lastLine, 11));
      assert.deepStrictEqual(items.sort(), ['%hi', '%lo', '%pcrel_hi', '%pcrel_lo']);
    });

    it('offers nothing in a comment', async () => {
      client.open(URI, doc('  nop # ad'));
      assert.deepStrictEqual(await client.completion(URI, lastLine, 10), []);
    });
  });

  describe('signature help', () => {
    it('shows the operands with the current one active and explained', async () => {
      client.open(URI, `${SAMPLE}  addi a0, `);
      const help = await client.signatureHelp(URI, 18, 11);
      assert.ok(help !== null);
      assert.strictEqual(help.activeParameter, 1);
      const sig = help.signatures[help.activeSignature ?? 0];
      assert.strictEqual(sig.label, 'addi rd, rs1, imm');
      assert.deepStrictEqual(sig.parameters!.map((p) => p.label), [[5, 7], [9, 12], [14, 17]]);
      assert.strictEqual(sig.parameters![2].documentation, 'imm: immediate, -2048..2047');
    });

    it('lists every spelling and picks the one with as many operands as written', async () => {
      client.open(URI, `${SAMPLE}  jalr a0, a1, `);
      const help = (await client.signatureHelp(URI, 18, 15))!;
      assert.deepStrictEqual(help.signatures.map((s) => s.label), ['jalr rd, imm(rs1)', 'jalr rs1', 'jalr imm(rs1)', 'jalr rd, rs1', 'jalr rd, rs1, imm']);
      assert.strictEqual(help.signatures[help.activeSignature!].label, 'jalr rd, rs1, imm');
      assert.strictEqual(help.activeParameter, 2);
    });
  });

  describe('navigation', () => {
    beforeEach(() => client.open(URI, SAMPLE));

    it('goes to a label, a numeric local label and a constant', async () => {
      assert.deepStrictEqual((await client.definition(URI, 10, 10)).map((l) => l.range.start), [{ line: 12, character: 0 }]);
      assert.deepStrictEqual((await client.definition(URI, 7, 14)).map((l) => l.range.start), [{ line: 6, character: 0 }]);
      assert.deepStrictEqual((await client.definition(URI, 14, 16)).map((l) => [l.uri, l.range.start]), [[URI, { line: 1, character: 5 }]]);
    });

    it('finds references, with or without the declaration', async () => {
      const lines = async (line: number, ch: number, decl: boolean) => (await client.references(URI, line, ch, decl)).map((l) => l.range.start.line);
      assert.deepStrictEqual(await lines(11, 0, true), [11, 11]);
      assert.deepStrictEqual(await lines(1, 6, true), [1, 13, 14]);
      assert.deepStrictEqual(await lines(1, 6, false), [13, 14]);
      assert.deepStrictEqual(await lines(6, 0, true), [6, 7]);
    });

    it('outlines sections with their labels', async () => {
      const symbols = await client.documentSymbols(URI);
      const outline = symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]);
      assert.deepStrictEqual(outline, [['UART', []], ['.text', ['_start', 'loop', 'helper']], ['.data', ['msg']]]);
      const text = symbols[1];
      assert.deepStrictEqual([text.range.start.line, text.range.end.line], [2, 15]);
      const start = text.children![0];
      assert.deepStrictEqual([start.range.start.line, start.range.end.line, start.selectionRange.end.character], [4, 10, 6]);
    });
  });
});
