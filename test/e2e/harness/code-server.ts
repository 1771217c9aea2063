/**
 * A code-server (the real VS Code workbench, served to a browser) for one test run: its own
 * temporary home, user settings and extensions folder, a free port, and a process group that
 * stop() ends whole (code-server leaves file-watcher children behind otherwise).
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { UiTools } from './tools';

/** Settings that make the workbench quiet and deterministic for tests. */
const TEST_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  // The DOM renderer keeps the terminal's text in the page, where a test can read it.
  'terminal.integrated.gpuAcceleration': 'off',
  'editor.minimap.enabled': false,
  'git.enabled': false,
  'debug.showInStatusBar': 'never',
  'workbench.editor.enablePreview': false,
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  /** User settings on top of the quiet test defaults. */
  readonly settings?: Record<string, unknown>;
  /** Added to the environment of code-server and so of its extension hosts. */
  readonly env?: Record<string, string>;
  /** .vsix files to install before the server starts. */
  readonly install?: readonly string[];
}

export class CodeServer {
  private exited: Promise<void>;

  private constructor(private readonly proc: ChildProcess, readonly port: number, readonly dir: string, private readonly log: string) {
    this.exited = new Promise((resolve) => proc.once('exit', () => resolve()));
  }

  static async start(tools: UiTools, opts: StartOptions = {}): Promise<CodeServer> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-code-server-'));
    const home = path.join(dir, 'home');
    const user = path.join(dir, 'user');
    const extensions = path.join(dir, 'extensions');
    fs.mkdirSync(path.join(user, 'User'), { recursive: true });
    fs.mkdirSync(home, { recursive: true });
    fs.writeFileSync(path.join(user, 'User', 'settings.json'), JSON.stringify({ ...TEST_SETTINGS, ...opts.settings }, null, 2));
    const env = {
      ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local', 'share'),
      XDG_CACHE_HOME: path.join(home, '.cache'), ...opts.env,
    };
    for (const vsix of opts.install ?? []) {
      const r = spawnSync(tools.node, [tools.codeServer, '--install-extension', vsix, '--user-data-dir', user, '--extensions-dir', extensions],
        { env, encoding: 'utf8', timeout: 60_000 });
      if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed:\n${r.stdout}${r.stderr}`);
    }
    const port = await freePort();
    const log = path.join(dir, 'code-server.log');
    const out = fs.openSync(log, 'w');
    const proc = spawn(tools.node, [tools.codeServer,
      '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override',
      // Without it every browser connection leaves an extension host alive for hours.
      '--reconnection-grace-time', '5',
      // Enables the extension test payload (extensionTestsPath) and codeAutomationExit.
      '--vscode-option', 'enable-smoke-test-driver',
      '--user-data-dir', user, '--extensions-dir', extensions], {
      detached: true, // its own process group, ended whole by stop()
      stdio: ['ignore', out, out],
      env,
    });
    fs.closeSync(out);
    const server = new CodeServer(proc, port, dir, log);
    await server.waitHealthy();
    return server;
  }

  private async waitHealthy(): Promise<void> {
    const deadline = Date.now() + 60_000;
    let dead = false;
    void this.exited.then(() => { dead = true; });
    while (Date.now() < deadline && !dead) {
      try {
        const r = await fetch(`http://127.0.0.1:${this.port}/healthz`);
        if (r.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`code-server did not start:\n${this.logTail()}`);
  }

  logTail(lines = 40): string {
    try {
      return fs.readFileSync(this.log, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  /** The workbench URL for `folder`, with an optional payload (extensionDevelopmentPath, extensionTestsPath, ...). */
  url(folder: string, payload: readonly [string, string][] = []): string {
    const q = new URLSearchParams({ folder });
    if (payload.length) q.set('payload', JSON.stringify(payload));
    return `http://127.0.0.1:${this.port}/?${q.toString()}`;
  }

  /** A path on this machine as the remote extension host names it. */
  remoteUri(p: string): string {
    return `vscode-remote://127.0.0.1:${this.port}${p}`;
  }

  async stop(): Promise<void> {
    const pid = this.proc.pid;
    if (pid !== undefined && this.proc.exitCode === null) {
      try { process.kill(-pid, 'SIGTERM'); } catch { /* already gone */ }
      const timer = setTimeout(() => { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await this.exited;
      clearTimeout(timer);
      // Children (watchers, extension hosts) share the group; make sure none outlive the server.
      try { process.kill(-pid, 'SIGKILL'); } catch { /* group already empty */ }
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
