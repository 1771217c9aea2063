/**
 * Launch configurations for the `translucent` debugger: the ones offered when launch.json is
 * created (one per ELF in the workspace, and one per assembly source that no ELF is built from), and
 * the defaults filled in when F5 is pressed without a launch.json (the ELF open in the editor, the
 * one built from the open source file, or the open assembly source itself, assembled at launch).
 */
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEBUG_TYPE } from './constants';
import { assemblyProgramOf, assemblyProgramsIn } from '../../emulator/asm/program-files';
import { isAssemblySource } from '../../emulator/asm/program';

const SOURCE = /\.(c|s|S|asm)$/;
/** How many files of each kind the initial configurations list at most. */
const OFFERED = 10;

/** The configuration offered when nothing better is known; a list of sources is named by its folder. */
export function templateConfiguration(program: string | string[] = '${workspaceFolder}/guest.elf'): vscode.DebugConfiguration {
  const what = typeof program === 'string' ? path.basename(program) : `${path.basename(path.dirname(program[0]))}/ (${program.length} sources)`;
  return { type: DEBUG_TYPE, request: 'launch', name: `Debug ${what}`, program, stopOnEntry: true };
}

export class TranslucentConfigurationProvider implements vscode.DebugConfigurationProvider {
  async provideDebugConfigurations(folder: vscode.WorkspaceFolder | undefined): Promise<vscode.DebugConfiguration[]> {
    const find = (glob: string) => vscode.workspace.findFiles(folder ? new vscode.RelativePattern(folder, glob) : glob, '**/node_modules/**', 100);
    const byPath = (a: vscode.Uri, b: vscode.Uri) => a.fsPath.localeCompare(b.fsPath);
    const [elves, sources] = (await Promise.all([find('**/*.elf'), find('**/*.{S,s,asm}')])).map((l) => l.sort(byPath));
    // A source in a folder with an ELF is part of that ELF's build (a C program's start.S).
    const built = new Set(elves.map((u) => path.dirname(u.fsPath)));
    const asmDirs = [...new Set(sources.map((u) => path.dirname(u.fsPath)).filter((d) => !built.has(d)))].sort();
    const asmPrograms = asmDirs.flatMap((d) => assemblyProgramsIn(d)).slice(0, OFFERED);
    const name = (file: string) => {
      const rel = folder ? path.relative(folder.uri.fsPath, file) : file;
      return folder ? `\${workspaceFolder}/${rel.split(path.sep).join('/')}` : rel;
    };
    const programs: (string | string[])[] = [
      ...elves.slice(0, OFFERED).map((u) => name(u.fsPath)),
      ...asmPrograms.map((files) => (files.length === 1 ? name(files[0]) : files.map(name))),
    ];
    if (programs.length === 0) return [templateConfiguration()];
    return programs.map((p) => templateConfiguration(p));
  }

  resolveDebugConfiguration(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.DebugConfiguration | undefined {
    // F5 with no launch.json: VS Code passes an empty configuration.
    if (!config.type && !config.request && !config.name) {
      const program = programForEditor(vscode.window.activeTextEditor?.document.uri);
      if (!program) {
        void vscode.window.showInformationMessage(
          'Translucent: open an RV32 ELF or an assembly source (.S), or a C source with its ELF beside it, or add a launch configuration.');
        return undefined;
      }
      const dir = path.dirname(typeof program === 'string' ? program : program[0]);
      return { ...templateConfiguration(program), cwd: folder?.uri.fsPath ?? dir };
    }
    if (!config.program || (Array.isArray(config.program) && config.program.length === 0)) {
      void vscode.window.showErrorMessage('Translucent: the launch configuration has no "program" (an ELF or image to run, or assembly sources to assemble).');
      return undefined;
    }
    return config.cwd === undefined && folder ? { ...config, cwd: folder.uri.fsPath } : config;
  }
}

/**
 * What to debug for the file in the editor: an ELF itself; for a source file, `name.elf` beside
 * `name.c`/`name.S`, else the only ELF in its folder (a program built from several sources); else,
 * for an assembly source, the program it belongs to (emulator/asm/program-files.ts), assembled at launch.
 */
export function programForEditor(uri: vscode.Uri | undefined): string | string[] | undefined {
  if (!uri || uri.scheme !== 'file') return undefined;
  const file = uri.fsPath;
  if (file.endsWith('.elf')) return file;
  if (!SOURCE.test(file)) return undefined;
  const sameName = file.replace(/\.[^.]+$/, '.elf');
  if (fs.existsSync(sameName)) return sameName;
  const dir = path.dirname(file);
  const elves = fs.readdirSync(dir).filter((f) => f.endsWith('.elf'));
  if (elves.length === 1) return path.join(dir, elves[0]);
  if (!isAssemblySource(file)) return undefined;
  const program = assemblyProgramOf(file);
  return program.length === 1 ? program[0] : program;
}
