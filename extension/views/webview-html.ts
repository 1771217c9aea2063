/**
 * The HTML shell of every Translucent webview: a strict Content-Security-Policy (nothing but our
 * own bundle and stylesheet, script and style admitted by a fresh nonce, no network), VS Code's
 * theme variables for colours and fonts, and the bundle that renders the view.
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';

export interface WebviewAssets {
  /** Bundle name under dist/webview/ (without .js). */
  readonly script: string;
  /** Accessible title of the document (screen readers announce it). */
  readonly title: string;
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, assets: WebviewAssets): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${assets.script}.js`));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'webview.css'));
  // Web components style themselves with constructed stylesheets, which style-src does not govern;
  // everything else is our one stylesheet.
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${style}">
<title>${assets.title}</title>
</head>
<body>
<main id="root" aria-live="polite"></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

/** What a view's webview may load: our bundles and stylesheet, nothing else. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}
