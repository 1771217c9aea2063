/**
 * The integration suite's entry point, loaded by VS Code's extension host (extensionTestsPath):
 * runs every *.itest.js beside it with mocha and rejects when any fails.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha = require('mocha');

export function run(): Promise<void> {
  // The runner outside names a file for the report (the workbench's own log is too noisy to read it from).
  const report = process.env.TRANSLUCENT_SUITE_REPORT;
  if (report) {
    Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
      fs.appendFileSync(report, `${util.format(...args)}\n`);
    };
  }
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.itest.js')).sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
