/**
 * A small schema language for the adapter's inputs: each schema is at once a JSON schema (for
 * package.json's launch attributes and documentation), a runtime check that turns `unknown` into a typed
 * value or an error naming the attribute, and (through Infer) the TypeScript type. One declaration
 * serves all three, so they cannot drift apart.
 */

export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly enum?: readonly (string | number | boolean)[];
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly default?: unknown;
  readonly anyOf?: readonly JsonSchema[];
  readonly minimum?: number;
  readonly maximum?: number;
}

/** A value that does not fit its schema; the message names the attribute path. */
export class SchemaError extends Error {}

export interface Schema<T> {
  readonly json: JsonSchema;
  /** Checks `v` (found at `path`, e.g. `launch.ram`) and returns it typed; throws SchemaError. */
  parse(v: unknown, path: string): T;
}

/** A field that may be left out (see `optional`). */
export interface OptionalSchema<T> extends Schema<T | undefined> {
  readonly optional: true;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '...' : v);
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

function fail(path: string, want: string, v: unknown): never {
  throw new SchemaError(`${path} must be ${want}, not ${describe(v)}`);
}

export function str(description: string, extra: Partial<JsonSchema> = {}): Schema<string> {
  return {
    json: { type: 'string', description, ...extra },
    parse: (v, path) => (typeof v === 'string' ? v : fail(path, 'a string', v)),
  };
}

export function bool(description: string, extra: Partial<JsonSchema> = {}): Schema<boolean> {
  return {
    json: { type: 'boolean', description, ...extra },
    parse: (v, path) => (typeof v === 'boolean' ? v : fail(path, 'true or false', v)),
  };
}

/** A number; integer-only with bounds when given (addresses, counts). */
export function num(description: string, opts: { integer?: boolean; minimum?: number; maximum?: number } = {}): Schema<number> {
  const json: JsonSchema = { type: opts.integer ? 'integer' : 'number', description, minimum: opts.minimum, maximum: opts.maximum };
  return {
    json,
    parse: (v, path) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) return fail(path, 'a number', v);
      if (opts.integer && !Number.isInteger(v)) return fail(path, 'an integer', v);
      if (opts.minimum !== undefined && v < opts.minimum) throw new SchemaError(`${path} must be at least ${opts.minimum}, not ${v}`);
      if (opts.maximum !== undefined && v > opts.maximum) throw new SchemaError(`${path} must be at most ${opts.maximum}, not ${v}`);
      return v;
    },
  };
}

export function oneOf<const T extends readonly string[]>(values: T, description: string): Schema<T[number]> {
  return {
    json: { type: 'string', enum: values, description },
    parse: (v, path) => (typeof v === 'string' && values.includes(v) ? v : fail(path, `one of ${values.map((x) => `"${x}"`).join(', ')}`, v)),
  };
}

export function arrayOf<T>(item: Schema<T>, description: string): Schema<T[]> {
  return {
    json: { type: 'array', items: item.json, description },
    parse: (v, path) => (Array.isArray(v) ? v.map((x, i) => item.parse(x, `${path}[${i}]`)) : fail(path, 'an array', v)),
  };
}

/** Either schema; `want` says what was expected in the error. */
export function either<A, B>(a: Schema<A>, b: Schema<B>, description: string, want: string): Schema<A | B> {
  return {
    json: { anyOf: [a.json, b.json], description },
    parse: (v, path) => {
      for (const s of [a, b] as Schema<A | B>[]) {
        try {
          return s.parse(v, path);
        } catch (e) {
          if (!(e instanceof SchemaError)) throw e;
        }
      }
      return fail(path, want, v);
    },
  };
}

export function optional<T>(s: Schema<T>, defaultValue?: T): OptionalSchema<T> {
  return {
    json: defaultValue === undefined ? s.json : { ...s.json, default: defaultValue },
    parse: (v, path) => (v === undefined || v === null ? defaultValue : s.parse(v, path)),
    optional: true,
  };
}

type Fields = Record<string, Schema<unknown>>;
type OptionalKeys<F extends Fields> = { [K in keyof F]: F[K] extends OptionalSchema<unknown> ? K : never }[keyof F];
type RequiredKeys<F extends Fields> = Exclude<keyof F, OptionalKeys<F>>;
export type ObjectOf<F extends Fields> =
  { [K in RequiredKeys<F>]: Infer<F[K]> } & { [K in OptionalKeys<F>]?: Infer<F[K]> };

/**
 * An object with these fields. Unknown fields are allowed (VS Code adds its own: `name`, `type`,
 * `request`, `__sessionId`, ...) unless `strict` lists the ones to reject.
 */
export function object<F extends Fields>(fields: F, description = ''): Schema<ObjectOf<F>> & { readonly fields: F } {
  const isOptional = (s: Schema<unknown>) => (s as Partial<OptionalSchema<unknown>>).optional === true;
  const required = Object.entries(fields).filter(([, s]) => !isOptional(s)).map(([k]) => k);
  return {
    fields,
    json: {
      type: 'object', description,
      properties: Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, s.json])),
      ...(required.length > 0 ? { required } : {}),
    },
    parse: (v, path) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(path, 'an object', v);
      const src = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(fields)) {
        if (!isOptional(s) && (src[k] === undefined || src[k] === null)) throw new SchemaError(`${path}.${k} is missing`);
        const parsed = s.parse(src[k], `${path}.${k}`);
        if (parsed !== undefined) out[k] = parsed;
      }
      return out as ObjectOf<F>;
    },
  };
}
