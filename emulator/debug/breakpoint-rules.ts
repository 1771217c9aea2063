/**
 * What decides whether a breakpoint that was reached stops: hit conditions (`5`, `>= 5`, `% 3`, ...),
 * and log-point messages with `{expression}` parts. Conditions themselves are expressions (expr.ts).
 */

/** When a breakpoint hit `n` (1 for the first) stops. */
export type HitTest = (n: number) => boolean;

const HIT_OPS: Readonly<Record<string, (n: number, k: number) => boolean>> = {
  '': (n, k) => n >= k,
  '>=': (n, k) => n >= k,
  '>': (n, k) => n > k,
  '==': (n, k) => n === k,
  '=': (n, k) => n === k,
  '<': (n, k) => n < k,
  '<=': (n, k) => n <= k,
  '%': (n, k) => n % k === 0,
};

/**
 * Parses a hit condition: a plain count N stops from the Nth hit on (as GDB's ignore count), or an
 * operator and a count. Throws a message naming what is wrong.
 */
export function parseHitCondition(text: string): HitTest {
  const m = /^\s*(>=|<=|==|=|>|<|%)?\s*(\d+)\s*$/.exec(text);
  if (!m) throw new Error(`hit condition "${text}" is not a count (e.g. 5, >= 5, == 3, % 2)`);
  const op = HIT_OPS[m[1] ?? ''];
  const k = Number(m[2]);
  if (m[1] === '%' && k === 0) throw new Error('hit condition "% 0" divides by zero');
  return (n) => op(n, k);
}

/**
 * A log point's text with each `{expression}` replaced by its value (or `<error: ...>`); `{{` and `}}`
 * stand for braces.
 */
export function formatLogMessage(template: string, evaluate: (expr: string) => string): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    if (template.startsWith('{{', i)) { out += '{'; i += 2; continue; }
    if (template.startsWith('}}', i)) { out += '}'; i += 2; continue; }
    if (template[i] === '{') {
      const end = template.indexOf('}', i + 1);
      if (end < 0) { out += template.slice(i); break; }
      const expr = template.slice(i + 1, end);
      try {
        out += evaluate(expr);
      } catch (e) {
        out += `<error: ${(e as Error).message}>`;
      }
      i = end + 1;
      continue;
    }
    out += template[i++];
  }
  return out;
}
