import * as assert from 'assert';
import { SymbolTable, type GuestSymbol } from '../../emulator/loader/symbols';

const sym = (name: string, addr: number, size = 0, kind: GuestSymbol['kind'] = 'func', global = true): GuestSymbol =>
  ({ name, addr, size, kind, global });

describe('loader/symbols', () => {
  const table = new SymbolTable([
    sym('main', 0x80000100, 0x40),
    sym('_start', 0x80000000, 0, 'label'),
    sym('trap_entry', 0x80000080, 0, 'label', false),
    sym('buffer', 0x80001000, 0x100, 'object'),
    sym('alias', 0x80000100, 0, 'label'),
    sym('helper', 0x80000200, 0x10, 'func', false),
    sym('helper', 0x80000300, 0x10, 'func', true),
  ]);

  it('names addresses as sym or sym+0xoff', () => {
    assert.strictEqual(table.describe(0x80000000), '_start');
    assert.strictEqual(table.describe(0x80000010), '_start+0x10');
    assert.strictEqual(table.describe(0x80000110), 'main+0x10');
    assert.strictEqual(table.describe(0x800010ff), 'buffer+0xff');
  });

  it('prefers a function or object over a label at the same address', () => {
    assert.strictEqual(table.lookup(0x80000100)!.symbol.name, 'main');
  });

  it('does not stretch a sized symbol past its end, nor name addresses before the first symbol', () => {
    assert.strictEqual(table.describe(0x80000140), undefined);
    assert.strictEqual(table.describe(0x80001100), undefined);
    assert.strictEqual(table.describe(0x7ffffffc), undefined);
  });

  it('finds addresses by name, preferring the global of two same-named symbols', () => {
    assert.strictEqual(table.address('main'), 0x80000100);
    assert.strictEqual(table.address('helper'), 0x80000300);
    assert.strictEqual(table.address('missing'), undefined);
    assert.strictEqual(table.size, 7);
  });

  it('works when empty', () => {
    assert.strictEqual(SymbolTable.EMPTY.describe(0x80000000), undefined);
  });
});
