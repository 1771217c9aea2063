import * as assert from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionApi, workspaceFolder } from './api';

describe('debug configurations', () => {
  it('offers a launch configuration per ELF and per assembly program in the workspace', async () => {
    const api = await extensionApi();
    const configs = await api.configurations.provideDebugConfigurations(workspaceFolder());
    // c/start.S belongs to c/hello.elf; asm/timer's three sources are one program (board.inc is included).
    assert.deepStrictEqual(configs.map((c) => c.program), [
      '${workspaceFolder}/c/hello.elf',
      '${workspaceFolder}/asm/echo.S',
      ['${workspaceFolder}/asm/timer/main.S', '${workspaceFolder}/asm/timer/trap.S', '${workspaceFolder}/asm/timer/uart.S'],
    ]);
    assert.deepStrictEqual(configs.map((c) => c.name), ['Debug hello.elf', 'Debug echo.S', 'Debug timer/ (3 sources)']);
    for (const c of configs) assert.strictEqual(c.type, 'translucent');
  });

  it('without launch.json, F5 in an assembly source boots the program it belongs to, assembled at launch', async () => {
    const api = await extensionApi();
    const folder = workspaceFolder();
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, 'asm', 'echo.S'));
    assert.strictEqual(api.configurations.resolveDebugConfiguration(folder, { type: '', request: '', name: '' })?.program,
      path.join(folder.uri.fsPath, 'asm', 'echo.S'));
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, 'asm', 'timer', 'trap.S'));
    assert.deepStrictEqual(api.configurations.resolveDebugConfiguration(folder, { type: '', request: '', name: '' })?.program,
      ['main.S', 'trap.S', 'uart.S'].map((f) => path.join(folder.uri.fsPath, 'asm', 'timer', f)));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('without launch.json, debugs the ELF built from the source in the editor', async () => {
    const api = await extensionApi();
    const folder = workspaceFolder();
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, 'c', 'main.c'));
    const resolved = api.configurations.resolveDebugConfiguration(folder, { type: '', request: '', name: '' });
    assert.ok(resolved);
    assert.strictEqual(resolved.program, path.join(folder.uri.fsPath, 'c', 'hello.elf'));
    assert.strictEqual(resolved.stopOnEntry, true);
    assert.strictEqual(resolved.cwd, folder.uri.fsPath);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('fills in cwd and refuses a configuration without a program', async () => {
    const api = await extensionApi();
    const folder = workspaceFolder();
    const withCwd = api.configurations.resolveDebugConfiguration(folder, { type: 'translucent', request: 'launch', name: 'x', program: 'c/hello.elf' });
    assert.strictEqual(withCwd?.cwd, folder.uri.fsPath);
    assert.strictEqual(api.configurations.resolveDebugConfiguration(folder, { type: 'translucent', request: 'launch', name: 'x' }), undefined);
  });

  it('is the debugger for the examples\' launch.json', () => {
    const launch = vscode.workspace.getConfiguration('launch', workspaceFolder().uri).get<{ type: string; name: string }[]>('configurations') ?? [];
    assert.ok(launch.length >= 2);
    assert.ok(launch.every((c) => c.type === 'translucent'));
  });
});
