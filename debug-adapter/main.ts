/**
 * `translucent dap`: the debug adapter over stdin/stdout (what VS Code starts for an executable
 * adapter), or, with `--port N`, a server that runs one session per TCP connection (for attaching a
 * debugger to the adapter, and for tests). The extension can also run TranslucentSession inline.
 */
import * as net from 'node:net';
import { TranslucentSession } from './session';

export { TranslucentSession };

function usage(): string {
  return 'Usage: translucent dap [--port N]\n\nSpeaks the Debug Adapter Protocol on stdin/stdout, or on TCP port N (one session per connection).\n';
}

/** Keeps the adapter alive whatever happens inside one request: the error goes to stderr. */
function guardProcess(): void {
  const report = (e: unknown) => process.stderr.write(`translucent dap: internal error: ${(e as Error)?.stack ?? e}\n`);
  process.on('uncaughtException', report);
  process.on('unhandledRejection', report);
}

/**
 * A session that reports unreadable input on stderr: the protocol layer emits an 'error' event for a
 * message that is not JSON, and an EventEmitter 'error' without a listener would throw out of the
 * stream's data handler and leave the input dead.
 */
function newSession(): TranslucentSession {
  const session = new TranslucentSession();
  session.on('error', (e: { body?: unknown }) => process.stderr.write(`translucent dap: ${JSON.stringify(e?.body ?? e)}\n`));
  return session;
}

/** Serves sessions on `port` (0: any free port); resolves with the server once it listens. */
export function serveDap(port: number, host = '127.0.0.1'): Promise<net.Server> {
  const server = net.createServer((socket) => {
    const session = newSession();
    session.setRunAsServer(true);
    session.start(socket, socket);
    socket.on('close', () => session.close());
    socket.on('error', () => session.close());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

export async function dapMain(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usage());
    return 0;
  }
  const portAt = argv.indexOf('--port');
  const unknown = argv.filter((a, i) => a !== '--port' && i !== portAt + 1);
  if (unknown.length > 0 || (portAt >= 0 && !/^\d+$/.test(argv[portAt + 1] ?? ''))) {
    process.stderr.write(`translucent dap: unexpected arguments: ${argv.join(' ')}\n${usage()}`);
    return 2;
  }
  guardProcess();
  if (portAt >= 0) {
    const server = await serveDap(Number(argv[portAt + 1]));
    const addr = server.address() as net.AddressInfo;
    process.stderr.write(`translucent dap: listening on ${addr.address}:${addr.port}\n`);
    await new Promise<void>((res) => server.on('close', () => res()));
    return 0;
  }
  const session = newSession();
  session.setRunAsServer(false);
  session.start(process.stdin, process.stdout);
  // The session ends with disconnect; a client that just goes away closes stdin.
  await Promise.race([session.ended, new Promise<void>((res) => process.stdin.once('end', () => res()))]);
  session.close();
  return 0;
}

if (require.main === module) {
  dapMain(process.argv.slice(2)).then((code) => process.exit(code));
}
