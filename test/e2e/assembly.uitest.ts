/**
 * End to end, as a user of the assembly examples: pick the three-source timer configuration and press
 * F5 while one source has a typo (the launch fails saying so, the Problems view lists the error at its
 * line), fix it and launch again (paused on entry in main.S, no problems left), run it to the end (its
 * ticks in the UART terminal). No toolchain is involved: Translucent assembles the sources at launch.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ExampleWorkbench, openExampleWorkbench, shotIfFailed } from './harness/example-workbench';
import { REPO } from './harness/workspace';
import { Artifacts, callStackState, runCommand, waitForText, webviewFrame } from './harness/workbench';

const ARTIFACTS = path.join(REPO, 'test', 'e2e', 'artifacts', 'assembly');
const CONFIG = 'Timer interrupts';

describe('F5 on assembly sources in VS Code, as a user', function () {
  this.timeout(120_000);
  this.bail(true);
  let workbench: ExampleWorkbench | undefined;
  let folder: string | undefined;
  let page: Page;
  let uartSource = '';
  const shots = new Artifacts(ARTIFACTS);
  const uartFile = (): string => path.join(folder!, 'asm', 'timer', 'uart.S');
  const problems = (p: Page) => p.locator('.markers-panel').first();

  before(async function () {
    workbench = await openExampleWorkbench(this);
    ({ folder, page } = workbench);
    uartSource = fs.readFileSync(uartFile(), 'utf8');
  });

  afterEach(async function () {
    await shotIfFailed(this, shots, page);
  });

  after(async function () {
    await workbench?.close();
  });

  it('waits for the extension host (the Translucent views render)', async () => {
    await page.locator('.activitybar [aria-label^="Translucent"]').first().click();
    await webviewFrame(page, 'No Translucent debug session');
  });

  it('a typo in a source not open in any editor: the launch fails saying so, and the Problems view shows it at its line', async () => {
    const broken = uartSource.replace('    andi t1, t1, LSR_THRE', '    andi t1, t1');
    assert.notStrictEqual(broken, uartSource);
    fs.writeFileSync(uartFile(), broken);
    const line = broken.split('\n').findIndex((l) => l === '    andi t1, t1') + 1;

    await runCommand(page, 'Debug: Select and Start Debugging');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: CONFIG }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    // The workbench reports a failed launch in a dialog with the adapter's message.
    const dialog = page.locator('.monaco-dialog-box').first();
    await waitForText(dialog, `program: main.S, trap.S, uart.S did not assemble (1 error; the first: uart.S:${line}:5: \`andi\` takes 3 operands, got 2)`, 60_000);
    // No guest runs: the views do not claim one does.
    await webviewFrame(page, 'No Translucent debug session', 5000);
    await shots.shot(page, 'launch-failed');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+Shift+M');
    const text = await waitForText(problems(page), '`andi` takes 3 operands, got 2', 30_000);
    assert.match(text, /uart\.S/);
    assert.match(text, new RegExp(`\\[Ln ${line}, Col 5\\]`));
    const file = await shots.shot(page, 'assembly-problems');
    if (process.env.TRANSLUCENT_UPDATE_SCREENSHOTS) {
      fs.mkdirSync(path.join(REPO, 'docs', 'screenshots'), { recursive: true });
      fs.copyFileSync(file, path.join(REPO, 'docs', 'screenshots', 'assembly-problems.png'));
    }
  });

  it('fixed, F5 boots the three sources and pauses on entry in main.S, and the problem is gone', async () => {
    fs.writeFileSync(uartFile(), uartSource);
    // The configuration chosen last is the one F5 starts.
    await page.keyboard.press('F5');
    await page.keyboard.press('Control+Shift+D');
    await waitForText(callStackState(page), /Paused on entry/i, 60_000);
    await page.locator('.tab.active[aria-label^="main.S"]').first().waitFor({ timeout: 15_000 });
    await page.locator('.debug-top-stack-frame-line').first().waitFor();
    await page.keyboard.press('Control+Shift+M');
    await waitForText(problems(page), /No problems have been detected/i, 15_000);
    await shots.shot(page, 'paused-in-main-S');
  });

  it('runs to the end: five ticks from the trap handler in the UART terminal', async () => {
    await page.keyboard.press('F5');
    await runCommand(page, 'Translucent: Show Guest Console (UART)');
    const terminal = page.locator('.terminal-wrapper .xterm-rows, .terminal .xterm-rows').first();
    await waitForText(terminal, 'Five ticks: powering off.', 60_000);
    assert.match(await waitForText(terminal, 'tick 5'), /tick 1 .*tick 2 .*tick 3 .*tick 4 .*tick 5/);
    await shots.shot(page, 'timer-ran');
  });
});
