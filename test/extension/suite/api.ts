/** The extension under test, activated, and the workspace the runner opened (a copy of examples/). */
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { TranslucentApi } from '../../../extension/api';

export const EXTENSION_ID = 'translucent.translucent';

export async function extensionApi(): Promise<TranslucentApi> {
  const ext = vscode.extensions.getExtension<TranslucentApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in this extension host`);
  return ext.isActive ? ext.exports : ext.activate();
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the runner opens examples/ as the workspace');
  return f;
}

/** Resolves with the first event that satisfies `accept`, or rejects after `ms`. */
export function nextEvent<T>(event: vscode.Event<T>, accept: (e: T) => boolean, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out after ${ms} ms waiting for ${what}`)); }, ms);
    const sub = event((e) => {
      if (!accept(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}

/** Polls `probe` until it returns a value, or rejects after `ms`. */
export async function until<T>(probe: () => T | undefined | Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
