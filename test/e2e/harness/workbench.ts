/**
 * Driving the VS Code workbench as a user does, with the waits and work-arounds the real thing needs
 * (see docs in shared notes: the command palette is filled rather than typed, webviews live in
 * nested iframes, text is compared with white space normalised).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';

export const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Opens the workbench and waits until the extension's contributions are there. */
export async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.activitybar [aria-label^="Translucent"]').first().waitFor({ timeout: 60_000 });
}

/**
 * Opens the quick input with `key` (F1, Ctrl+P), trying again when the press was lost: the workbench
 * may not have had keyboard focus (a webview or a terminal holding it).
 */
async function openQuickInput(page: Page, key: string): Promise<Locator> {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press(key);
    try {
      await input.waitFor({ state: 'visible', timeout: 5000 });
      break;
    } catch {
      await page.locator('.monaco-workbench').click({ position: { x: 5, y: 300 }, force: true }).catch(() => undefined);
    }
  }
  return input;
}

/** Runs a command from the palette by its label. */
export async function runCommand(page: Page, label: string): Promise<void> {
  const input = await openQuickInput(page, 'F1');
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ timeout: 10_000 });
  await row.click();
}

/** Opens a workspace file with Quick Open. */
export async function openFile(page: Page, relPath: string): Promise<void> {
  const input = await openQuickInput(page, 'Control+P');
  await input.fill(relPath);
  // The list first shows recent files; wait for the search's own result.
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(relPath) }).first();
  await row.waitFor();
  await row.click();
  await page.locator(`.tab.active[aria-label^="${path.basename(relPath)}"]`).first().waitFor();
}

/** The frame of the webview whose page contains `text`. */
export async function webviewFrame(page: Page, text: string | RegExp, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const f of page.frames()) {
      try {
        if ((await f.locator('#root').count()) === 0) continue;
        const body = norm(await f.locator('#root').innerText({ timeout: 500 }));
        if (typeof text === 'string' ? body.includes(text) : text.test(body)) return f;
      } catch {
        // a frame being replaced
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview shows ${String(text)}`);
}

/** Waits until `locator`'s normalised text matches. */
export async function waitForText(locator: Locator, text: string | RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = norm(await locator.innerText({ timeout: 1000 }).catch(() => ''));
    if (typeof text === 'string' ? last.includes(text) : text.test(last)) return last;
    await locator.page().waitForTimeout(250);
  }
  throw new Error(`timed out waiting for ${String(text)}; last text: ${last.slice(0, 400)}`);
}

/** The debug state the Call Stack view reports ("Paused on breakpoint", "Running"). */
export function callStackState(page: Page): Locator {
  return page.locator('.call-stack-state-message').first();
}

/** Clicks the gutter (glyph margin) of an editor line, which toggles a breakpoint there. */
export async function clickGutter(page: Page, line: number): Promise<void> {
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.click({ position: { x: 200, y: 10 } });
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').fill(`:${line}`);
  await page.keyboard.press('Enter');
  const number = editor.locator('.margin .line-numbers', { hasText: new RegExp(`^${line}$`) }).first();
  await number.waitFor();
  const box = await number.boundingBox();
  const margin = await editor.locator('.margin').first().boundingBox();
  if (!box || !margin) throw new Error(`line ${line} is not on screen`);
  // The glyph margin is the strip left of the line numbers.
  await page.mouse.click(margin.x + 8, box.y + box.height / 2);
}

export class Artifacts {
  private n = 0;
  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  async shot(page: Page, name: string): Promise<string> {
    const file = path.join(this.dir, `${String(++this.n).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    return file;
  }
}

/**
 * F5 until a session starts and `state` shows: a press the workbench was not ready for is lost
 * silently, so a press that started nothing is repeated (never one that started a session).
 */
export async function startDebugging(page: Page, state: RegExp, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F5');
    await page.keyboard.press('Control+Shift+D');
    const started = await page.locator('.debug-toolbar').first().waitFor({ timeout: 15_000 }).then(() => true, () => false);
    if (started || attempt >= 3) break;
  }
  await waitForText(callStackState(page), state, Math.max(1000, deadline - Date.now()));
}
