import * as assert from 'assert';
import { BASE_MNEMONICS, BaseMnemonic } from '../../emulator/isa/types';
import { opShape } from '../../emulator/ir/ir';
import { OPC } from '../../emulator/ir/ops';
import { TRANSLATORS } from '../../emulator/translate/translators';
import { TransFn } from '../../emulator/translate/context';
import { CodeEnv, dec, translateOne } from './fixtures';

// Compile-time: a record with exactly the base mnemonics as keys (translators.ts is typed the same way,
// so a missing translator fails to compile there first).
const _complete: Readonly<Record<BaseMnemonic, TransFn>> = TRANSLATORS;
void _complete;

describe('translate: completeness', () => {
  it('has a translator for every base mnemonic and nothing else', () => {
    for (const m of BASE_MNEMONICS) assert.strictEqual(typeof TRANSLATORS[m], 'function', m);
    assert.deepStrictEqual(Object.keys(TRANSLATORS).sort(), [...BASE_MNEMONICS].sort());
  });
  it('every translator emits well-formed ops', () => {
    for (const [m, rd] of BASE_MNEMONICS.flatMap((m) => [[m, 0], [m, 1]] as const)) {
      const { block, ctx } = translateOne(dec(m, { rd, rs1: 2, rs2: 3, imm: 4, csr: 0x340, raw: 0x73 }), 0x80000010, 0,
        new CodeEnv(0x80000000, []));
      const labels = new Set<number>();
      for (const op of block.ops) {
        const s = opShape(op);
        assert.strictEqual(op.args.length, s.outs + s.ins + s.consts, `${m}: arity`);
        for (let i = 0; i < s.outs; i++) assert.notStrictEqual(op.args[i], 0, `${m}: writes x0`);
        if (op.opc === OPC.set_label) labels.add(op.args[0]);
        // Labels are forward only: a branch never targets a label already defined.
        if (op.opc === OPC.brcond || op.opc === OPC.br) assert.ok(!labels.has(op.args[op.args.length - 1]), `${m}: backward branch`);
      }
      // Ending the block and emitting a block end go together.
      const last = block.ops[block.ops.length - 1];
      assert.strictEqual(ctx.ended, last.opc === OPC.goto_tb || last.opc === OPC.exit_tb, m);
    }
  });
});
