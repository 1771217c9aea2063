/**
 * End to end, as a user: open examples/ in VS Code (code-server + Chromium), press F5, see the guest
 * paused on entry, set a breakpoint by clicking a source line's gutter, continue to it, look at the
 * micro-op trace of the block at the pc, step one instruction in the Disassembly view, and talk to
 * the guest in its UART terminal. Screenshots of each step go to test/e2e/artifacts/.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { ExampleWorkbench, openExampleWorkbench, shotIfFailed } from './harness/example-workbench';
import { REPO } from './harness/workspace';
import { Artifacts, callStackState, clickGutter, norm, openFile, runCommand, startDebugging, waitForText, webviewFrame } from './harness/workbench';

const ARTIFACTS = path.join(REPO, 'test', 'e2e', 'artifacts');

const hex = (v: number): string => `0x${v.toString(16).padStart(8, '0')}`;

/** The pc as the Variables view shows it (`pc = 0x80000058 <reset>`). */
async function registerPc(page: Page): Promise<number> {
  const row = page.locator('.debug-variables .monaco-list-row', { hasText: /^\s*pc\s*=/ }).first();
  const text = await waitForText(row, /pc = 0x[0-9a-f]+/, 15_000);
  return parseInt(/pc = (0x[0-9a-f]+)/.exec(text)![1], 16);
}

