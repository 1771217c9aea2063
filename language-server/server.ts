/**
 * The language server: wires protocol requests on a connection to the features (features/). Works on
 * any connection — stdio in main.ts, a stream pair in the tests.
 */
import { Connection, DidChangeConfigurationNotification, InitializeResult, TextDocumentSyncKind, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SourceFile, Workspace } from './document/workspace';
import { AssemblyService } from './features/diagnostics';
import { hoverAt } from './features/hover';
import { completionsAt } from './features/completion';
import { signatureHelpAt } from './features/signature-help';
import { definitionAt, referencesAt } from './features/navigation';
import { documentSymbols } from './features/outline';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, Settings, readSettings, sectionOf } from './settings';

export const SERVER_NAME = 'translucent-asm';

function capabilities(): InitializeResult['capabilities'] {
  return {
    // TextDocuments applies the edits, so clients need only send what changed.
    textDocumentSync: TextDocumentSyncKind.Incremental,
    hoverProvider: true,
    // `.` starts a directive, `%` a relocation operator; `,` and space move to the next operand.
    completionProvider: { triggerCharacters: ['.', '%', ',', ' ', '('] },
    signatureHelpProvider: { triggerCharacters: [' ', ','], retriggerCharacters: [','] },
    definitionProvider: true,
    referencesProvider: true,
    documentSymbolProvider: true,
  };
}

export interface ServerHandle {
  /** Whether the client has sent `shutdown` (a clean end, as opposed to a dropped connection). */
  readonly shutdownRequested: boolean;
}

export function startServer(connection: Connection): ServerHandle {
  let shutdownRequested = false;
  const documents = new TextDocuments(TextDocument);
  const ws = new Workspace(documents);
  let settings: Settings = DEFAULT_SETTINGS;
  const assembly = new AssemblyService(ws, {
    delayMs: () => settings.diagnosticsDelay,
    publish: (params) => void connection.sendDiagnostics(params),
  });

  let pullsConfiguration = false;
  let registersForChanges = false;
  const pullSettings = async () => {
    settings = readSettings(await connection.workspace.getConfiguration(SETTINGS_SECTION), settings);
  };

  connection.onInitialize((params): InitializeResult => {
    settings = readSettings(params.initializationOptions, settings);
    pullsConfiguration = params.capabilities.workspace?.configuration === true;
    registersForChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    return { capabilities: capabilities(), serverInfo: { name: SERVER_NAME } };
  });
  connection.onInitialized(() => {
    // VS Code sends configuration changes only to servers that ask for them.
    if (registersForChanges) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    if (pullsConfiguration) void pullSettings().catch(() => undefined);
  });
  connection.onDidChangeConfiguration((change) => {
    const pushed = sectionOf(change.settings);
    if (pushed !== undefined) settings = readSettings(pushed, settings);
    else if (pullsConfiguration) void pullSettings().catch(() => undefined);
  });

  // TextDocuments fires onDidChangeContent right after onDidOpen: that one is the opening, not an edit.
  const opening = new Set<string>();
  documents.onDidOpen((e) => {
    opening.add(e.document.uri);
    assembly.schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    if (opening.delete(e.document.uri)) return;
    assembly.changed(e.document.uri, documents.keys());
  });
  documents.onDidClose((e) => {
    assembly.closed(e.document.uri);
    ws.forget(e.document.uri);
  });

  /** The open document for a request, with what the handler needs of it. */
  const withFile = <T>(uri: string, fallback: T, f: (file: SourceFile, doc: TextDocument) => T): T => {
    const doc = documents.get(uri);
    const file = doc === undefined ? undefined : ws.file(uri);
    return doc === undefined || file === undefined ? fallback : f(file, doc);
  };
  const lineOf = (doc: TextDocument, line: number) => doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');

  connection.onHover((p) => withFile(p.textDocument.uri, null, (file) => hoverAt(ws, file, p.position, assembly.record(file.uri))));
  connection.onCompletion((p) => withFile(p.textDocument.uri, [], (file, doc) =>
    completionsAt(ws, file, p.position, lineOf(doc, p.position.line), assembly.record(file.uri))));
  connection.onSignatureHelp((p) => withFile(p.textDocument.uri, null, (file, doc) => signatureHelpAt(ws, file, p.position, lineOf(doc, p.position.line))));
  connection.onDefinition((p) => withFile(p.textDocument.uri, [], (file) => definitionAt(ws, file, p.position)));
  connection.onReferences((p) => withFile(p.textDocument.uri, [], (file) => referencesAt(ws, file, p.position, p.context.includeDeclaration)));
  connection.onDocumentSymbol((p) => withFile(p.textDocument.uri, [], (file, doc) => documentSymbols(ws.index(file), doc.getText().split(/\r?\n/))));
  connection.onShutdown(() => {
    shutdownRequested = true;
    assembly.dispose();
  });

  documents.listen(connection);
  return { get shutdownRequested() { return shutdownRequested; } };
}
