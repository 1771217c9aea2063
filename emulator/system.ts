/**
 * A guest system ready to run: the board, the loaded guest and its symbols, and the execution engine.
 * This is the emulator's public entry point for the CLI, the debug adapter and tests.
 */
import { createVirt, VirtMachine } from './machine/virt';
import { readGuestFile, type LoadedImage } from './loader/load';
import { planBoot, type BiosChoice, type GuestInput } from './machine/boot-plan';
import { VIRT, DEFAULT_RAM_SIZE } from './machine/memory-map';
import { parseFdt } from './machine/fdt-parse';
import { SymbolTable } from './loader/symbols';
import { loadSymbolFile } from './loader/symbol-file';
import { Engine, EngineKind, StopReason } from './tb/engine';
import type { TranslationBlock } from './tb/block';

export interface SystemOptions {
  /**
   * The guest: an ELF executable, a Linux Image or a raw image, as a path or as bytes already in
   * memory (an assembled program) with the name errors and symbols go by.
   */
  readonly guest: GuestInput;
  /**
   * The M-mode firmware: none (the guest starts in M-mode), the built-in SBI firmware (the guest starts
   * in S-mode), or an image file. Default: builtin for a Linux Image built for S-mode, else none.
   */
  readonly bios?: BiosChoice;
  /** A device tree blob file to use instead of the generated tree. */
  readonly dtb?: string;
  /** ELF files whose symbols name addresses too (a raw Image's vmlinux, a firmware's ELF). */
  readonly symbolFiles?: readonly string[];
  readonly engine?: EngineKind;
  readonly ramSize?: number;
  readonly bootargs?: string;
  readonly semihosting?: boolean;
  /**
   * Where machine time comes from: retired instructions (default: every run repeats exactly) or the
   * host's clock (timers follow wall time, as QEMU without -icount).
   */
  readonly clock?: 'icount' | 'host';
  /** Directory semihosting file operations are relative to. */
  readonly cwd?: string;
  /** Guest console output (UART, semihosting console). */
  readonly write: (bytes: Uint8Array) => void;
  readonly onTranslate?: (tb: TranslationBlock) => void;
  readonly maxBlockInsns?: number;
  /** See EngineOptions.jitThreshold. */
  readonly jitThreshold?: number;
}

export interface RunResult {
  readonly reason: StopReason;
  /** The guest's exit status when it ended itself (finisher, HTIF, semihosting), else null. */
  readonly exitCode: number | null;
}

export class GuestSystem {
  readonly machine: VirtMachine;
  readonly engine: Engine;
  readonly image: LoadedImage;
  /** The firmware image (`bios` a file), the built-in firmware, or none. */
  readonly firmware: LoadedImage | 'builtin' | null;
  /** The guest's, the firmware's and the extra files' symbols. */
  readonly symbols: SymbolTable;

  constructor(readonly opts: SystemOptions) {
    const plan = planBoot(opts.guest, opts.bios, { base: VIRT.dram.base, size: opts.ramSize ?? DEFAULT_RAM_SIZE });
    this.image = plan.kernel;
    this.firmware = plan.firmware;
    const firmwareImage = typeof plan.firmware === 'object' && plan.firmware !== null ? plan.firmware : undefined;
    this.symbols = SymbolTable.merge([
      this.image.symbols, firmwareImage?.symbols ?? SymbolTable.EMPTY, ...(opts.symbolFiles ?? []).map(loadSymbolFile),
    ]);
    this.machine = createVirt({
      ramSize: opts.ramSize,
      bootargs: opts.bootargs,
      dtb: opts.dtb !== undefined ? readDtb(opts.dtb) : undefined,
      firmware: plan.firmware === 'builtin' ? 'builtin' : undefined,
      console: { write: opts.write },
      semihosting: opts.semihosting,
      semihostCwd: opts.cwd,
      timeMode: opts.clock,
      htif: this.image.tohost !== undefined ? { tohost: this.image.tohost, fromhost: this.image.fromhost } : undefined,
    });
    this.engine = new Engine(this.machine, {
      engine: opts.engine,
      semihosting: opts.semihosting,
      onTranslate: opts.onTranslate,
      maxBlockInsns: opts.maxBlockInsns,
      jitThreshold: opts.jitThreshold,
    });
    this.machine.load(this.image, firmwareImage);
  }

  /** System reset: devices and hart to power-on state, the guest's image loaded again, translations dropped. */
  reset(): void {
    this.engine.flush();
    this.machine.reset();
  }

  /** Runs at most `maxInsns` instructions (block granularity). */
  run(maxInsns: number): RunResult {
    for (;;) {
      const reason = this.engine.run(maxInsns);
      // The test finisher's reset request stops the engine between blocks; reset there and go on.
      if (reason === StopReason.Stopped && this.machine.resetRequested) {
        this.reset();
        continue;
      }
      return { reason, exitCode: this.machine.exitCode };
    }
  }

  /** Symbol for an address (`name` or `name+0x10`), if the guest has symbols. */
  symbolize(addr: number): string | undefined {
    return this.symbols.describe(addr >>> 0);
  }
}

/** A device tree blob file, checked here so that a bad one is reported by its name. */
function readDtb(path: string): Uint8Array {
  const bytes = readGuestFile(path);
  parseFdt(bytes, path);
  return bytes;
}