describe('debugging the example guest in VS Code, as a user', function () {
  this.timeout(120_000);
  // Each step needs the one before it.
  this.bail(true);
  let workbench: ExampleWorkbench | undefined;
  let folder: string | undefined;
  let page: Page;
  let trace: Frame;
  const shots = new Artifacts(ARTIFACTS);
  /** Console errors from our webviews, and any Content-Security-Policy refusal. */
  const webviewErrors: string[] = [];
  const mainC = (): string[] => fs.readFileSync(path.join(folder!, 'c', 'main.c'), 'utf8').split('\n');

  before(async function () {
    workbench = await openExampleWorkbench(this, (p) => p.on('console', (m) => {
      const where = m.location().url;
      if (/Content.Security.Policy|Refused to/i.test(m.text()) || (m.type() === 'error' && where.includes('/dist/webview/'))) {
        webviewErrors.push(`${m.text()} (${where})`);
      }
    }));
    ({ folder, page } = workbench);
  });

  afterEach(async function () {
    await shotIfFailed(this, shots, page);
  });

  after(async function () {
    await workbench?.close();
  });

  it('shows the Translucent views once the extension host is up', async () => {
    // F5 pressed before the remote extension host is ready is ignored: wait for our view to render.
    await page.locator('.activitybar [aria-label^="Translucent"]').first().click();
    trace = await webviewFrame(page, 'No Translucent debug session');
    await shots.shot(page, 'views-before-session');
  });

  it('F5 boots the default guest and pauses on entry', async () => {
    await openFile(page, 'c/main.c');
    await startDebugging(page, /Paused on entry/i);
    await shots.shot(page, 'paused-on-entry');
  });

  it('stops at a breakpoint set by clicking a line\'s gutter', async () => {
    const line = mainC().findIndex((l) => l.includes('There are %u primes')) + 1;
    assert.ok(line > 0);
    await openFile(page, 'c/main.c');
    await clickGutter(page, line);
    await page.locator('.glyph-margin-widgets .codicon-debug-breakpoint, .glyph-margin-widgets .codicon-debug-breakpoint-unverified').first().waitFor();
    await page.keyboard.press('F5');
    await waitForText(callStackState(page), /Paused on breakpoint/i, 60_000);
    // The editor marks the stopped line.
    const current = page.locator('.debug-top-stack-frame-line').first();
    await current.waitFor();
    await shots.shot(page, 'paused-on-breakpoint');
  });

  it('shows the translation block at the pc in the Micro-op Trace view', async () => {
    await page.locator('.activitybar [aria-label^="Translucent"]').first().click();
    trace = await webviewFrame(page, /Block 0x[0-9a-f]{8}/);
    const text = norm(await trace.locator('#root').innerText());
    assert.match(text, /The guest is paused/);
    assert.match(text, /Guest instructions/);
    assert.match(text, /Micro-ops/);
    assert.match(text, /Generated JavaScript/);
    const current = trace.locator('.guest li[aria-current="true"]');
    await current.waitFor();
    await shots.shot(page, 'micro-op-trace');
  });

  it('steps one instruction in the Disassembly view', async () => {
    await page.keyboard.press('Control+Shift+D');
    const before = await registerPc(page);
    await runCommand(page, 'Open Disassembly View');
    const view = page.locator('.disassembly-view');
    await view.waitFor();
    await view.locator('.monaco-list-row', { hasText: /0x8[0-9a-f]{7}/ }).first().waitFor();
    await view.locator('.monaco-list').first().focus();
    // With the Disassembly view focused, a step is one instruction.
    await page.keyboard.press('F10');
    await waitForText(callStackState(page), /Paused on step/i, 30_000);
    let after = before;
    const deadline = Date.now() + 15_000;
    while (after === before && Date.now() < deadline) {
      await page.waitForTimeout(200);
      after = await registerPc(page);
    }
    const delta = after - before;
    // One instruction: the next one (2 or 4 bytes on), or a jump's target.
    assert.ok(after !== before && (delta === 2 || delta === 4 || delta < 0 || delta > 4), `pc ${hex(before)} -> ${hex(after)}`);
    // The Micro-op Trace view follows the pc.
    await waitForText(trace.locator('.guest li[aria-current="true"] .addr'), hex(after), 15_000);
    await shots.shot(page, 'disassembly-step');
  });

  it('shows the guest\'s console in its UART terminal and sends it keystrokes', async () => {
    const terminal = page.locator('.terminal-wrapper .xterm-rows, .terminal .xterm-rows').first();
    await runCommand(page, 'Translucent: Show Guest Console (UART)');
    await waitForText(terminal, 'Hello from the Translucent C example!');
    // Run on to the prompt, then type a line as the guest's user would.
    await page.keyboard.press('F5');
    await waitForText(terminal, 'type a line');
    await page.locator('.terminal-wrapper .xterm, .terminal .xterm').first().click();
    await page.keyboard.type('hello');
    await page.keyboard.press('Enter');
    await waitForText(terminal, /5 characters, checksum [0-9a-f]{8}/);
    await shots.shot(page, 'uart-terminal');
  });

  it('captures the three panels while paused in a hot loop', async () => {
    // Break in checksum()'s loop, reached by typing a line for the guest (it is waiting for one).
    const line = mainC().findIndex((l) => l.includes('h ^= (uint8_t)*s++')) + 1;
    await openFile(page, 'c/main.c');
    await clickGutter(page, line);
    await runCommand(page, 'Translucent: Show Guest Console (UART)');
    await page.locator('.terminal-wrapper .xterm, .terminal .xterm').first().click();
    await page.keyboard.type('translucent');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Shift+D');
    await waitForText(callStackState(page), /Paused on breakpoint/i, 30_000);
    // One step on, so the pc is not on the breakpoint and its block is a whole one.
    await page.keyboard.press('F10');
    await waitForText(callStackState(page), /Paused on step/i, 30_000);
    await page.locator('.activitybar [aria-label^="Translucent"]').first().click();
    await widenSidebar(page, 1450);
    const views = ['Micro-Op Trace', 'Translation Blocks', 'Devices'];
    for (const name of views) {
      // Only this view expanded, so it gets the whole height.
      for (const other of views) await setExpanded(page, other, other === name);
      const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: name }) }).first();
      const frame = await webviewFrame(page, name === 'Devices' ? /uart0/ : name === 'Translation Blocks' ? /TBs in cache/ : /Block 0x/);
      if (name === 'Translation Blocks') await frame.locator('.blocks tbody tr').first().waitFor();
      await page.waitForTimeout(500);
      const file = path.join(ARTIFACTS, `panel-${name.toLowerCase().replace(/\W+/g, '-')}.png`);
      await pane.screenshot({ path: file });
      if (process.env.TRANSLUCENT_UPDATE_SCREENSHOTS) {
        fs.mkdirSync(path.join(REPO, 'docs', 'screenshots'), { recursive: true });
        fs.copyFileSync(file, path.join(REPO, 'docs', 'screenshots', path.basename(file).replace(/^panel-/, '')));
      }
    }
  });

  it('ran every webview within its Content-Security-Policy, without errors', () => {
    assert.deepStrictEqual(webviewErrors, []);
  });
});

/** Drags the sash between the side bar and the editor so the side bar is `width` pixels wide. */
async function widenSidebar(page: Page, width: number): Promise<void> {
  const bar = await page.locator('.part.sidebar').first().boundingBox();
  if (!bar) return;
  const y = bar.y + bar.height / 2;
  const x = bar.x + bar.width;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(bar.x + width, y, { steps: 10 });
  await page.mouse.up();
}

async function setExpanded(page: Page, view: string, expanded: boolean): Promise<void> {
  const header = page.locator('.pane-header', { hasText: view }).first();
  const isExpanded = (await header.getAttribute('aria-expanded')) === 'true';
  if (isExpanded !== expanded) await header.click();
}
