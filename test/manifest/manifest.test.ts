import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mergedPackageText } from '../../extension/manifest/cli';
import { mergeManifest } from '../../extension/manifest/merge';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('package.json contributions', () => {
  it('has the adapter\'s and the language server\'s contributions merged in (npm run contributions)', () => {
    const { current, merged } = mergedPackageText();
    assert.strictEqual(current, merged);
  });

  it('merging is idempotent', () => {
    const parts = { adapter: { debuggers: [{ type: 'translucent', languages: ['x'], configurationAttributes: { launch: { properties: { a: {} } } } }], breakpoints: [{ language: 'x' }] } };
    const once = mergeManifest(pkg, parts);
    assert.deepStrictEqual(mergeManifest(once, parts), once);
  });

  it('contributes the debugger for assembly and C, with breakpoints in both', () => {
    const d = pkg.contributes.debuggers.find((x: { type: string }) => x.type === 'translucent');
    assert.ok(d.languages.includes('riscv-asm') && d.languages.includes('c'));
    const bp = pkg.contributes.breakpoints.map((b: { language: string }) => b.language);
    assert.ok(bp.includes('riscv-asm') && bp.includes('c'));
    assert.ok(d.configurationAttributes.launch.properties.program, 'launch attributes come from the adapter');
  });

  it('declares every view, and a command for each title-bar button', () => {
    const ids = pkg.contributes.views.translucent.map((v: { id: string }) => v.id);
    assert.deepStrictEqual(ids, ['translucent.trace', 'translucent.blocks', 'translucent.devices']);
    const commands = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    for (const m of pkg.contributes.menus['view/title']) assert.ok(commands.has(m.command), m.command);
  });

  it('points at files that exist', () => {
    for (const rel of [pkg.main, pkg.contributes.viewsContainers.activitybar[0].icon]) {
      if (rel.startsWith('./dist/')) continue; // built by webpack
      assert.ok(fs.existsSync(path.join(ROOT, rel)), rel);
    }
  });
});
