/**
 * Which assembly sources make one program when nothing says so (F5 without a launch.json, the
 * language server checking one file of several). A folder of sources is one program (its files
 * assembled together), except that a file another one includes (`.include` or `#include`) is not a
 * program source of its own, and a folder where several files define `_start` holds separate
 * programs (exercise1.S, exercise2.S, ...), each its own file, as are the files of a folder of more
 * than 16 sources.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isAssemblySource } from './program';

const INCLUDE = /^\s*(?:\.include|#\s*include)\s+"([^"]+)"/gm;
const DEFINES_START = /^\s*_start\s*:/m;
/** More sources than this in one folder are a collection (a kernel's arch/ folder), not one program. */
const MAX_PROGRAM_FILES = 16;

interface Source {
  readonly file: string;
  readonly text: string;
}

/** How a source's text is read: the disk, or an editor's unsaved text first. Undefined when it cannot be. */
export type SourceReader = (file: string) => string | undefined;

const fromDisk: SourceReader = (file) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

function sourcesIn(dir: string, read: SourceReader): Source[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter(isAssemblySource).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const file = path.join(dir, name);
    const text = read(file);
    return text === undefined ? [] : [{ file, text }];
  });
}

/** The folder's programs: each a list of sources in link order (the one defining `_start` first). */
export function assemblyProgramsIn(dir: string, read: SourceReader = fromDisk): string[][] {
  const all = sourcesIn(dir, read);
  const included = new Set<string>();
  for (const s of all) for (const m of s.text.matchAll(INCLUDE)) included.add(path.resolve(dir, m[1]));
  const roots = all.filter((s) => !included.has(s.file));
  const starts = roots.filter((s) => DEFINES_START.test(s.text));
  if (starts.length > 1 || roots.length > MAX_PROGRAM_FILES) return roots.map((s) => [s.file]);
  return roots.length === 0 ? [] : [[...starts, ...roots.filter((s) => !starts.includes(s))].map((s) => s.file)];
}

/** The program `file` belongs to (just `file` when the folder's rules leave it alone). */
export function assemblyProgramOf(file: string, read: SourceReader = fromDisk): string[] {
  const programs = assemblyProgramsIn(path.dirname(file), read);
  return programs.find((p) => p.includes(file)) ?? [file];
}
