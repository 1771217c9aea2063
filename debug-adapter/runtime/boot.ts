/**
 * From a checked launch configuration to a guest system under the debugger: the GuestSystem (which
 * places firmware, device tree and symbol files), and the DWARF of every ELF involved.
 */
import * as fs from 'node:fs';
import { GuestSystem } from '../../emulator/system';
import type { TranslationBlock } from '../../emulator/tb/block';
import { isElf } from '../../emulator/loader/elf';
import type { DebugInfo } from '../../emulator/debug/debug-info-api';
import { loadDebugInfo } from '../../emulator/debug/debug-info-loader';
import { DebugTarget } from '../../emulator/debug/debug-target';
import { SchemaError } from '../schema';
import type { LaunchPlan } from '../launch-config';
import type { GuestInput } from '../../emulator/machine/boot-plan';

export interface Booted {
  readonly target: DebugTarget;
  /** What could not be read (debug information), for the debug console. */
  readonly warnings: string[];
}

export interface BootHooks {
  readonly write: (bytes: Uint8Array) => void;
  readonly onTranslate: (tb: TranslationBlock) => void;
}

/** Which attribute a loader error is about: loader messages start with the file's path. */
function attributeOf(plan: LaunchPlan, message: string): string {
  if (typeof plan.bios === 'object' && message.startsWith(plan.bios.file)) return 'bios';
  if (plan.dtb !== undefined && message.startsWith(plan.dtb)) return 'dtb';
  const i = plan.symbols.findIndex((f) => message.startsWith(f));
  return i >= 0 ? `symbols[${i}]` : 'program';
}

/** Boots `guest`: the plan's image file, or the program assembled from its sources. */
export function boot(plan: LaunchPlan, guest: GuestInput, hooks: BootHooks): Booted {
  let system: GuestSystem;
  try {
    system = new GuestSystem({
      guest,
      bios: plan.bios,
      ...(plan.dtb !== undefined ? { dtb: plan.dtb } : {}),
      symbolFiles: plan.symbols,
      engine: plan.engine,
      ramSize: plan.ramSize,
      bootargs: plan.bootargs,
      semihosting: plan.semihosting,
      cwd: plan.cwd,
      write: hooks.write,
      onTranslate: hooks.onTranslate,
    });
  } catch (e) {
    // Loader and board errors are one line naming the file.
    const message = (e as Error).message.split('\n')[0];
    throw new SchemaError(`${attributeOf(plan, message)}: ${message}`);
  }
  const warnings: string[] = [];
  const infos: DebugInfo[] = [];
  const images = [guest, ...(typeof plan.bios === 'object' ? [plan.bios.file] : []), ...plan.symbols];
  for (const image of images) {
    const file = typeof image === 'string' ? image : image.path;
    const bytes = typeof image === 'string' ? fs.readFileSync(file) : image.bytes;
    if (!isElf(bytes)) continue;
    const r = loadDebugInfo(bytes, file);
    warnings.push(...r.warnings);
    if (r.info !== undefined) infos.push(r.info);
  }
  return { target: new DebugTarget(system, infos), warnings };
}
