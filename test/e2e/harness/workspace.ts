/** A throw-away copy of examples/ for a test run, so the workbench never writes into the repository. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..', '..', '..');

export function copyExamples(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-examples-'));
  const target = path.join(dir, 'examples');
  fs.cpSync(path.join(REPO, 'examples'), target, { recursive: true });
  return target;
}

export function removeExamples(folder: string): void {
  fs.rmSync(path.dirname(folder), { recursive: true, force: true });
}

/** Fails early, with the fix, when the extension has not been built. */
export function requireBuilt(): void {
  for (const f of ['dist/extension.js', 'dist/dap.js', 'dist/webview/trace.js']) {
    if (!fs.existsSync(path.join(REPO, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
}
