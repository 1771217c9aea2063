// Bundles the Node entry points: the CLI (bin/translucent.js falls back to it) and, later, the
// extension and the debug adapter. `vscode` stays external: the editor provides it.
'use strict';
const path = require('path');

/** @type {import('webpack').Configuration} */
module.exports = {
  target: 'node',
  mode: 'production',
  entry: { cli: './emulator/cli.ts' },
  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', libraryTarget: 'commonjs2' },
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: [{ loader: 'ts-loader', options: { transpileOnly: true } }] }] },
  externals: { vscode: 'commonjs vscode' },
  devtool: 'source-map',
  optimization: { minimize: false },
};
