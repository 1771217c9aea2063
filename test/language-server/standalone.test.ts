/** The server as its own process (`node out/language-server/main.js --stdio`), as other editors run it. */
import * as assert from 'assert';
import * as path from 'path';
import { spawn, spawnSync } from 'child_process';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const MAIN = path.join(__dirname, '..', '..', 'language-server', 'main.js');

describe('language server process', () => {
  it('speaks LSP on stdio and exits cleanly after shutdown and exit', async () => {
    const child = spawn(process.execPath, [MAIN, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const rpc = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => rpc.onNotification('textDocument/publishDiagnostics', resolve));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    rpc.listen();
    const init: { capabilities: { hoverProvider?: boolean }; serverInfo?: { name: string } } =
      await rpc.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    assert.strictEqual(init.capabilities.hoverProvider, true);
    assert.strictEqual(init.serverInfo?.name, 'translucent-asm');
    await rpc.sendNotification('initialized', {});
    await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:demo.S', languageId: 'riscv-asm', version: 1, text: '  addi a0, a0\n' } });
    const published = await diagnostics;
    assert.deepStrictEqual(published.diagnostics.map((d) => d.message), ['`addi` takes 3 operands, got 2']);
    await rpc.sendRequest('shutdown');
    await rpc.sendNotification('exit');
    assert.strictEqual(await exited, 0);
    rpc.dispose();
  });

  it('prints usage for --help and refuses other transports', () => {
    const help = spawnSync(process.execPath, [MAIN, '--help'], { encoding: 'utf8' });
    assert.strictEqual(help.status, 0);
    assert.match(help.stdout, /usage: translucent lsp/);
    const socket = spawnSync(process.execPath, [MAIN, '--socket=5000'], { encoding: 'utf8' });
    assert.strictEqual(socket.status, 2);
    assert.match(socket.stderr, /unknown option --socket=5000/);
  });
});
