/**
 * The external tools the live tests compare against (GNU binutils, QEMU), and the rule for when one
 * is missing: skip with a visible message on a developer's machine, fail under CI.
 */
import * as fs from 'fs';
import * as path from 'path';
import { haveBinutils } from '../../isa/support/binutils';

export { haveBinutils };

export function onPath(tool: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, tool), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export const haveQemu = (): boolean => onPath('qemu-system-riscv32');

/** Call at the start of a live test: returns normally only when the tool is there. */
export function requireTool(ctx: Mocha.Context, available: boolean, what: string): void {
  if (available) return;
  if (process.env.CI) throw new Error(`${what} is required in CI but is not installed`);
  console.log(`      (skipped: ${what} is not installed)`);
  ctx.skip();
}
