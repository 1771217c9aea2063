/**
 * The assembler's public API: GNU as syntax for RV32IMAC (+ Zicsr, Zifencei, privileged
 * instructions) in, a linked ELF executable for the `virt` board out, with its symbols, its
 * address-to-line table, and every problem found as a diagnostic.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic, Diagnostics } from './diagnostics';
import { UnitAssembler } from './assembler';
import { IncludeReader, Preprocessor } from './preprocess';
import { ObjectUnit } from './object';
import { link } from './link';
import { buildDebugSections } from './dwarf';
import { writeElf } from './elf-writer';

export interface AsmSource {
  readonly path: string;
  readonly text: string;
}

export interface AsmOptions {
  /** Address of .text (default 0x80000000, where the virt board's RAM starts). */
  readonly textBase?: number;
  /** Start with compressed instructions allowed, as rv32imac does (default true). */
  readonly rvc?: boolean;
  /** How `.include "name"` finds files (default: the file system, relative to the including file). */
  readonly readInclude?: IncludeReader;
  /** Directory recorded in the debug information (default: the current directory). */
  readonly compDir?: string;
  /** Leave out the DWARF line information (default false). */
  readonly noDebug?: boolean;
}

export interface AsmSymbol {
  readonly name: string;
  readonly address: number;
  readonly size: number;
  readonly type: 'notype' | 'func' | 'object';
  readonly binding: 'local' | 'global' | 'weak';
  /** Output section, or undefined for absolute symbols (`.equ`). */
  readonly section?: string;
  readonly file: string;
}

export interface AsmLine {
  readonly address: number;
  readonly file: string;
  readonly line: number;
}

export interface AsmResult {
  /** The executable; absent when there were errors. */
  readonly elf?: Uint8Array;
  readonly diagnostics: Diagnostic[];
  readonly symbols: AsmSymbol[];
  /** Each instruction's address and source line, by address. */
  readonly lineTable: AsmLine[];
}

export const DEFAULT_TEXT_BASE = 0x80000000;

export const fileIncludeReader: IncludeReader = (name, from) => {
  const candidates = path.isAbsolute(name) ? [name] : [path.join(path.dirname(from), name), name];
  for (const p of candidates) {
    try {
      return { path: p, text: fs.readFileSync(p, 'utf8') };
    } catch {
      // try the next place
    }
  }
  return undefined;
};

export function assemble(sources: readonly AsmSource[], opts: AsmOptions = {}): AsmResult {
  try {
    return assembleOrThrow(sources, opts);
  } catch (e) {
    // Only a bug of ours gets here; the caller still gets a diagnostic, not an exception.
    const file = sources[0]?.path ?? '<input>';
    const message = `internal assembler error: ${e instanceof Error ? e.message : String(e)}`;
    return { diagnostics: [{ file, line: 1, column: 1, severity: 'error', message }], symbols: [], lineTable: [] };
  }
}

function assembleOrThrow(sources: readonly AsmSource[], opts: AsmOptions): AsmResult {
  const diags = new Diagnostics();
  const units: ObjectUnit[] = [];
  for (const src of sources) {
    const pre = new Preprocessor(diags, opts.readInclude ?? fileIncludeReader);
    const unit = new UnitAssembler(src.path, diags, { rvc: opts.rvc ?? true });
    pre.scope = unit;
    unit.run(pre.file(src.path, src.text));
    units.push(unit.finish(pre.files));
  }
  const fileOrder = sources.map((s) => s.path);
  // Linking goes ahead after errors too (the statements in error are left out), so that undefined
  // labels and out-of-reach branches are reported in the same run.
  const linked = link(units, diags, { textBase: opts.textBase ?? DEFAULT_TEXT_BASE });
  const symbols: AsmSymbol[] = linked.symbols.filter((s) => !s.mapping).map((s) => ({
    name: s.name, address: s.value, size: s.size, type: s.type, binding: s.binding, section: s.section, file: s.file,
  }));
  const lineTable: AsmLine[] = linked.lines.map((r) => ({ address: r.address, file: r.file, line: r.line }));
  if (diags.errorCount > 0) return { diagnostics: diags.sorted(fileOrder), symbols, lineTable };

  const extra = [];
  if (!(opts.noDebug ?? false)) {
    const debug = buildDebugSections(units.map((u) => ({
      name: u.file, rows: linked.lines.filter((r) => r.unit === u.file), ranges: linked.unitRanges.get(u.file) ?? [],
    })), opts.compDir ?? process.cwd());
    if (debug.debugInfo.length > 0) {
      extra.push({ name: '.debug_info', bytes: debug.debugInfo }, { name: '.debug_abbrev', bytes: debug.debugAbbrev },
        { name: '.debug_line', bytes: debug.debugLine });
    }
  }
  const elf = writeElf({ entry: linked.entry, sections: linked.sections, symbols: linked.symbols, extra });
  return { elf, diagnostics: diags.sorted(fileOrder), symbols, lineTable };
}
