/**
 * The virt board: QEMU 7.2's `-M virt -bios none` for one RV32 hart, built around a hart given by
 * the caller (virt.ts passes the real one; tests pass a fake).
 *
 * Boot is QEMU's: the hart starts at the MROM reset vector (0x1000), which loads a0 = hartid,
 * a1 = device tree address, a2 = fw_dynamic_info and jumps to the firmware image if there is one (whose
 * fw_dynamic_info then names the kernel), else to the image. With the built-in firmware (`firmware:
 * 'builtin'`) no guest code runs in M-mode: the hart starts in S-mode at the kernel, as the firmware
 * leaves it (emulator/firmware/). A system reset (finisher 0x7777, or `reset()`) puts the images and
 * the device tree back, as QEMU re-copies its ROM blobs; the rest of RAM keeps its contents.
 */
import type { DeviceState } from './bus-api';
import type { HartControl } from '../cpu/hart-api';
import { SystemBus } from './bus';
import { MachineClock, type TimeMode } from './clock';
import { encodeFdt } from './fdt';
import { parseFdt, type ParsedFdtNode } from './fdt-parse';
import { VIRT, VIRT_IRQ, DEFAULT_RAM_SIZE } from './memory-map';
import { writeResetRom } from './reset-rom';
import { virtDeviceTree } from './virt-dt';
import { fdtAddress, fdtPlacementSize, heapInfo } from './virt-layout';
import { Uart16550, type ConsoleIO } from '../devices/uart16550';
import { Clint } from '../devices/clint';
import { Plic } from '../devices/plic';
import { SifiveTest } from '../devices/sifive-test';
import { Htif } from '../devices/htif';
import { Semihosting } from '../devices/semihosting';
import type { LoadedImage } from '../loader/load';
import { badInput, hex } from '../loader/errors';

export type { ConsoleIO };

export interface VirtOptions {
  /** Bytes of RAM at 0x80000000 (default 128 MiB; a multiple of 4 KiB, at most 2 GiB). */
  readonly ramSize?: number;
  /** Kernel command line: /chosen/bootargs, and the tail of SYS_GET_CMDLINE. */
  readonly bootargs?: string;
  /** A device tree blob to use instead of the generated one (its /chosen/bootargs is set from `bootargs`). */
  readonly dtb?: Uint8Array;
  /** Where UART, HTIF and semihosting console output goes. */
  readonly console: ConsoleIO;
  readonly semihosting?: boolean;
  /** Directory for semihosting file names (default: the process's cwd). */
  readonly semihostCwd?: string;
  /** SYS_GET_CMDLINE's answer (default: the image path, then the bootargs, as QEMU). */
  readonly semihostCmdline?: string;
  /** HTIF at these addresses; by default it follows the loaded ELF's tohost/fromhost; false: never. */
  readonly htif?: { readonly tohost: number; readonly fromhost?: number } | false;
  /** 'icount' (default): time from retired instructions, deterministic; 'host': the host clock. */
  readonly timeMode?: TimeMode;
  /** 'builtin': the emulator's SBI firmware runs the hart's M-mode (the hart must be a FirmwareHart). */
  readonly firmware?: 'builtin';
}

/** A hart whose M-mode is the built-in SBI firmware (emulator/firmware/sbi-hart.ts). */
export interface FirmwareHart extends HartControl {
  /** The firmware's power-on: M-mode set-up, then S-mode at `entry` with a0 = hart id, a1 = the device tree. */
  bootSupervisor(entry: number, fdtAddress: number): void;
}

function isFirmwareHart(h: HartControl): h is FirmwareHart {
  return typeof (h as Partial<FirmwareHart>).bootSupervisor === 'function';
}

export interface VirtMachine {
  readonly bus: SystemBus;
  readonly hart: HartControl;
  readonly clock: MachineClock;
  readonly uart: Uart16550;
  readonly clint: Clint;
  readonly plic: Plic;
  readonly finisher: SifiveTest;
  readonly htif: Htif | null;
  readonly semihosting: Semihosting | null;
  /** The device tree blob placed in RAM, and where. */
  readonly fdt: Uint8Array;
  readonly fdtAddress: number;
  readonly image: LoadedImage | null;
  /** The M-mode firmware image started before the kernel (`--bios FILE`), if any. */
  readonly firmwareImage: LoadedImage | null;
  /** Set by the test finisher, HTIF or semihosting exit (with hart.stopRequested). */
  exitCode: number | null;
  /** Set by the test finisher's reset (with hart.stopRequested): the run loop calls reset() and goes on. */
  resetRequested: boolean;
  /**
   * Places the image (and a firmware image, started first with fw_dynamic_info naming the image) in
   * RAM and resets the machine. Errors are one line.
   */
  load(image: LoadedImage, firmware?: LoadedImage): void;
  /**
   * System reset: devices, hart (pc = 0x1000; with the built-in firmware, the kernel in S-mode), images
   * and device tree re-copied.
   */
  reset(): void;
  /** Console input, for the UART (and semihosting stdin when enabled). */
  sendInput(bytes: Uint8Array): void;
  /** Retired-instruction count at which the next timer event is due (Infinity if none). */
  nextTimerDeadline(): number;
  /** Brings timer-driven state (CLINT MTIP, UART receive timeout) up to the current time. */
  updateTimers(): void;
  /** Time passes for `insns` instruction-times without instructions retiring (WFI). */
  idle(insns: number): void;
  describeDevices(): DeviceState[];
}

