import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { extensionApi, until } from './api';

describe('activation', () => {
  it('activates and returns its API', async () => {
    const api = await extensionApi();
    assert.ok(api.sessions && api.trace && api.blocks && api.devices && api.uart && api.speed);
  });

  it('registers every contributed command', async () => {
    await extensionApi();
    const all = new Set(await vscode.commands.getCommands(true));
    const ext = vscode.extensions.getExtension('translucent.translucent');
    const contributed = (ext?.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.ok(contributed.length >= 6);
    for (const c of contributed) assert.ok(all.has(c), `${c} is contributed but not registered`);
  });

  for (const [view, key] of [['translucent.trace', 'trace'], ['translucent.blocks', 'blocks'], ['translucent.devices', 'devices']] as const) {
    it(`resolves the ${view} webview view and its page loads`, async () => {
      const api = await extensionApi();
      await vscode.commands.executeCommand(`${view}.focus`);
      // `visible` turns true once the page's script has run and said `ready`.
      await until(() => (api[key].visible ? true : undefined), 20_000, `${view} to load`);
      assert.strictEqual(api[key].latestMessage('session')?.type, 'session');
    });
  }

  it('gives assembly sources the riscv-asm language (served by the language server)', async () => {
    await extensionApi();
    const folder = vscode.workspace.workspaceFolders![0];
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'asm', 'echo.S'));
    assert.strictEqual(doc.languageId, 'riscv-asm');
  });
});
