/**
 * F5 on assembly in VS Code: a launch configuration naming `.S` sources boots them (assembled at
 * launch, stopping on entry at the source line); one whose sources have errors fails, and the errors
 * are in the Problems view at their lines until the file is edited.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TranslucentApi } from '../../../extension/api';
import { extensionApi, nextEvent, until, workspaceFolder } from './api';
import { LAUNCH_DIAGNOSTIC_SOURCE } from '../../../extension/debug/assembly-problems';

describe('F5 on assembly sources', function () {
  this.timeout(90_000);

  it('boots a program of three .S files and stops on entry at _start\'s line in main.S', async () => {
    const api = await extensionApi();
    const folder = workspaceFolder();
    const timer = path.join(folder.uri.fsPath, 'asm', 'timer');
    const started = nextEvent(api.sessions.onStarted, () => true, 30_000, 'the session to start');
    const entry = nextEvent(api.sessions.onStopped, (s) => s.reason === 'entry', 30_000, 'the stop on entry');
    assert.ok(await vscode.debug.startDebugging(folder, {
      type: 'translucent', request: 'launch', name: 'itest timer', cwd: '${workspaceFolder}', stopOnEntry: true,
      program: ['main.S', 'trap.S', 'uart.S'].map((f) => `\${workspaceFolder}/asm/timer/${f}`),
    }));
    const session = await started;
    const stop = await entry;
    const frames = await session.customRequest('stackTrace', { threadId: stop.threadId, startFrame: 0, levels: 1 });
    const top = frames.stackFrames[0];
    assert.strictEqual(top.name, '_start');
    // In a remote workbench (code-server) the path comes back as a vscode-remote URI.
    assert.ok(top.source.path.endsWith('/asm/timer/main.S'), top.source.path);
    const lines = fs.readFileSync(path.join(timer, 'main.S'), 'utf8').split('\n');
    assert.strictEqual(lines[top.line - 1].trim(), 'la sp, stack_top');
    const ended = nextEvent(api.sessions.onEnded, (s) => s.id === session.id, 20_000, 'the session to end');
    await vscode.debug.stopDebugging(session);
    await ended;
  });

  it('restart (Ctrl+Shift+F5) after an edit on disk boots the reassembled program', async () => {
    const api = await extensionApi();
    const folder = workspaceFolder();
    const file = path.join(folder.uri.fsPath, 'asm', 'echo.S');
    const original = fs.readFileSync(file, 'utf8');
    const started = nextEvent(api.sessions.onStarted, () => true, 30_000, 'the session to start');
    const entry = nextEvent(api.sessions.onStopped, (s) => s.reason === 'entry', 30_000, 'the stop on entry');
    assert.ok(await vscode.debug.startDebugging(folder, {
      type: 'translucent', request: 'launch', name: 'itest echo', cwd: '${workspaceFolder}', stopOnEntry: true, program: '${workspaceFolder}/asm/echo.S',
    }));
    const session = await started;
    await entry;
    try {
      fs.writeFileSync(file, original.replace('Hello from the Translucent assembly example!', 'Edited, reassembled, restarted!'));
      let output = '';
      const sub = api.sessions.onOutput((o) => { if (o.session.id === session.id) output += o.text; });
      const again = nextEvent(api.sessions.onStopped, (s) => s.session.id === session.id && s.reason === 'entry', 30_000, 'the stop on entry after restart');
      // The restart command acts on the focused session (with none, it starts the selected
      // configuration): wait until the stop has focused this one, as it has for a user.
      await until(() => (vscode.debug.activeDebugSession?.id === session.id && vscode.debug.activeStackItem !== undefined ? true : undefined),
        20_000, 'the session to have the focus');
      await vscode.commands.executeCommand('workbench.action.debug.restart');
      await again.catch((e: Error) => { throw new Error(`${e.message}; the session's output: ${JSON.stringify(output)}`); });
      assert.match(output, /echo\.S changed: restarting with the new program/);
      await vscode.commands.executeCommand('workbench.action.debug.continue');
      await until(() => (output.includes('Edited, reassembled, restarted!') ? true : undefined), 20_000, 'the new banner');
      sub.dispose();
    } finally {
      fs.writeFileSync(file, original);
      const ended = nextEvent(api.sessions.onEnded, (s) => s.id === session.id, 20_000, 'the session to end');
      await vscode.debug.stopDebugging(session);
      await ended;
    }
  });

  it('lists a launch error only once when the language server already shows it for the open file', async () => {
    const api = await extensionApi();
    const folder = workspaceFolder();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-open-'));
    const uri = vscode.Uri.file(path.join(dir, 'open.S'));
    fs.writeFileSync(uri.fsPath, '_start:\n    addi a0, a0\n');
    try {
      await vscode.window.showTextDocument(uri);
      await until(() => (vscode.languages.getDiagnostics(uri).some((d) => d.source === 'translucent-as') ? true : undefined), 20_000, 'the language server');
      const reported = nextEvent(api.sessions.onCustomEvent, (e) => e.event === 'translucent/assembly', 30_000, 'the assembly report');
      await Promise.resolve(vscode.debug.startDebugging(folder, { type: 'translucent', request: 'launch', name: 'itest open', program: uri.fsPath })).catch(() => false);
      await reported;
      assert.deepStrictEqual(api.problems.problems(uri), [], 'not listed a second time');
      const shown = vscode.languages.getDiagnostics(uri);
      assert.strictEqual(shown.length, 1);
      assert.strictEqual(shown[0].message, '`addi` takes 3 operands, got 2');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails a launch whose source has errors and lists them in the Problems view until the file is edited', async () => {
    const api = await extensionApi();
    const folder = workspaceFolder();
    // Outside the workspace, so that no other test finds it.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-broken-'));
    const file = path.join(dir, 'bad.S');
    fs.writeFileSync(file, '_start:\n    addi a0, a0\n    li a1, 1\n    j nowhere\n');
    const uri = vscode.Uri.file(file);
    try {
      await brokenLaunch(folder, uri, api);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function brokenLaunch(folder: vscode.WorkspaceFolder, uri: vscode.Uri, api: TranslucentApi): Promise<void> {
  // The workbench says why in a dialog; a test workbench refuses dialogs, so startDebugging rejects with it.
  let outcome: boolean | string;
  try {
    outcome = await vscode.debug.startDebugging(folder, {
      type: 'translucent', request: 'launch', name: 'itest broken', program: uri.fsPath, stopOnEntry: true,
    });
  } catch (e) {
    outcome = (e as Error).message;
  }
  if (typeof outcome === 'boolean') assert.strictEqual(outcome, false, 'the launch fails');
  else assert.match(outcome, /program: bad\.S did not assemble \(2 errors; the first: bad\.S:2:5: `addi` takes 3 operands, got 2\)/);
  const problems = await until(() => (api.problems.problems(uri).length > 0 ? api.problems.problems(uri) : undefined), 20_000, 'launch problems');
  assert.deepStrictEqual(problems.map((d) => [d.range.start.line, d.range.start.character, d.severity]), [
    [1, 4, vscode.DiagnosticSeverity.Error], [3, 6, vscode.DiagnosticSeverity.Error],
  ]);
  assert.strictEqual(problems[0].message, '`addi` takes 3 operands, got 2');
  assert.match(problems[1].message, /nowhere/);
  // What the Problems view shows is what VS Code holds for the file.
  const shown = vscode.languages.getDiagnostics(uri).filter((d) => d.source === LAUNCH_DIAGNOSTIC_SOURCE);
  assert.strictEqual(shown.length, 2);

  // Editing the file hands it over to the language server: the launch's entries go.
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(1, 0, 1, 15), '    addi a0, a0, 1');
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.strictEqual(doc.lineAt(1).text, '    addi a0, a0, 1');
  assert.strictEqual(api.problems.problems(uri).length, 0);
  await doc.save();
}
