/**
 * The set-up every end-to-end test of the examples shares: a throw-away copy of examples/, code-server
 * with the extension under development loaded, Chromium on it, the workbench open; and its undoing.
 */
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { CodeServer } from './code-server';
import { requireUiTools } from './tools';
import { Artifacts, openWorkbench } from './workbench';
import { copyExamples, removeExamples, REPO, requireBuilt } from './workspace';

export interface ExampleWorkbench {
  /** The copy of examples/ the workbench has open. */
  readonly folder: string;
  readonly page: Page;
  /** Closes the browser and the server, and removes the copy. */
  close(): Promise<void>;
}

/** Call from `before`; `watch` sees the page before the workbench loads (to listen to its console). */
export async function openExampleWorkbench(ctx: Mocha.Context, watch?: (page: Page) => void): Promise<ExampleWorkbench> {
  const tools = requireUiTools(ctx);
  requireBuilt();
  const folder = copyExamples();
  const server = await CodeServer.start(tools);
  const browser = await launchBrowser(tools);
  const close = async () => {
    await browser.close();
    await server.stop();
    removeExamples(folder);
  };
  try {
    const page = await browser.context.newPage();
    watch?.(page);
    await openWorkbench(page, server.url(folder, [['extensionDevelopmentPath', server.remoteUri(REPO)]]));
    return { folder, page, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Call from `afterEach`: a screenshot of the workbench when the test just failed. */
export async function shotIfFailed(ctx: Mocha.Context, shots: Artifacts, page: Page | undefined): Promise<void> {
  const test = ctx.currentTest;
  if (test?.state === 'failed' && page) await shots.shot(page, `failed-${test.title.replace(/\W+/g, '-')}`);
}
