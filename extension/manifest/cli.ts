/**
 * `npm run contributions`: merges the debug adapter's and the language server's contribution files
 * into package.json (see merge.ts); `--check` only says whether package.json is up to date.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mergeManifest, Parts } from './merge';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function readJson(rel: string): Record<string, unknown> | undefined {
  const file = path.join(ROOT, rel);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
}

export function mergedPackageText(): { current: string; merged: string } {
  const current = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  const parts: Parts = {
    adapter: readJson('debug-adapter/package-contributions.json'),
    languageServer: readJson('language-server/package-contributions.json'),
  };
  const merged = `${JSON.stringify(mergeManifest(JSON.parse(current) as Record<string, unknown>, parts), null, 2)}\n`;
  return { current, merged };
}

if (require.main === module) {
  const { current, merged } = mergedPackageText();
  if (process.argv.includes('--check')) {
    if (current !== merged) {
      process.stderr.write('package.json is not up to date with the contribution files: run `npm run contributions`\n');
      process.exit(1);
    }
  } else if (current !== merged) {
    fs.writeFileSync(path.join(ROOT, 'package.json'), merged);
    process.stdout.write('package.json: contributions merged\n');
  } else {
    process.stdout.write('package.json: already up to date\n');
  }
}
