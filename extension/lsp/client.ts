/**
 * Starts the RISC-V assembly language server (dist/lsp.js) as a separate Node process speaking LSP
 * over stdio, for the assembly documents VS Code opens.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

export const ASM_LANGUAGE_ID = 'riscv-asm';

export function startLanguageClient(extensionPath: string): LanguageClient {
  const module = path.join(extensionPath, 'dist', 'lsp.js');
  // `module` runs with the extension host's own Node (forked), so no separate Node is needed.
  const run = { module, transport: TransportKind.stdio };
  const server: ServerOptions = { run, debug: run };
  const client: LanguageClientOptions = {
    documentSelector: [{ language: ASM_LANGUAGE_ID }],
    outputChannelName: 'Translucent: RISC-V assembly',
  };
  const lc = new LanguageClient('translucent.riscvAsm', 'RISC-V assembly (Translucent)', server, client);
  lc.start().catch((e: unknown) => {
    void vscode.window.showWarningMessage(`Translucent: the RISC-V assembly language server did not start: ${e instanceof Error ? e.message : String(e)}`);
  });
  return lc;
}
