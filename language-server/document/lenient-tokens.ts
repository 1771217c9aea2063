/**
 * The assembler's tokenizer (emulator/asm/tokens.ts), made to keep going: an editor works on text
 * that is half typed, so a bad character or an unclosed string skips ahead instead of giving up on
 * the statement. Macro-argument references (`\reg`) are skipped whole: inside a macro body they are
 * not symbols.
 */
import { LexError, Token, tokenize } from '../../emulator/asm/tokens';

const MACRO_ARGUMENT = /^\\(?:[A-Za-z_.$][\w.$]*|\(\)|@)?/;

export function lenientTokenize(text: string): Token[] {
  const out: Token[] = [];
  let from = 0;
  while (from < text.length) {
    try {
      out.push(...shift(tokenize(text.slice(from)), from));
      return out;
    } catch (e) {
      if (!(e instanceof LexError)) throw e;
      const errorAt = from + e.start;
      // Keep what came before the bad spot (tokenizing it alone cannot fail the same way).
      try {
        out.push(...shift(tokenize(text.slice(from, errorAt)), from));
      } catch {
        // an error inside the prefix too: drop it
      }
      const arg = MACRO_ARGUMENT.exec(text.slice(errorAt));
      const skip = arg !== null ? arg[0].length : Math.max(from + e.end, errorAt + 1) - errorAt;
      from = errorAt + skip;
    }
  }
  return out;
}

function shift(tokens: readonly Token[], by: number): Token[] {
  return by === 0 ? [...tokens] : tokens.map((t) => ({ ...t, start: t.start + by, end: t.end + by }));
}
