/**
 * Section names and their default flags (what `.section .data.foo` means without a flags string),
 * as GNU as infers them from the name.
 */
import { SectionFlags } from './object';

const FLAGS = {
  code: { alloc: true, write: false, exec: true, nobits: false },
  rodata: { alloc: true, write: false, exec: false, nobits: false },
  data: { alloc: true, write: true, exec: false, nobits: false },
  bss: { alloc: true, write: true, exec: false, nobits: true },
  other: { alloc: false, write: false, exec: false, nobits: false },
} as const satisfies Record<string, SectionFlags>;

/** Name prefixes, most specific first. A prefix matches the name itself and `prefix.anything`. */
const DEFAULTS: readonly [prefix: string, flags: SectionFlags][] = [
  ['.text', FLAGS.code],
  ['.init', FLAGS.code],
  ['.fini', FLAGS.code],
  ['.rodata', FLAGS.rodata],
  ['.srodata', FLAGS.rodata],
  ['.data', FLAGS.data],
  ['.sdata', FLAGS.data],
  ['.init_array', FLAGS.data],
  ['.fini_array', FLAGS.data],
  ['.bss', FLAGS.bss],
  ['.sbss', FLAGS.bss],
];

export function defaultFlags(name: string): SectionFlags {
  for (const [prefix, flags] of DEFAULTS) {
    if (name === prefix || name.startsWith(prefix + '.')) return flags;
  }
  return FLAGS.other;
}

/** Reads a `.section` flags string ("ax", "aw") and type (@progbits, @nobits) over the defaults. */
export function parseFlags(name: string, flags: string | undefined, type: string | undefined): SectionFlags | string {
  const base = defaultFlags(name);
  if (flags === undefined && type === undefined) return base;
  let out = flags === undefined ? { ...base } : { alloc: false, write: false, exec: false, nobits: base.nobits };
  for (const c of flags ?? '') {
    if (c === 'a') out = { ...out, alloc: true };
    else if (c === 'w') out = { ...out, write: true };
    else if (c === 'x') out = { ...out, exec: true };
    else if (!'MSGTRoedy?'.includes(c)) return `unknown section flag \`${c}\` (expected a, w, x)`;
  }
  if (type !== undefined) {
    if (type === 'nobits') out = { ...out, nobits: true };
    else if (type === 'progbits') out = { ...out, nobits: false };
    else if (!['note', 'init_array', 'fini_array', 'preinit_array'].includes(type)) return `unknown section type \`@${type}\` (expected @progbits or @nobits)`;
  }
  return out;
}
