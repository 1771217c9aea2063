/**
 * The server's settings: from `initializationOptions` at start, then the `translucent.asm` section
 * of the editor's configuration (package-contributions.json declares it), pulled with
 * `workspace/configuration` or pushed with `workspace/didChangeConfiguration`.
 */

export interface Settings {
  /** Milliseconds of quiet after typing before the document is assembled. */
  readonly diagnosticsDelay: number;
}

export const DEFAULT_SETTINGS: Settings = { diagnosticsDelay: 300 };

/** Where the settings live in the editor's configuration. */
export const SETTINGS_SECTION = 'translucent.asm';

const MAX_DELAY_MS = 10_000;

/** Settings from an untyped object (client input): unknown or out-of-range values keep `base`. */
export function readSettings(raw: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  if (typeof raw !== 'object' || raw === null) return base;
  const delay = (raw as Record<string, unknown>).diagnosticsDelay;
  const ok = typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 && delay <= MAX_DELAY_MS;
  return { diagnosticsDelay: ok ? delay : base.diagnosticsDelay };
}

/** The `translucent.asm` section of a didChangeConfiguration payload. */
export function sectionOf(settings: unknown): unknown {
  const translucent = (settings as { translucent?: { asm?: unknown } } | null)?.translucent;
  return translucent?.asm;
}
