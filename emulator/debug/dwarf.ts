/**
 * Debug information from an ELF file's DWARF: line tables (.debug_line, versions 2-5) and call frame
 * information (.debug_frame, .eh_frame). Implements debug-info-api.ts.
 *
 * Nothing here throws: malformed DWARF loses the unit or entry it is in, and each loss is described
 * in `warnings` (prefixed with the file's path). CFI rows are evaluated on first use, so warnings
 * about an FDE's instructions can be appended to the same array later.
 */
import type { DebugInfo } from './debug-info-api';
import { DwarfFrames } from './dwarf-cfi';
import { Fde, FrameSectionName, parseFrameSection } from './dwarf-cfi-parse';
import { readSections } from './dwarf-elf';
import { DwarfLineTable } from './dwarf-line-table';
import { RowStore } from './dwarf-line-rows';
import { decodeLines } from './dwarf-lines';
import { reason } from './dwarf-reader';
import { readUnits } from './dwarf-units';

export interface DwarfDebugInfo extends DebugInfo {
  readonly lines: DwarfLineTable;
  readonly frames: DwarfFrames | undefined;
}

export interface DebugInfoResult {
  readonly info?: DwarfDebugInfo;
  readonly warnings: string[];
}

const ET_REL = 1;
/** Highest priority first (see dwarf-cfi.ts). */
const FRAME_SECTIONS: readonly FrameSectionName[] = ['.debug_frame', '.eh_frame'];

export function readDebugInfo(elf: Uint8Array, path: string): DebugInfoResult {
  const warnings: string[] = [];
  const warn = (w: string) => warnings.push(`${path}: ${w}`);
  const found: string[] = [];
  let info: DwarfDebugInfo | undefined;
  try {
    info = read(elf, found, warn);
  } catch (e) {
    found.push(reason(e));
  }
  for (const w of found) warn(w);
  return { info, warnings };
}

function read(elf: Uint8Array, warnings: string[], warn: (w: string) => void): DwarfDebugInfo | undefined {
  const sections = readSections(elf, warnings);
  if (sections.type === ET_REL) {
    warnings.push('a relocatable object (.o): its DWARF needs relocations applied, which only a linked executable has');
    return undefined;
  }
  const data = (name: string) => sections.get(name)?.data;
  const line = data('.debug_line');
  let lines: DwarfLineTable;
  if (line !== undefined) {
    const str = data('.debug_str');
    const lineStr = data('.debug_line_str');
    const units = readUnits({ info: data('.debug_info'), abbrev: data('.debug_abbrev'), str, lineStr, strOffsets: data('.debug_str_offsets') }, warnings);
    const decoded = decodeLines({ line, str, lineStr }, units, warnings);
    lines = new DwarfLineTable(decoded.rows, decoded.paths, sections.isLoaded, warnings);
  } else {
    lines = new DwarfLineTable(new RowStore(), [], sections.isLoaded, warnings);
  }

  const fdeLists: Fde[][] = [];
  for (const name of FRAME_SECTIONS) {
    const s = sections.get(name);
    if (s !== undefined) fdeLists.push(parseFrameSection(s.data, name, s.addr, warnings));
  }
  const frames = fdeLists.some((l) => l.length > 0) ? new DwarfFrames(fdeLists, sections.isLoaded, warn) : undefined;

  if (line === undefined && frames === undefined) {
    warnings.push('no DWARF line table or call frame information (build with -g)');
    return undefined;
  }
  if (line === undefined) warnings.push('no DWARF line table (.debug_line): build with -g for source lines');
  return { lines, frames };
}
