/**
 * package.json's `contributes` and `activationEvents` are the extension's own, plus what the two
 * processes it starts declare about themselves: the debug adapter's launch attributes and
 * breakpoint languages (debug-adapter/package-contributions.json) and the language server's
 * language, grammar and settings (language-server/package-contributions.json). This merges those
 * files in, replacing what an earlier merge took from them, so running it again changes nothing.
 */
type Json = Record<string, unknown>;
type Entry = Record<string, unknown>;

const asArray = (v: unknown): Entry[] => (Array.isArray(v) ? (v as Entry[]) : []);
const asObject = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

/** `base` with the entries of `extra` added, an entry of `extra` replacing a `base` entry with the same key. */
function mergeByKey(base: Entry[], extra: Entry[], key: string): Entry[] {
  const out = [...base];
  for (const e of extra) {
    const at = out.findIndex((b) => b[key] === e[key]);
    if (at >= 0) out[at] = { ...out[at], ...e };
    else out.push(e);
  }
  return out;
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

/** The adapter's file: configurationAttributes replace ours; its languages join the debugger's and breakpoints'. */
function mergeAdapter(contributes: Json, adapter: Json): Json {
  const theirs = asArray(adapter.debuggers);
  const debuggers = asArray(contributes.debuggers).map((d) => {
    const t = theirs.find((x) => x.type === d.type);
    if (!t) return d;
    return {
      ...d,
      languages: union(asArray(d.languages) as unknown as string[], asArray(t.languages) as unknown as string[]),
      configurationAttributes: t.configurationAttributes,
    };
  });
  const breakpoints = mergeByKey(asArray(contributes.breakpoints), asArray(adapter.breakpoints), 'language');
  return { ...contributes, debuggers, breakpoints };
}

/** The language server's file: languages and grammars by id, settings by name, activation events. */
function mergeLanguageServer(contributes: Json, server: Json): Json {
  const c = asObject(server.contributes);
  const ourConfig = asObject(contributes.configuration);
  const theirConfig = asObject(c.configuration);
  return {
    ...contributes,
    languages: mergeByKey(asArray(contributes.languages), asArray(c.languages), 'id'),
    grammars: mergeByKey(asArray(contributes.grammars), asArray(c.grammars), 'scopeName'),
    configuration: {
      ...ourConfig,
      properties: { ...asObject(ourConfig.properties), ...asObject(theirConfig.properties) },
    },
  };
}

export interface Parts {
  readonly adapter?: Json;
  readonly languageServer?: Json;
}

export function mergeManifest(pkg: Json, parts: Parts): Json {
  let contributes = asObject(pkg.contributes);
  let activationEvents = asArray(pkg.activationEvents) as unknown as string[];
  if (parts.adapter) contributes = mergeAdapter(contributes, parts.adapter);
  if (parts.languageServer) {
    contributes = mergeLanguageServer(contributes, parts.languageServer);
    activationEvents = union(activationEvents, asArray(parts.languageServer.activationEvents) as unknown as string[]);
  }
  return { ...pkg, activationEvents, contributes };
}
