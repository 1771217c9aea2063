/**
 * Launch configurations for the `translucent` debugger: the ones offered when launch.json is
 * created (one per ELF in the workspace), and the defaults filled in when F5 is pressed without a
 * launch.json (the ELF open in the editor, or the one built from the open source file).
 */
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEBUG_TYPE } from './constants';

/** The configuration offered when nothing better is known. */
export function templateConfiguration(program = '${workspaceFolder}/guest.elf'): vscode.DebugConfiguration {
  return { type: DEBUG_TYPE, request: 'launch', name: `Debug ${path.basename(program)}`, program, stopOnEntry: true };
}

export class TranslucentConfigurationProvider implements vscode.DebugConfigurationProvider {
  async provideDebugConfigurations(folder: vscode.WorkspaceFolder | undefined): Promise<vscode.DebugConfiguration[]> {
    const pattern = folder ? new vscode.RelativePattern(folder, '**/*.elf') : '**/*.elf';
    const elves = await vscode.workspace.findFiles(pattern, '**/node_modules/**', 10);
    if (elves.length === 0) return [templateConfiguration()];
    return elves.map((uri) => {
      const rel = folder ? path.relative(folder.uri.fsPath, uri.fsPath) : uri.fsPath;
      return templateConfiguration(folder ? `\${workspaceFolder}/${rel.split(path.sep).join('/')}` : rel);
    });
  }

  resolveDebugConfiguration(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.DebugConfiguration | undefined {
    // F5 with no launch.json: VS Code passes an empty configuration.
    if (!config.type && !config.request && !config.name) {
      const program = programForEditor(vscode.window.activeTextEditor?.document.uri);
      if (!program) {
        void vscode.window.showInformationMessage(
          'Translucent: open an RV32 ELF (or a source file with an ELF of the same name beside it), or add a launch configuration.');
        return undefined;
      }
      return { ...templateConfiguration(program), cwd: folder?.uri.fsPath ?? path.dirname(program) };
    }
    if (!config.program) {
      void vscode.window.showErrorMessage('Translucent: the launch configuration has no "program" (the ELF to run).');
      return undefined;
    }
    return config.cwd === undefined && folder ? { ...config, cwd: folder.uri.fsPath } : config;
  }
}

/**
 * The ELF to debug for the file in the editor: the file itself; for a source file, `name.elf` beside
 * `name.c`/`name.S`, else the only ELF in its folder (a program built from several sources).
 */
export function programForEditor(uri: vscode.Uri | undefined): string | undefined {
  if (!uri || uri.scheme !== 'file') return undefined;
  const file = uri.fsPath;
  if (file.endsWith('.elf')) return file;
  if (!/\.(c|s|S|asm)$/.test(file)) return undefined;
  const sameName = file.replace(/\.[^.]+$/, '.elf');
  if (fs.existsSync(sameName)) return sameName;
  const dir = path.dirname(file);
  const elves = fs.readdirSync(dir).filter((f) => f.endsWith('.elf'));
  return elves.length === 1 ? path.join(dir, elves[0]) : undefined;
}
