// Bundles everything the packaged extension runs, so no node_modules ship in the .vsix:
//   dist/cli.js        the `translucent` command (bin/translucent.js falls back to it)
//   dist/extension.js  the extension (`vscode` stays external: the editor provides it)
//   dist/dap.js        the debug adapter, a process of its own speaking DAP over stdio
//   dist/lsp.js        the RISC-V assembly language server, a process speaking LSP over stdio
//   dist/webview/*.js  the three views' pages (browser code)
'use strict';
const path = require('path');

const dist = path.resolve(__dirname, 'dist');
const tsRule = (compilerOptions = {}) => ({
  test: /\.ts$/,
  exclude: /node_modules/,
  use: [{ loader: 'ts-loader', options: { transpileOnly: true, compilerOptions } }],
});
const common = {
  mode: 'production',
  resolve: { extensions: ['.ts', '.js'] },
  devtool: 'source-map',
  optimization: { minimize: false },
  // Size hints are for web pages fetched over a network; these load from disk.
  performance: { hints: false },
};

/** Node programs: plain CommonJS, one file each. */
const node = {
  ...common,
  name: 'node',
  target: 'node',
  entry: {
    cli: './emulator/cli.ts',
    lsp: './extension/bundles/lsp.ts',
    dap: './extension/bundles/dap.ts',
  },
  output: { path: dist, filename: '[name].js', libraryTarget: 'commonjs2' },
  module: { rules: [tsRule()] },
  externals: { vscode: 'commonjs vscode' },
};

/**
 * The extension, compiled as ES modules so that `import()` of the inline debug adapter becomes a
 * chunk loaded on first use instead of weighing on activation.
 */
const extension = {
  ...common,
  name: 'extension',
  target: 'node',
  entry: { extension: './extension/main.ts' },
  output: {
    path: dist, filename: '[name].js', chunkFilename: 'extension-[name].js', libraryTarget: 'commonjs2',
    // Drop chunks of earlier builds (their names change with their content); leave the other bundles.
    clean: { keep: (asset) => !asset.startsWith('extension-') },
  },
  module: { rules: [tsRule({ module: 'es2022', moduleResolution: 'bundler' })] },
  externals: { vscode: 'commonjs vscode' },
  // One lazily loaded chunk for the inline adapter, not one per library it uses.
  optimization: { ...common.optimization, splitChunks: false },
};

const webviews = {
  ...common,
  name: 'webviews',
  target: 'web',
  entry: {
    trace: './extension/webview/trace/main.ts',
    blocks: './extension/webview/blocks/main.ts',
    devices: './extension/webview/devices/main.ts',
  },
  output: { path: path.join(dist, 'webview'), filename: '[name].js' },
  module: { rules: [tsRule({ module: 'es2022', moduleResolution: 'bundler' })] },
};

module.exports = [node, extension, webviews];
