/** The TextMate grammar: it is what the tables build, its expressions compile, and it scopes a sample right. */
import * as assert from 'assert';
import * as fs from 'fs';
import { GRAMMAR_FILE, Grammar, Rule, buildGrammar, grammarText } from '../../language-server/grammar/build-grammar';
import { MNEMONICS } from '../../language-server/knowledge/mnemonics';
import { allCsrs } from '../../emulator/isa/csr-names';
import { MiniTokenizer, scopesOf } from './support/textmate';

function allRules(g: Grammar): Rule[] {
  const out: Rule[] = [];
  const visit = (r: Rule) => {
    out.push(r);
    for (const p of r.patterns ?? []) visit(p);
  };
  for (const r of [...g.patterns, ...Object.values(g.repository)]) visit(r);
  return out;
}

const SAMPLE = [
  '#include "defs.h"', //                                     0
  '# a comment', //                                           1
  '.section .text.init, "ax", @progbits', //                  2
  '.globl _start', //                                         3
  '_start: li a0, 0x1f  // load', //                          4
  '1:  addi sp, sp, -16; sw ra, 12(sp)', //                   5
  '    csrr t0, mstatus', //                                  6
  '    bnez x31, 1b', //                                      7
  '    lui a1, %hi(msg) /* hi */', //                         8
  '    li a2, 0b101 + \'a\' + 077', //                        9
  '    amoadd.w.aqrl a0, a1, (a2)', //                        10
  'time: j time', //                                          11
  '.equ N, 10', //                                            12
  'M = N * 2', //                                             13
  'msg: .asciz "hi\\n"', //                                   14
  '.macro push reg', //                                       15
  '    sw \\reg, 0(sp)', //                                   16
  '.endm', //                                                 17
  '    push s11', //                                          18
  '/* two', //                                                19
  '   lines */ nop', //                                       20
].join('\n');

describe('TextMate grammar', () => {
  const grammar = JSON.parse(fs.readFileSync(GRAMMAR_FILE, 'utf8')) as Grammar;
  const lines = new MiniTokenizer(grammar).tokenize(SAMPLE);
  const has = (line: number, text: string, scope: string) => {
    const scopes = scopesOf(lines, line, text);
    assert.ok(scopes.includes(`${scope}.riscv-asm`), `"${text}" on line ${line}: ${scopes.join(' ')}`);
  };
  const lacks = (line: number, text: string, scope: string) => {
    const scopes = scopesOf(lines, line, text);
    assert.ok(!scopes.some((s) => s.startsWith(scope)), `"${text}" on line ${line}: ${scopes.join(' ')}`);
  };

  it('is the grammar the tables build (regenerate with node out/language-server/grammar/build-grammar.js)', () => {
    assert.strictEqual(fs.readFileSync(GRAMMAR_FILE, 'utf8'), grammarText());
  });

  it('has expressions that compile as JavaScript regular expressions', () => {
    for (const r of allRules(buildGrammar())) {
      for (const source of [r.match, r.begin, r.end]) if (source !== undefined) assert.doesNotThrow(() => new RegExp(source), source);
    }
  });

  it('knows every mnemonic and CSR name', () => {
    const text = [...[...MNEMONICS.keys()].map((m) => `  ${m} a0`), ...allCsrs().map(([, name]) => `  csrr a0, ${name}`)].join('\n');
    const scoped = new MiniTokenizer(grammar).tokenize(text);
    const mnemonics = [...MNEMONICS.keys()];
    mnemonics.forEach((m, i) => {
      const scopes = scopesOf(scoped, i, m);
      assert.ok(scopes.some((s) => s.startsWith('keyword.other.instruction')), `${m}: ${scopes.join(' ')}`);
    });
    allCsrs().forEach(([, name], i) => {
      assert.ok(scopesOf(scoped, mnemonics.length + i, name).includes('support.variable.csr.riscv-asm'), name);
    });
  });

  it('scopes comments and preprocessor lines', () => {
    has(0, '#include', 'keyword.control.directive.preprocessor');
    has(1, '# a comment', 'comment.line.number-sign');
    has(4, '// load', 'comment.line.double-slash');
    has(8, '/*', 'comment.block');
    has(8, ' hi ', 'comment.block');
    has(19, ' two', 'comment.block');
    has(20, '   lines ', 'comment.block');
    has(20, 'nop', 'keyword.other.instruction.pseudo');
  });

  it('scopes labels, numeric local labels and their references', () => {
    has(4, '_start', 'entity.name.label');
    has(5, '1', 'entity.name.label.local');
    has(7, '1b', 'variable.other.label.local');
    has(11, 'time', 'entity.name.label');
    lacks(11, ' time', 'support.variable.csr');
  });

  it('scopes directives, section types, assignments and macros', () => {
    has(2, '.section', 'keyword.control.directive');
    has(2, '@progbits', 'storage.type.section');
    has(2, 'ax', 'string.quoted.double');
    has(3, '.globl', 'keyword.control.directive');
    has(12, '.equ', 'keyword.control.directive');
    has(13, 'M', 'variable.other.constant');
    has(14, '.asciz', 'keyword.control.directive');
    has(15, 'push', 'entity.name.function.macro');
    has(16, '\\reg', 'variable.parameter.macro');
    has(18, 'push', 'entity.name.function.macro-call');
    has(18, 's11', 'variable.language.register');
  });

  it('scopes mnemonics, registers and CSRs', () => {
    has(4, 'li', 'keyword.other.instruction.pseudo');
    has(5, 'addi', 'keyword.other.instruction');
    has(5, 'sw', 'keyword.other.instruction');
    has(5, 'sp', 'variable.language.register');
    has(5, 'ra', 'variable.language.register');
    has(6, 'csrr', 'keyword.other.instruction.pseudo');
    has(6, 'mstatus', 'support.variable.csr');
    has(7, 'x31', 'variable.language.register');
    has(10, 'amoadd.w.aqrl', 'keyword.other.instruction');
  });

  it('scopes numbers, characters, strings and relocation operators', () => {
    has(4, '0x1f', 'constant.numeric.hex');
    has(5, '16', 'constant.numeric.decimal');
    has(9, '0b101', 'constant.numeric.binary');
    has(9, '077', 'constant.numeric.octal');
    has(9, '\'a\'', 'constant.character');
    has(14, '\\n', 'constant.character.escape');
    has(8, '%hi', 'support.function.relocation');
    lacks(8, 'msg', 'variable.language.register');
  });
});
