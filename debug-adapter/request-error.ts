/**
 * Errors a request handler raises to answer with an error response: the message names the request's
 * problem (a missing argument, an unknown reference, an unreadable address) for the user to read.
 */
export class RequestError extends Error {}

type Args = Record<string, unknown>;

/** The request's arguments object (DAP requests without arguments send none: an empty object then). */
export function argsOf(command: string, args: unknown): Args {
  if (args === undefined || args === null) return {};
  if (typeof args !== 'object' || Array.isArray(args)) throw new RequestError(`${command}: arguments must be an object`);
  return args as Args;
}

export function needInt(command: string, args: Args, name: string, opts: { min?: number; max?: number } = {}): number {
  const v = args[name];
  if (v === undefined || v === null) throw new RequestError(`${command}: missing argument "${name}"`);
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new RequestError(`${command}: "${name}" must be an integer, not ${JSON.stringify(v)}`);
  if ((opts.min !== undefined && v < opts.min) || (opts.max !== undefined && v > opts.max)) {
    throw new RequestError(`${command}: "${name}" = ${v} is out of range (${opts.min ?? '-inf'}..${opts.max ?? 'inf'})`);
  }
  return v;
}

export function optInt(command: string, args: Args, name: string, fallback: number, opts: { min?: number; max?: number } = {}): number {
  return args[name] === undefined || args[name] === null ? fallback : needInt(command, args, name, opts);
}

export function needString(command: string, args: Args, name: string): string {
  const v = args[name];
  if (v === undefined || v === null) throw new RequestError(`${command}: missing argument "${name}"`);
  if (typeof v !== 'string') throw new RequestError(`${command}: "${name}" must be a string, not ${JSON.stringify(v)}`);
  return v;
}

export function optString(command: string, args: Args, name: string): string | undefined {
  return args[name] === undefined || args[name] === null ? undefined : needString(command, args, name);
}

export function needArray(command: string, args: Args, name: string): unknown[] {
  const v = args[name];
  if (v === undefined || v === null) throw new RequestError(`${command}: missing argument "${name}"`);
  if (!Array.isArray(v)) throw new RequestError(`${command}: "${name}" must be an array`);
  return v;
}

/** Each element must be an object (a breakpoint, a filter option); named by index in errors. */
export function objects(command: string, name: string, list: unknown[]): Args[] {
  return list.map((v, i) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new RequestError(`${command}: ${name}[${i}] must be an object`);
    return v as Args;
  });
}
