/**
 * Source paths as DWARF gives them: joined from compilation directory, include directory and file
 * name, normalised ('.' and '..' resolved) so that the same file reached through different
 * directories gets one name, and matched against the absolute paths an editor asks about.
 * POSIX separators only: these guests are built on POSIX hosts.
 */

export function isAbsolute(p: string): boolean {
  return p.startsWith('/');
}

/** `name` inside `dir` (unless `name` is absolute), normalised. */
export function joinPath(dir: string | undefined, name: string): string {
  if (isAbsolute(name) || dir === undefined || dir === '') return normalize(name);
  return normalize(`${dir}/${name}`);
}

/**
 * Resolves '.', '..' and repeated separators. A relative path keeps the '..' it cannot resolve
 * (`../../lib/x.c`); an absolute one drops those above the root.
 */
export function normalize(p: string): string {
  const abs = isAbsolute(p);
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  return abs ? `/${joined}` : joined === '' ? '.' : joined;
}

/**
 * A test for whether a file DWARF names as `dwarfPath` is the file `query` (an absolute path from
 * the editor): equal when the DWARF path is absolute; otherwise the DWARF path, less its leading
 * '..', must be a suffix of the query at a separator (`src/x.c` matches `/home/me/proj/src/x.c`, not
 * `/a/xsrc/x.c`). A relative query (`x.c`, `src/x.c`) matches any DWARF path it is such a suffix of.
 */
export function pathMatcher(query: string): (dwarfPath: string) => boolean {
  const q = normalize(query);
  if (!isAbsolute(q)) return (p) => endsWithPath(p, q);
  return (p) => {
    if (isAbsolute(p)) return p === q;
    let tail = p;
    while (tail.startsWith('../')) tail = tail.slice(3);
    if (tail === '' || tail === '.' || tail === '..') return false;
    return endsWithPath(q, tail);
  };
}

/** Whether `path` ends with the components of `tail`. */
function endsWithPath(path: string, tail: string): boolean {
  return path === tail || path.endsWith(`/${tail}`);
}
