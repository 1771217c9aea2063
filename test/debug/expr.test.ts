import { strict as assert } from 'node:assert';
import { evaluateExpression, ExprEnv, ExprError, formatValue } from '../../emulator/debug/expr';

/** A tiny machine: registers by name, three symbols, 64 bytes of memory at 0x1000. */
function env(): ExprEnv & { regs: Map<string, number>; mem: Uint8Array } {
  const regs = new Map<string, number>([['zero', 0], ['a0', 5], ['a1', -1 >>> 0], ['sp', 0x1020], ['pc', 0x1000], ['mstatus', 0x1800]]);
  const mem = new Uint8Array(64);
  mem.set([0x78, 0x56, 0x34, 0x12, 0xff, 0xfe], 0);
  const syms = new Map([['buf', 0x1000], ['table', 0x1010], ['__global_pointer$', 0x1800]]);
  return {
    regs, mem,
    register: (n) => regs.get(n),
    setRegister: (n, v) => (n === 'zero' ? false : (regs.set(n, v >>> 0), true)),
    symbol: (n) => syms.get(n),
    read: (addr, size) => {
      if (addr < 0x1000 || addr + size > 0x1040) return undefined;
      let v = 0;
      for (let i = size - 1; i >= 0; i--) v = v * 256 + mem[addr - 0x1000 + i];
      return v;
    },
    write: (addr, size, v) => {
      if (addr < 0x1000 || addr + size > 0x1040) return false;
      for (let i = 0; i < size; i++) mem[addr - 0x1000 + i] = (v >>> (8 * i)) & 0xff;
      return true;
    },
  };
}

const ev = (text: string, e = env()) => evaluateExpression(text, e);

describe('debug/expr', () => {
  it('does C arithmetic with C precedence on 32-bit values', () => {
    assert.equal(ev('1 + 2 * 3').value, 7);
    assert.equal(ev('(1 + 2) * 3').value, 9);
    assert.equal(ev('1 << 4 | 3').value, 19);
    assert.equal(ev('-7 / 2').value, -3);
    assert.equal(ev('-7 % 2').value, -1);
    assert.equal(ev('0xffffffff + 1').value, 0);
    assert.equal(ev('0x80000000 > 1').value, 1, 'unsigned literal compares unsigned');
    assert.equal(ev('-1 < 0').value, 1);
    assert.equal(ev('~0').value, -1);
    assert.equal(ev('!5 || 3 && 0').value, 0);
    assert.equal(ev('1 ? 10 : 20').value, 10);
    assert.equal(ev("'A' + 1").value, 66);
    assert.equal(ev('0b101 + 010').value, 13);
  });

  it('reads registers and symbols (`a0 + 4`, `sym+8`)', () => {
    assert.equal(ev('a0 + 4').value, 9);
    assert.equal(ev('$a1').value, -1);
    assert.equal(ev('buf+8').value, 0x1008);
    assert.equal(ev('__global_pointer$').value, 0x1800);
    assert.equal(ev('mstatus').value, 0x1800);
    assert.equal(ev('sp + 4').value, 0x1024, 'sp is an address: byte arithmetic');
  });

  it('dereferences with casts (`*(uint32_t*)0x1000`) and indexes', () => {
    assert.equal(ev('*(uint32_t*)0x1000').value, 0x12345678);
    assert.equal(ev('*(uint16_t *)buf').value, 0x5678);
    assert.equal(ev('*(int8_t*)(buf + 4)').value, -1);
    assert.equal(ev('*(unsigned char *)(buf + 4)').value, 0xff);
    assert.equal(ev('*buf').value, 0x12345678, 'an address reads a word');
    assert.equal(ev('((uint16_t*)buf)[2]').value, 0xfeff);
    assert.equal(ev('buf[1]').value, 0xfeff, 'a symbol indexes words');
    assert.equal(ev('(uint32_t*)buf + 1').value, 0x1004, 'pointer arithmetic scales');
    assert.equal(ev('&*(uint16_t*)table').value, 0x1010);
    assert.equal(ev('*(uint16_t*)&table').value, 0, 'a symbol is its address, also with &');
    assert.throws(() => ev('&a0'), /& needs something in memory/);
  });

  it('assigns to registers and memory', () => {
    const e = env();
    assert.equal(ev('a0 = a0 * 2', e).value, 10);
    assert.equal(e.regs.get('a0'), 10);
    ev('*(uint8_t *)(buf + 1) = 0x41', e);
    assert.equal(e.mem[1], 0x41);
    assert.throws(() => ev('zero = 1', e), /cannot be written/);
    assert.throws(() => ev('3 = 4', e), /cannot assign/);
  });

  it('names the problem in errors', () => {
    assert.throws(() => ev('nosuch + 1'), (e: Error) => e instanceof ExprError && /no register or symbol named "nosuch"/.test(e.message));
    assert.throws(() => ev('1 +'), /expected a value at the end/);
    assert.throws(() => ev('1 / 0'), /division by zero/);
    assert.throws(() => ev('*(uint32_t*)0x10'), /cannot read 4 bytes at 0x10/);
    assert.throws(() => ev('(1 + 2'), /expected '\)'/);
    assert.throws(() => ev('1 @ 2'), /unexpected '@' at column 3/);
    assert.throws(() => ev(''), /empty expression/);
    assert.throws(() => ev('0x1ffffffff'), /does not fit in 32 bits/);
  });

  it('formats integers in decimal and hex, pointers with their symbol', () => {
    assert.equal(formatValue(ev('a1')), '-1 (0xffffffff)');
    assert.equal(formatValue(ev('(uint32_t*)buf'), (a) => (a === 0x1000 ? 'buf' : undefined)), '0x00001000 <buf>');
  });
});
