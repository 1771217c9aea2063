/**
 * A minimal LSP client for tests: the server runs in this process on one end of a stream pair and
 * the test speaks the protocol on the other, so every request goes through JSON-RPC framing, the
 * library's dispatch and the server's handlers, as it does with an editor.
 */
import { PassThrough } from 'stream';
import { createConnection } from 'vscode-languageserver/node';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import {
  CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, Location, PublishDiagnosticsParams, SignatureHelp,
} from 'vscode-languageserver-protocol';
import { startServer } from '../../../language-server/server';

export class TestClient {
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: { uri: string; resolve: (d: Diagnostic[]) => void }[] = [];
  private readonly versions = new Map<string, number>();

  private constructor(private readonly rpc: MessageConnection, private readonly close: () => void) {
    rpc.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const waiter = this.waiters.findIndex((w) => w.uri === p.uri);
      if (waiter >= 0) this.waiters.splice(waiter, 1)[0].resolve(p.diagnostics);
      else this.published.push(p);
    });
  }

  static async start(initializationOptions: unknown = { diagnosticsDelay: 20 }): Promise<TestClient> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(server);
    server.listen();
    const rpc = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    rpc.listen();
    const client = new TestClient(rpc, () => {
      rpc.dispose();
      server.dispose();
      toServer.end();
      toClient.end();
    });
    // processId null: the server must not watch this (test) process and exit with it.
    await rpc.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions });
    await rpc.sendNotification('initialized', {});
    return client;
  }

  async stop(): Promise<void> {
    await this.rpc.sendRequest('shutdown');
    this.close();
  }

  open(uri: string, text: string): void {
    this.versions.set(uri, 1);
    void this.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'riscv-asm', version: 1, text } });
  }

  /** Replaces the whole text (a full-document change event). */
  change(uri: string, text: string): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  closeDocument(uri: string): void {
    void this.rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The next diagnostics published for `uri` (one already received and not yet taken counts). */
  diagnostics(uri: string, timeoutMs = 5000): Promise<Diagnostic[]> {
    const ready = this.published.findIndex((p) => p.uri === uri);
    if (ready >= 0) return Promise.resolve(this.published.splice(ready, 1)[0].diagnostics);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ uri, resolve: (d) => { clearTimeout(timer); resolve(d); } });
    });
  }

  private at(uri: string, line: number, character: number) {
    return { textDocument: { uri }, position: { line, character } };
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.rpc.sendRequest('textDocument/hover', this.at(uri, line, character));
  }

  async completion(uri: string, line: number, character: number): Promise<CompletionItem[]> {
    const r: CompletionItem[] | CompletionList | null = await this.rpc.sendRequest('textDocument/completion', this.at(uri, line, character));
    return r === null ? [] : Array.isArray(r) ? r : r.items;
  }

  signatureHelp(uri: string, line: number, character: number): Promise<SignatureHelp | null> {
    return this.rpc.sendRequest('textDocument/signatureHelp', this.at(uri, line, character));
  }

  async definition(uri: string, line: number, character: number): Promise<Location[]> {
    const r: Location | Location[] | null = await this.rpc.sendRequest('textDocument/definition', this.at(uri, line, character));
    return r === null ? [] : Array.isArray(r) ? r : [r];
  }

  async references(uri: string, line: number, character: number, includeDeclaration = true): Promise<Location[]> {
    const r: Location[] | null = await this.rpc.sendRequest('textDocument/references', { ...this.at(uri, line, character), context: { includeDeclaration } });
    return r ?? [];
  }

  async documentSymbols(uri: string): Promise<DocumentSymbol[]> {
    const r: DocumentSymbol[] | null = await this.rpc.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    return r ?? [];
  }
}

/** The markdown text of a hover. */
export function hoverText(h: Hover | null): string {
  if (h === null) return '';
  const c = h.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value;
}