const MAX_RAM = 2 * 1024 * 1024 * 1024;
const RESET_PC = VIRT.mrom.base;

export class VirtBoard implements VirtMachine {
  readonly bus: SystemBus;
  readonly hart: HartControl;
  readonly clock: MachineClock;
  readonly uart: Uart16550;
  readonly clint: Clint;
  readonly plic: Plic;
  readonly finisher: SifiveTest;
  htif: Htif | null = null;
  readonly semihosting: Semihosting | null;
  readonly fdt: Uint8Array;
  readonly fdtAddress: number;
  image: LoadedImage | null = null;
  firmwareImage: LoadedImage | null = null;
  exitCode: number | null = null;
  resetRequested = false;

  private readonly rom = new Uint8Array(VIRT.mrom.size);
  private readonly semihostInput: number[] = [];

  constructor(private readonly opts: VirtOptions, makeHart: (bus: SystemBus) => HartControl) {
    const ramSize = opts.ramSize ?? DEFAULT_RAM_SIZE;
    if (!(ramSize >= 2 * 1024 * 1024 && ramSize <= MAX_RAM && ramSize % 4096 === 0)) {
      throw new Error(`RAM size ${ramSize} bytes is not supported: use a multiple of 4 KiB from 2 MiB to 2 GiB`);
    }
    this.bus = new SystemBus({ ramBase: VIRT.dram.base, ramSize });
    this.hart = makeHart(this.bus);
    if (opts.firmware === 'builtin' && !isFirmwareHart(this.hart)) {
      throw new Error('the built-in firmware needs a hart that carries it (use createVirt)');
    }
    this.clock = new MachineClock(this.hart, opts.timeMode ?? 'icount');

    this.bus.addRom({ name: 'mrom', base: VIRT.mrom.base, bytes: this.rom });
    this.plic = new Plic(VIRT.plic.base, this.hart);
    this.clint = new Clint(VIRT.clint.base, this.hart, this.clock);
    this.uart = new Uart16550({
      base: VIRT.uart0.base,
      console: opts.console,
      irq: (level) => this.plic.setLevel(VIRT_IRQ.uart0, level),
      now: () => this.clock.now(),
    });
    this.finisher = new SifiveTest(VIRT.test.base, { exit: (code) => this.exit(code), reset: () => this.requestReset() });
    for (const d of [this.finisher, this.clint, this.plic, this.uart]) this.bus.addDevice(d);
    this.hart.timeSource = () => this.clint.mtime();

    this.semihosting = opts.semihosting ? this.makeSemihosting() : null;
    this.hart.onSemihosting = this.semihosting === null ? null : (h) => this.semihosting!.call(h);
    if (opts.htif) this.installHtif(opts.htif.tohost, opts.htif.fromhost);

    this.fdt = opts.dtb !== undefined
      ? withBootargs(opts.dtb, opts.bootargs)
      : encodeFdt(virtDeviceTree({ ramBase: VIRT.dram.base, ramSize, bootargs: opts.bootargs }));
    this.fdtAddress = fdtAddress(VIRT.dram.base, ramSize, fdtPlacementSize(opts.dtb));
    writeResetRom(this.rom, { startAddress: VIRT.dram.base, fdtAddress: this.fdtAddress, nextAddress: 0 });
    this.reset();
  }

  load(image: LoadedImage, firmware?: LoadedImage): void {
    for (const img of firmware !== undefined ? [firmware, image] : [image]) {
      for (const seg of img.segments) {
        if (!this.bus.inRam(seg.addr, seg.data.length)) {
          const ramEnd = VIRT.dram.base + this.bus.ramSize;
          throw badInput(img.path, `segment at ${hex(seg.addr)}..${hex(seg.addr + seg.data.length)} lies outside RAM (${hex(VIRT.dram.base)}..${hex(ramEnd)})`);
        }
      }
    }
    this.image = image;
    this.firmwareImage = firmware ?? null;
    // QEMU jumps to the start of RAM with -bios none; we jump to the entry point, which is the same
    // address for any image QEMU can boot and the right one for the rest. fw_dynamic_info's next
    // address is QEMU's: the kernel's lowest address.
    const lowest = Math.min(...image.segments.map((s) => s.addr));
    const start = firmware?.entry ?? (this.opts.firmware === 'builtin' ? VIRT.dram.base : image.entry);
    writeResetRom(this.rom, { startAddress: start, fdtAddress: this.fdtAddress, nextAddress: lowest });
    if (this.opts.htif === undefined) {
      if (this.htif !== null) this.bus.removeDevice(this.htif);
      this.htif = null;
      if (image.tohost !== undefined) this.installHtif(image.tohost, image.fromhost);
    }
    this.reset();
  }

