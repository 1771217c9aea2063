/**
 * The device tree for our virt board: QEMU 7.2's tree (`-M virt,dumpdtb=`) restricted to the devices
 * we model, with the same node names, phandles, compatibles and property values. Left out: pmu,
 * fw-cfg, flash, platform-bus, goldfish RTC, PCIe, virtio-mmio, and /chosen/rng-seed (random).
 */
import { fdtNode, type FdtNode } from './fdt';
import { VIRT, VIRT_IRQ, TIMEBASE_HZ, UART_CLOCK_HZ } from './memory-map';
import { Irq } from '../cpu/hart-api';

export interface VirtTreeOptions {
  readonly ramBase: number;
  readonly ramSize: number;
  readonly bootargs?: string;
  /** riscv,isa of the hart. */
  readonly isa?: string;
}

/** What our hart implements, in the spelling Linux 6.x parses. */
export const HART_ISA = 'rv32imac_zicsr_zifencei';

const enum Phandle { Cpu = 1, Intc = 2, Plic = 3, Test = 4 }

/** PLIC sources QEMU 7.2 advertises (riscv,ndev). */
const PLIC_NDEV = 0x60;

/** A 64-bit (two-cell) address and size pair, as the root's #address-cells = #size-cells = 2 need. */
function reg(base: number, size: number): number[] {
  return [Math.floor(base / 0x1_0000_0000), base >>> 0, Math.floor(size / 0x1_0000_0000), size >>> 0];
}

export function virtDeviceTree(o: VirtTreeOptions): FdtNode {
  const serialPath = `/soc/serial@${VIRT.uart0.base.toString(16)}`;
  const hex = (n: number) => n.toString(16);
  return fdtNode('', {
    '#address-cells': 2,
    '#size-cells': 2,
    compatible: 'riscv-virtio',
    model: 'riscv-virtio,qemu',
  }, [
    fdtNode('chosen', {
      ...(o.bootargs !== undefined ? { bootargs: o.bootargs } : {}),
      'stdout-path': serialPath,
    }),
    fdtNode('poweroff', { value: 0x5555, offset: 0, regmap: Phandle.Test, compatible: 'syscon-poweroff' }),
    fdtNode('reboot', { value: 0x7777, offset: 0, regmap: Phandle.Test, compatible: 'syscon-reboot' }),
    fdtNode(`memory@${hex(o.ramBase)}`, { device_type: 'memory', reg: reg(o.ramBase, o.ramSize) }),
    fdtNode('cpus', { '#address-cells': 1, '#size-cells': 0, 'timebase-frequency': TIMEBASE_HZ }, [
      fdtNode('cpu@0', {
        phandle: Phandle.Cpu,
        device_type: 'cpu',
        reg: 0,
        status: 'okay',
        compatible: 'riscv',
        'riscv,isa': o.isa ?? HART_ISA,
        'mmu-type': 'riscv,sv32',
      }, [
        fdtNode('interrupt-controller', {
          '#interrupt-cells': 1,
          'interrupt-controller': null,
          compatible: 'riscv,cpu-intc',
          phandle: Phandle.Intc,
        }),
      ]),
      fdtNode('cpu-map', {}, [fdtNode('cluster0', {}, [fdtNode('core0', { cpu: Phandle.Cpu })])]),
    ]),
    fdtNode('soc', { '#address-cells': 2, '#size-cells': 2, compatible: 'simple-bus', ranges: null }, [
      fdtNode(`serial@${hex(VIRT.uart0.base)}`, {
        interrupts: VIRT_IRQ.uart0,
        'interrupt-parent': Phandle.Plic,
        'clock-frequency': UART_CLOCK_HZ,
        reg: reg(VIRT.uart0.base, VIRT.uart0.dtSize),
        compatible: 'ns16550a',
      }),
      fdtNode(`test@${hex(VIRT.test.base)}`, {
        phandle: Phandle.Test,
        reg: reg(VIRT.test.base, VIRT.test.size),
        compatible: ['sifive,test1', 'sifive,test0', 'syscon'],
      }),
      fdtNode(`plic@${hex(VIRT.plic.base)}`, {
        phandle: Phandle.Plic,
        'riscv,ndev': PLIC_NDEV,
        reg: reg(VIRT.plic.base, VIRT.plic.size),
        'interrupts-extended': [Phandle.Intc, Irq.MEIP, Phandle.Intc, Irq.SEIP],
        'interrupt-controller': null,
        compatible: ['sifive,plic-1.0.0', 'riscv,plic0'],
        '#address-cells': 0,
        '#interrupt-cells': 1,
      }),
      fdtNode(`clint@${hex(VIRT.clint.base)}`, {
        'interrupts-extended': [Phandle.Intc, Irq.MSIP, Phandle.Intc, Irq.MTIP],
        reg: reg(VIRT.clint.base, VIRT.clint.dtSize),
        compatible: ['sifive,clint0', 'riscv,clint0'],
      }),
    ]),
  ]);
}
