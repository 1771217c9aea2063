/** Small helpers shared by the assembler tests. */
import * as assert from 'assert';
import { AsmResult, assemble } from '../../../emulator/asm/assemble';
import { comparedSections } from './sections';

export function asm(text: string, path = 'test.S'): AsmResult {
  return assemble([{ path, text }], { compDir: '/src' });
}

/** Assembles text that must succeed; returns the .text bytes. */
export function textBytes(text: string): Buffer {
  const r = asm(text);
  assert.deepStrictEqual(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.message}`), []);
  return comparedSections(r.elf!).find((s) => s.name === '.text')?.bytes ?? Buffer.alloc(0);
}

/** The first error's message (failing if there is none). */
export function errorOf(text: string): string {
  const r = asm(text);
  const e = r.diagnostics.find((d) => d.severity === 'error');
  assert.ok(e !== undefined, `expected an error for: ${text}`);
  return e.message;
}
