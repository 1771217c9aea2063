/**
 * `npm run test:vscode`: the same integration suite in desktop VS Code, through @vscode/test-electron,
 * for machines that have it. Set VSCODE_EXECUTABLE to an installed `code` binary to skip the
 * download (which needs the internet; the real-VS-Code tests that `npm test` runs use code-server).
 */
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copyExamples, removeExamples, REPO } from '../e2e/harness/workspace';

async function main(): Promise<number> {
  const folder = copyExamples();
  try {
    await runTests({
      extensionDevelopmentPath: REPO,
      extensionTestsPath: path.join(REPO, 'out', 'test', 'extension', 'suite', 'index.js'),
      launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
      ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
    });
    return 0;
  } catch (e) {
    process.stderr.write(`integration tests failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    removeExamples(folder);
  }
}

void main().then((code) => process.exit(code));
