/**
 * The device tree a Linux kernel gets: everything it needs is in the generated tree (checked against
 * the shared rv32-virt-min.dts, the smallest tree both kernels boot with), `--append` sets bootargs,
 * and `--dtb FILE` replaces the tree.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GuestSystem } from '../../emulator/system';
import { parseFdt, fdtFind, fdtProp, fdtCells, fdtStrings, type ParsedFdtNode } from '../../emulator/machine/fdt-parse';
import { MIN_DTB, MMU, needLinuxFiles } from './linux-images';

function tree(sys: GuestSystem): ParsedFdtNode {
  return parseFdt(sys.machine.bus.ram.subarray(sys.machine.fdtAddress - 0x80000000)).root;
}

const strings = (n: ParsedFdtNode | undefined, p: string) => (n && fdtProp(n, p) ? fdtStrings(fdtProp(n, p)!) : undefined);
const cells = (n: ParsedFdtNode | undefined, p: string) => (n && fdtProp(n, p) ? fdtCells(fdtProp(n, p)!) : undefined);

/** `reg` as [address, size] pairs, whatever the cell sizes (1 in rv32-virt-min, 2 in ours). */
function regions(n: ParsedFdtNode, addressCells: number, sizeCells: number): number[][] {
  const c = cells(n, 'reg') ?? [];
  const out: number[][] = [];
  const num = (xs: number[]) => xs.reduce((v, x) => v * 0x1_0000_0000 + (x >>> 0), 0);
  for (let i = 0; i < c.length; i += addressCells + sizeCells) {
    out.push([num(c.slice(i, i + addressCells)), num(c.slice(i + addressCells, i + addressCells + sizeCells))]);
  }
  return out;
}

/** Every node under `n` with its path. */
function* walk(n: ParsedFdtNode, at = ''): Generator<[string, ParsedFdtNode]> {
  for (const c of n.children) {
    const p = `${at}/${c.name}`;
    yield [p, c];
    yield* walk(c, p);
  }
}

/** `interrupts-extended` as (controller's hart interrupt number) list; phandles differ between trees. */
function hartInterrupts(n: ParsedFdtNode): number[] {
  return (cells(n, 'interrupts-extended') ?? []).filter((_, i) => i % 2 === 1);
}

describe('linux: the device tree', function () {
  this.timeout(60_000);
  // Any guest will do for the tree; the prebuilt kernel is what these tests are about, though.
  before(function () { needLinuxFiles(this, MMU); });

  it('has what the kernel needs: hart ISA and MMU, memory, CLINT, PLIC, UART, syscon power-off, /chosen', () => {
    const root = tree(new GuestSystem({ guest: MMU, bootargs: 'console=ttyS0 quiet', write: () => {} }));
    const cpu = fdtFind(root, '/cpus/cpu@0');
    assert.deepStrictEqual([strings(cpu, 'riscv,isa'), strings(cpu, 'mmu-type')], [['rv32imac_zicsr_zifencei'], ['riscv,sv32']]);
    assert.deepStrictEqual(cells(fdtFind(root, '/memory@80000000'), 'reg'), [0, 0x80000000, 0, 0x8000000]);
    assert.deepStrictEqual(hartInterrupts(fdtFind(root, '/soc/clint@2000000')!), [3, 7]);
    assert.deepStrictEqual(hartInterrupts(fdtFind(root, '/soc/plic@c000000')!), [11, 9]);
    assert.deepStrictEqual(cells(fdtFind(root, '/soc/serial@10000000'), 'interrupts'), [10]);
    assert.ok(strings(fdtFind(root, '/soc/test@100000'), 'compatible')!.includes('syscon'));
    assert.deepStrictEqual(strings(fdtFind(root, '/poweroff'), 'compatible'), ['syscon-poweroff']);
    assert.deepStrictEqual(cells(fdtFind(root, '/poweroff'), 'value'), [0x5555]);
    const chosen = fdtFind(root, '/chosen');
    assert.deepStrictEqual([strings(chosen, 'bootargs'), strings(chosen, 'stdout-path')], [['console=ttyS0 quiet'], ['/soc/serial@10000000']]);
  });

  it('covers every node of rv32-virt-min.dts with the same compatible, registers and interrupts', function () {
    needLinuxFiles(this, MIN_DTB);
    const min = parseFdt(fs.readFileSync(MIN_DTB)).root;
    const ours = tree(new GuestSystem({ guest: MMU, write: () => {} }));
    const byCompatible = new Map<string, ParsedFdtNode>();
    for (const [, n] of walk(ours)) {
      const c = strings(n, 'compatible');
      if (c) byCompatible.set(c.join(','), n);
    }
    let compared = 0;
    for (const [at, n] of walk(min)) {
      const compatible = strings(n, 'compatible');
      if (compatible === undefined) continue;
      const mine = byCompatible.get(compatible.join(','));
      assert.ok(mine, `no node compatible with ${compatible.join(', ')} (${at})`);
      const inSoc = at.startsWith('/soc/');
      if (fdtProp(n, 'reg')) assert.deepStrictEqual(regions(mine, inSoc ? 2 : 2, 2), regions(n, 1, 1), `${at} reg`);
      assert.deepStrictEqual(cells(mine, 'interrupts'), cells(n, 'interrupts'), `${at} interrupts`);
      if (fdtProp(n, 'interrupts-extended')) assert.deepStrictEqual(hartInterrupts(mine), hartInterrupts(n), `${at} interrupts-extended`);
      for (const p of ['value', 'offset', 'riscv,ndev', 'clock-frequency']) assert.deepStrictEqual(cells(mine, p), cells(n, p), `${at} ${p}`);
      compared++;
    }
    assert.ok(compared >= 8, `compared ${compared} nodes`);
  });

  it('--dtb FILE replaces the tree, with --append in its /chosen; a bad file is one line naming it', function () {
    needLinuxFiles(this, MIN_DTB);
    const root = tree(new GuestSystem({ guest: MMU, dtb: MIN_DTB, bootargs: 'console=ttyS0', write: () => {} }));
    assert.deepStrictEqual(strings(fdtFind(root, '/cpus/cpu@0'), 'riscv,isa'), ['rv32imac']);
    assert.deepStrictEqual(strings(fdtFind(root, '/chosen'), 'bootargs'), ['console=ttyS0']);
    const kept = tree(new GuestSystem({ guest: MMU, dtb: MIN_DTB, write: () => {} }));
    assert.deepStrictEqual(strings(fdtFind(kept, '/chosen'), 'bootargs'), ['earlycon console=ttyS0']);
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-dtb-')), 'bad.dtb');
    fs.writeFileSync(bad, Buffer.alloc(64));
    assert.throws(() => new GuestSystem({ guest: MMU, dtb: bad, write: () => {} }), /^Error: .*bad\.dtb: not a flattened device tree \(magic 0x0, expected 0xd00dfeed\)$/);
  });
});