  reset(): void {
    this.hart.reset(RESET_PC);
    this.hart.stopRequested = false;
    this.clock.reset();
    this.plic.reset();
    this.clint.reset();
    this.uart.reset();
    this.finisher.reset();
    this.htif?.reset();
    this.semihosting?.reset();
    // Blobs in QEMU's order: firmware, kernel, then the device tree (which wins where they overlap).
    for (const img of [this.firmwareImage, this.image]) {
      for (const seg of img?.segments ?? []) this.bus.loadBytes(seg.addr, seg.data);
    }
    this.bus.loadBytes(this.fdtAddress, this.fdt);
    this.exitCode = null;
    this.resetRequested = false;
    if (this.opts.firmware === 'builtin' && this.image !== null && isFirmwareHart(this.hart)) {
      this.hart.bootSupervisor(this.image.entry, this.fdtAddress);
    }
  }

  sendInput(bytes: Uint8Array): void {
    this.uart.sendInput(bytes);
    // A semihosting guest reads the console through SYS_READ/READC, a UART guest through the UART;
    // offering the input to both means whichever the guest uses sees it.
    if (this.semihosting !== null) for (const b of bytes) this.semihostInput.push(b);
  }

  nextTimerDeadline(): number {
    return this.clock.icountAt(Math.min(this.clint.nextDeadline(), this.uart.timeoutAt));
  }

  updateTimers(): void {
    this.clint.update();
    this.uart.poll(this.clock.now());
  }

  idle(insns: number): void {
    this.clock.idle(insns);
  }

  describeDevices(): DeviceState[] {
    const devices = [this.uart, this.clint, this.plic, this.finisher, this.htif, this.semihosting];
    return devices.flatMap((d) => (d === null ? [] : [d.describe()]));
  }

  private exit(code: number): void {
    if (this.exitCode === null) this.exitCode = code;
    this.hart.stopRequested = true;
    this.hart.attention = true;
  }

  private requestReset(): void {
    this.resetRequested = true;
    this.hart.stopRequested = true;
    this.hart.attention = true;
  }

  private installHtif(tohost: number, fromhost: number | undefined): void {
    this.htif = new Htif({ tohost, fromhost, console: this.opts.console, exit: (code) => this.exit(code) });
    this.bus.addDevice(this.htif);
  }

  private makeSemihosting(): Semihosting {
    const blobs = () => [
      ...[this.firmwareImage, this.image].flatMap((img) => img?.segments ?? []).map((s) => ({ addr: s.addr, size: s.data.length })),
      { addr: this.fdtAddress, size: this.fdt.length },
    ];
    return new Semihosting({
      bus: this.bus,
      console: this.opts.console,
      cwd: this.opts.semihostCwd ?? process.cwd(),
      cmdline: () => this.opts.semihostCmdline
        ?? [this.image?.path ?? '', this.opts.bootargs ?? ''].filter(Boolean).join(' '),
      heapInfo: () => heapInfo(VIRT.dram.base, this.bus.ramSize, blobs()),
      now: () => this.clock.now(),
      wallClock: () => this.clock.mode === 'host' ? Math.floor(Date.now() / 1000) : Math.floor(this.clock.now() / 1e9),
      readInput: () => this.semihostInput.shift(),
      exit: (code) => this.exit(code),
    });
  }
}

/** A user DTB with /chosen/bootargs set, as QEMU does for -dtb with -append. */
function withBootargs(dtb: Uint8Array, bootargs: string | undefined): Uint8Array {
  const parsed = parseFdt(dtb, 'device tree blob');
  if (bootargs === undefined) return dtb;
  const root = parsed.root;
  const value = new TextEncoder().encode(bootargs + '\0');
  const setArgs = (chosen: ParsedFdtNode): ParsedFdtNode => ({
    ...chosen,
    props: [...chosen.props.filter(([n]) => n !== 'bootargs'), ['bootargs', value]],
  });
  const hasChosen = root.children.some((c) => c.name === 'chosen');
  const children = hasChosen
    ? root.children.map((c) => (c.name === 'chosen' ? setArgs(c) : c))
    : [...root.children, setArgs({ name: 'chosen', props: [], children: [] })];
  return encodeFdt({ ...root, children }, { bootCpuid: parsed.bootCpuid, reserve: parsed.reserve });
}
