import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { encodeFdt, fdtNode } from '../../emulator/machine/fdt';
import { parseFdt, fdtFind, fdtProp, fdtCells, fdtStrings, type ParsedFdtNode } from '../../emulator/machine/fdt-parse';
import { virtDeviceTree } from '../../emulator/machine/virt-dt';

const RAM = 0x80000000;

function prop(root: ParsedFdtNode, nodePath: string, name: string): Uint8Array {
  const node = fdtFind(root, nodePath);
  assert.ok(node, `node ${nodePath}`);
  const v = fdtProp(node, name);
  assert.ok(v, `${nodePath} ${name}`);
  return v;
}

describe('machine/fdt', () => {
  it('writes a version 17 blob that reads back with every kind of value', () => {
    const blob = encodeFdt(fdtNode('', { a: 1, b: [1, 0xffffffff], s: 'str', l: ['x', 'yz'], e: null, raw: Uint8Array.of(1, 2, 3) }, [
      fdtNode('child@10', { a: 2 }, [fdtNode('grandchild', {})]),
    ]), { bootCpuid: 3, reserve: [{ address: 0x80000000, size: 0x1000 }] });
    const dv = new DataView(blob.buffer);
    assert.strictEqual(dv.getUint32(0), 0xd00dfeed);
    assert.strictEqual(dv.getUint32(4), blob.length);
    assert.strictEqual(dv.getUint32(20), 17);
    assert.strictEqual(dv.getUint32(24), 16);
    assert.strictEqual(dv.getUint32(16) % 8, 0, 'reservation block 8-byte aligned');
    assert.strictEqual(dv.getUint32(8) % 4, 0, 'structure block 4-byte aligned');

    const t = parseFdt(blob);
    assert.strictEqual(t.bootCpuid, 3);
    assert.deepStrictEqual(t.reserve, [{ address: 0x80000000, size: 0x1000 }]);
    const root = t.root;
    assert.deepStrictEqual(fdtCells(fdtProp(root, 'a')!), [1]);
    assert.deepStrictEqual(fdtCells(fdtProp(root, 'b')!), [1, 0xffffffff]);
    assert.deepStrictEqual(fdtStrings(fdtProp(root, 's')!), ['str']);
    assert.deepStrictEqual(fdtStrings(fdtProp(root, 'l')!), ['x', 'yz']);
    assert.strictEqual(fdtProp(root, 'e')!.length, 0);
    assert.deepStrictEqual([...fdtProp(root, 'raw')!], [1, 2, 3]);
    assert.deepStrictEqual(fdtCells(prop(root, '/child@10', 'a')), [2]);
    assert.ok(fdtFind(root, '/child/grandchild'));
  });

  it('stores each property name once in the strings block', () => {
    const blob = encodeFdt(fdtNode('', { reg: 1 }, [fdtNode('a', { reg: 2 }), fdtNode('b', { reg: 3 })]));
    assert.strictEqual(new DataView(blob.buffer).getUint32(32), 'reg\0'.length);
  });

  it('rejects what is not a device tree, in one line', () => {
    assert.throws(() => parseFdt(new Uint8Array(100), 'x.dtb'), /^Error: x\.dtb: not a flattened device tree \(magic 0x0/);
    const blob = encodeFdt(fdtNode('', { a: 1 }));
    assert.throws(() => parseFdt(blob.subarray(0, 20), 'x.dtb'), /too short/);
    assert.throws(() => parseFdt(blob.subarray(0, blob.length - 4), 'x.dtb'), /truncated/);
  });

  describe('the virt tree', () => {
    const blob = encodeFdt(virtDeviceTree({ ramBase: RAM, ramSize: 128 << 20, bootargs: 'console=ttyS0 earlycon' }));
    const root = parseFdt(blob).root;
    const cells = (p: string, n: string) => fdtCells(prop(root, p, n));
    const strings = (p: string, n: string) => fdtStrings(prop(root, p, n));

    it('describes the hart, memory and boot console as QEMU does', () => {
      assert.deepStrictEqual(strings('/', 'compatible'), ['riscv-virtio']);
      assert.deepStrictEqual(cells('/memory@80000000', 'reg'), [0, RAM, 0, 128 << 20]);
      assert.deepStrictEqual(cells('/cpus', 'timebase-frequency'), [10_000_000]);
      assert.deepStrictEqual(strings('/cpus/cpu@0', 'riscv,isa'), ['rv32imac_zicsr_zifencei']);
      assert.deepStrictEqual(strings('/cpus/cpu@0', 'mmu-type'), ['riscv,sv32']);
      assert.deepStrictEqual(strings('/cpus/cpu@0/interrupt-controller', 'compatible'), ['riscv,cpu-intc']);
      assert.deepStrictEqual(strings('/chosen', 'bootargs'), ['console=ttyS0 earlycon']);
      assert.deepStrictEqual(strings('/chosen', 'stdout-path'), ['/soc/serial@10000000']);
    });

    it('wires the CLINT and PLIC to the hart\'s interrupt controller (phandle 2)', () => {
      assert.deepStrictEqual(cells('/cpus/cpu@0/interrupt-controller', 'phandle'), [2]);
      assert.deepStrictEqual(cells('/soc/clint@2000000', 'interrupts-extended'), [2, 3, 2, 7]);
      assert.deepStrictEqual(cells('/soc/clint@2000000', 'reg'), [0, 0x2000000, 0, 0x10000]);
      assert.deepStrictEqual(cells('/soc/plic@c000000', 'interrupts-extended'), [2, 11, 2, 9]);
      assert.deepStrictEqual(cells('/soc/plic@c000000', 'riscv,ndev'), [0x60]);
      assert.deepStrictEqual(cells('/soc/plic@c000000', 'reg'), [0, 0xc000000, 0, 0x600000]);
    });

    it('has the UART on PLIC line 10 and the test device as syscon for poweroff and reboot', () => {
      assert.deepStrictEqual(cells('/soc/serial@10000000', 'interrupts'), [10]);
      assert.deepStrictEqual(cells('/soc/serial@10000000', 'interrupt-parent'), cells('/soc/plic@c000000', 'phandle'));
      assert.deepStrictEqual(cells('/soc/serial@10000000', 'clock-frequency'), [3686400]);
      assert.deepStrictEqual(strings('/soc/test@100000', 'compatible'), ['sifive,test1', 'sifive,test0', 'syscon']);
      assert.deepStrictEqual(cells('/poweroff', 'regmap'), cells('/soc/test@100000', 'phandle'));
      assert.deepStrictEqual(cells('/poweroff', 'value'), [0x5555]);
      assert.deepStrictEqual(cells('/reboot', 'value'), [0x7777]);
    });

    it('decompiles with dtc to QEMU\'s own tree, less the devices we do not model', function () {
      const dtc = spawnSync('dtc', ['-I', 'dtb', '-O', 'dts', '-q', '-'], { input: blob, encoding: 'utf8' });
      if (dtc.error !== undefined) this.skip();
      assert.strictEqual(dtc.status, 0, dtc.stderr);
      const expected = fs.readFileSync(path.join(__dirname, '../../../test/machine/fixtures/virt-128m.dts'), 'utf8');
      const norm = (s: string) => s.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('//')).join('\n');
      assert.strictEqual(norm(dtc.stdout), norm(expected));
    });
  });
});
