/**
 * The packaged extension: `vsce package` with the options `npm run package` uses makes a .vsix that installs
 * into a clean VS Code and works there without the repository (no node_modules, no out/).
 */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, TestBrowser } from './harness/browser';
import { CodeServer } from './harness/code-server';
import { requireUiTools } from './harness/tools';
import { copyExamples, removeExamples, REPO, requireBuilt } from './harness/workspace';
import { Artifacts, openFile, openWorkbench, startDebugging, webviewFrame } from './harness/workbench';

describe('the packaged extension (.vsix)', function () {
  this.timeout(120_000);
  let server: CodeServer | undefined;
  let browser: TestBrowser | undefined;
  let folder: string | undefined;
  let vsix: string | undefined;
  let page: Page;

  before(async function () {
    const tools = requireUiTools(this);
    requireBuilt();
    vsix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-vsix-')), 'translucent.vsix');
    const r = spawnSync(process.execPath, [path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package',
      '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '--out', vsix], { cwd: REPO, encoding: 'utf8', input: '' });
    assert.strictEqual(r.status, 0, `vsce package failed:\n${r.stdout}${r.stderr}`);
    folder = copyExamples();
    server = await CodeServer.start(tools, { install: [vsix] });
    browser = await launchBrowser(tools);
    page = await browser.context.newPage();
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
    if (folder) removeExamples(folder);
    if (vsix) fs.rmSync(path.dirname(vsix), { recursive: true, force: true });
  });

  it('holds only the bundles and the files the manifest names', () => {
    const r = spawnSync('unzip', ['-Z1', vsix!], { encoding: 'utf8' });
    if (r.error) return; // no unzip on this machine: the install below still checks the package
    const files = r.stdout.split('\n').filter(Boolean);
    assert.ok(files.includes('extension/dist/extension.js') && files.includes('extension/dist/dap.js') && files.includes('extension/dist/lsp.js'));
    assert.ok(!files.some((f) => f.includes('node_modules/') || f.startsWith('extension/out/') || f.endsWith('.ts') || f.endsWith('.map')), files.join('\n'));
  });

  it('installs, activates and debugs the example guest', async () => {
    await openWorkbench(page, server!.url(folder!));
    await page.locator('.activitybar [aria-label^="Translucent"]').first().click();
    await webviewFrame(page, 'No Translucent debug session');
    await openFile(page, 'c/main.c');
    await startDebugging(page, /Paused on entry/i);
    await new Artifacts(path.join(REPO, 'test', 'e2e', 'artifacts')).shot(page, 'vsix-paused-on-entry');
  });
});
