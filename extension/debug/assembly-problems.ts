/**
 * Assembly errors of a launch in the Problems view. When a launch's program is assembly sources, the
 * adapter reports what assembling them found (`translucent/assembly`); each problem is shown at its
 * line and columns, the Problems view comes forward when the launch failed, and a file's entries go
 * once it is edited (the language server's diagnostics follow the text from there).
 */
import * as vscode from 'vscode';
import type { AssemblyDiagnostic, AssemblyEventBody } from '../../debug-adapter/protocol';
import type { SessionEvents } from './session-events';

/** The language server's name for its own diagnostics (language-server/features/diagnostics.ts). */
const LANGUAGE_SERVER_SOURCE = 'translucent-as';
export const LAUNCH_DIAGNOSTIC_SOURCE = 'translucent launch';

export class AssemblyProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('translucent-launch');
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(sessions: SessionEvents) {
    this.disposables.push(
      sessions.onCustomEvent((e) => {
        if (e.event === 'translucent/assembly') this.show(e.body as AssemblyEventBody);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.collection.has(e.document.uri)) this.collection.delete(e.document.uri);
      }),
    );
  }

  /** What the Problems view holds for `uri` from launches (for tests). */
  problems(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  private show(body: AssemblyEventBody): void {
    // A launch replaces what the previous one reported, including files it no longer names.
    this.collection.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const d of body.diagnostics) {
      const uri = vscode.Uri.file(d.file);
      const diagnostic = toDiagnostic(d);
      if (shownByLanguageServer(uri, diagnostic)) continue;
      const list = byFile.get(uri.toString()) ?? [];
      list.push(diagnostic);
      byFile.set(uri.toString(), list);
    }
    this.collection.set([...byFile].map(([uri, list]) => [vscode.Uri.parse(uri), list]));
    if (body.diagnostics.some((d) => d.severity === 'error')) {
      void vscode.commands.executeCommand('workbench.actions.view.problems', { preserveFocus: true });
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function toDiagnostic(d: AssemblyDiagnostic): vscode.Diagnostic {
  const line = Math.max(0, d.line - 1);
  const start = Math.max(0, d.column - 1);
  const end = Math.max(start + 1, (d.endColumn ?? d.column + 1) - 1);
  const severity = d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(new vscode.Range(line, start, line, end), d.message, severity);
  diagnostic.source = LAUNCH_DIAGNOSTIC_SOURCE;
  return diagnostic;
}

/** The same problem at the same place is already listed by the language server (the file is open). */
function shownByLanguageServer(uri: vscode.Uri, d: vscode.Diagnostic): boolean {
  return vscode.languages.getDiagnostics(uri).some((o) => o.source === LANGUAGE_SERVER_SOURCE
    && o.message === d.message && o.range.start.isEqual(d.range.start));
}
