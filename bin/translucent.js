#!/usr/bin/env node
// Entry point of the `translucent` command: the compiled sources in a checkout (what `npm test` builds),
// else the webpack bundle (what the packaged extension ships).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const bundled = path.join(__dirname, '..', 'dist', 'cli.js');
const compiled = path.join(__dirname, '..', 'out', 'emulator', 'cli.js');
const entry = fs.existsSync(compiled) ? compiled : bundled;
if (!fs.existsSync(entry)) {
  process.stderr.write('translucent: not built yet; run `npm run build` first\n');
  process.exit(1);
}
require(entry).main(process.argv.slice(2)).then((code) => process.exit(code));
