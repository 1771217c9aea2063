/**
 * Runs the integration suite (test/extension/suite) inside a real VS Code extension host: code-server
 * serves the workbench, Chromium opens it with the extension under development and the suite as its
 * test payload, and the workbench reports the suite's exit code through `codeAutomationExit`.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchBrowser, TestBrowser } from '../e2e/harness/browser';
import { CodeServer } from '../e2e/harness/code-server';
import { requireUiTools } from '../e2e/harness/tools';
import { copyExamples, removeExamples, REPO, requireBuilt } from '../e2e/harness/workspace';

describe('extension integration tests in a real VS Code (code-server)', function () {
  let server: CodeServer | undefined;
  let browser: TestBrowser | undefined;
  let folder: string | undefined;
  let report: string | undefined;
  const workbenchErrors: string[] = [];

  before(async function () {
    const tools = requireUiTools(this);
    requireBuilt();
    folder = copyExamples();
    report = path.join(path.dirname(folder), 'suite-report.txt');
    server = await CodeServer.start(tools, { env: { TRANSLUCENT_SUITE_REPORT: report } });
    browser = await launchBrowser(tools);
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
    if (folder) removeExamples(folder);
  });

  it('passes the suite run by mocha inside the extension host', async function () {
    this.timeout(240_000);
    const page = await browser!.context.newPage();
    const exit = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    // The workbench's own errors (offline gallery, auth providers) are noise unless the suite fails.
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      if (type === 'error') workbenchErrors.push((Array.isArray(args) ? args : [args]).map(String).join(' '));
    });
    const url = server!.url(folder!, [
      ['extensionDevelopmentPath', server!.remoteUri(REPO)],
      ['extensionTestsPath', server!.remoteUri(path.join(REPO, 'out', 'test', 'extension', 'suite', 'index.js'))],
    ]);
    await page.goto(url);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the suite did not report an exit code; code-server log:\n${server!.logTail()}`)), 220_000);
    });
    const code = await Promise.race([exit, timeout]).finally(() => clearTimeout(timer));
    const output = fs.existsSync(report!) ? fs.readFileSync(report!, 'utf8') : '(the suite wrote no report)\n';
    process.stdout.write(output.replace(/^/gm, '    '));
    if (code !== 0) process.stdout.write(`    workbench errors:\n${workbenchErrors.join('\n').replace(/^/gm, '      ')}\n`);
    assert.strictEqual(code, 0, 'the integration suite failed (its report is above)');
  });
});
