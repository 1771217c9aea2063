/** Indexing a document: which names are definitions and references, and what the cursor is on. */
import * as assert from 'assert';
import { indexDocument } from '../../language-server/document/index';
import { placeAt } from '../../language-server/features/cursor';
import { readSettings, DEFAULT_SETTINGS } from '../../language-server/settings';

const occurrences = (text: string) => indexDocument('t.S', text).occurrences.map((o) => `${o.def ? 'def' : 'ref'} ${o.kind} ${o.key} @${o.line}:${o.start}`);

describe('language server document index', () => {
  it('tells symbols from registers, CSR names, fence sets, types and the location counter', () => {
    assert.deepStrictEqual(occurrences([
      'f: csrr a0, time',
      '  fence rw, rw',
      '  la t0, time',
      '.type f, @function',
      '.size f, .-f',
    ].join('\n')), [
      'def label f @0:0',
      'ref label time @2:9',
      'ref label f @3:6',
      'ref label f @4:6',
      'ref label f @4:11',
    ]);
  });

  it('numbers numeric local labels as the assembler does, except inside macro bodies', () => {
    assert.deepStrictEqual(occurrences([
      '  j 1f',
      '1: j 1b',
      '1: j 1f',
      '.macro m',
      '2: j 2b',
      '.endm',
      '1: nop',
    ].join('\n')), [
      'ref local 1#0 @0:4',
      'def local 1#0 @1:0',
      'ref local 1#0 @1:5',
      'def local 1#1 @2:0',
      'ref local 1#2 @2:5',
      'def macro m @3:7',
      'def local 1#2 @6:0',
    ]);
  });

  it('finds constants, macros, sections and includes', () => {
    const index = indexDocument('t.S', ['N = 4', '.set M, N+1', '.section .rodata.x, "a"', '.include "a.S"', '  m N'].join('\n'));
    assert.deepStrictEqual(index.occurrences.map((o) => `${o.def ? 'def' : 'ref'} ${o.kind} ${o.key}`),
      ['def constant N', 'def constant M', 'ref label N', 'ref macro m', 'ref label N']);
    assert.deepStrictEqual(index.sections, [{ name: '.rodata.x', line: 2 }]);
    assert.deepStrictEqual(index.includes, [{ file: 'a.S', line: 3, start: 9, end: 14 }]);
  });

  it('survives half-typed text', () => {
    assert.doesNotThrow(() => indexDocument('t.S', 'x: li a0, 0x\n  .ascii "abc\n  sw \\reg, 9z(sp)\n  \'\n'));
  });

  it('knows where the cursor is', () => {
    const at = (line: string, ch = line.length) => {
      const p = placeAt(indexDocument('t.S', line), line, 0, ch);
      return p.kind === 'operand' ? `operand ${p.index}${p.inParens ? ' (' : ''}${p.reloc ? ' %' : ''}` : p.kind;
    };
    assert.strictEqual(at(''), 'head');
    assert.strictEqual(at('  ad'), 'head');
    assert.strictEqual(at('lbl: '), 'head');
    assert.strictEqual(at('lb'), 'head');
    assert.strictEqual(at('lbl:', 2), 'none');
    assert.strictEqual(at('  add '), 'operand 0');
    assert.strictEqual(at('  add a0, a1, '), 'operand 2');
    assert.strictEqual(at('  lw a0, %lo(x)('), 'operand 1 (');
    assert.strictEqual(at('  lui a0, %'), 'operand 1 %');
    assert.strictEqual(at('  nop # x'), 'none');
    assert.strictEqual(at('  .ascii "a, b'), 'none');
    assert.strictEqual(at('  nop; '), 'head');
  });

  it('reads settings, keeping what is missing or out of range', () => {
    assert.deepStrictEqual(readSettings({ diagnosticsDelay: 50 }), { diagnosticsDelay: 50 });
    assert.deepStrictEqual(readSettings({ diagnosticsDelay: -1 }), DEFAULT_SETTINGS);
    assert.deepStrictEqual(readSettings('nonsense', { diagnosticsDelay: 7 }), { diagnosticsDelay: 7 });
  });
});
