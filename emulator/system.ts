/**
 * A guest system ready to run: the board, the loaded guest and its symbols, and the execution engine.
 * This is the emulator's public entry point for the CLI, the debug adapter and tests.
 */
import { createVirt, VirtMachine } from './machine/virt';
import { loadGuest, LoadedImage } from './loader/load';
import { Engine, EngineKind, StopReason } from './tb/engine';
import type { TranslationBlock } from './tb/block';

export interface SystemOptions {
  /** Path of the guest: an ELF executable or a raw image. */
  readonly guest: string;
  readonly engine?: EngineKind;
  readonly ramSize?: number;
  readonly bootargs?: string;
  readonly semihosting?: boolean;
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

  constructor(readonly opts: SystemOptions) {
    this.image = loadGuest(opts.guest, { ramBase: 0x80000000, ramSize: opts.ramSize ?? 128 << 20 });
    this.machine = createVirt({
      ramSize: opts.ramSize,
      bootargs: opts.bootargs,
      console: { write: opts.write },
      semihosting: opts.semihosting,
      semihostCwd: opts.cwd,
      htif: this.image.tohost !== undefined ? { tohost: this.image.tohost, fromhost: this.image.fromhost } : undefined,
    });
    this.engine = new Engine(this.machine, {
      engine: opts.engine,
      semihosting: opts.semihosting,
      onTranslate: opts.onTranslate,
      maxBlockInsns: opts.maxBlockInsns,
      jitThreshold: opts.jitThreshold,
    });
    this.machine.load(this.image);
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
    return this.image.symbols.describe(addr >>> 0);
  }
}
