/**
 * The language server as a process: LSP over stdin/stdout, for VS Code (started by the extension)
 * and for any other editor (`translucent lsp`, or `node out/language-server/main.js --stdio`).
 */
import { createConnection } from 'vscode-languageserver/node';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { startServer } from './server';

const USAGE = `usage: translucent lsp [--stdio]

Runs the RISC-V assembly language server, speaking the Language Server Protocol on
stdin and stdout. Editors start it themselves; see the README for their settings.`;

/** Options clients pass that need no action here (the library reads --clientProcessId itself). */
const ACCEPTED = [/^--stdio$/, /^--clientProcessId(=\d+)?$/, /^\d+$/];

/**
 * Serves until the client closes the connection. The `exit` notification ends the process directly
 * (as the protocol asks), with 0 if `shutdown` came first; otherwise this resolves to 0 or 1 the same way.
 */
export function lspMain(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return Promise.resolve(0);
  }
  const unknown = argv.filter((a) => !ACCEPTED.some((re) => re.test(a)));
  if (unknown.length > 0) {
    process.stderr.write(`translucent lsp: unknown option ${unknown[0]} (only stdio is supported)\n${USAGE}\n`);
    return Promise.resolve(2);
  }
  // Message reader/writer objects, not the raw streams: given streams, the library exits the
  // process itself when stdin ends, and this function could never return.
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  const connection = createConnection(reader, writer);
  // stdout carries the protocol: anything logged must go to the client's log instead.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = console.log;
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  const server = startServer(connection);
  connection.listen();
  return new Promise((resolve) => reader.onClose(() => resolve(server.shutdownRequested ? 0 : 1)));
}

if (require.main === module) {
  void lspMain(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
