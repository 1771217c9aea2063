/**
 * The launch schema contributed to package.json is generated from the adapter's own schema: the
 * committed file must match what the schema produces now, and the schema must agree with the checks.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { CONTRIBUTIONS_FILE, contributionsText, debuggerContributions } from '../../debug-adapter/contributions';
import { LAUNCH_ATTRIBUTES } from '../../debug-adapter/launch-config';
import { CUSTOM_EVENTS, CUSTOM_REQUESTS } from '../../debug-adapter/protocol';

describe('debug adapter: package contributions', () => {
  it('debug-adapter/package-contributions.json is up to date (node out/debug-adapter/contributions.js)', () => {
    assert.equal(fs.readFileSync(CONTRIBUTIONS_FILE, 'utf8'), contributionsText());
  });

  it('every launch attribute has a type and a description; program is required', () => {
    const c = debuggerContributions() as { debuggers: { type: string; configurationAttributes: { launch: { required: string[]; properties: Record<string, { description?: string; type?: string; anyOf?: unknown[] }> } } }[] };
    const launch = c.debuggers[0].configurationAttributes.launch;
    assert.equal(c.debuggers[0].type, 'translucent');
    assert.deepEqual(launch.required, ['program']);
    assert.deepEqual(Object.keys(launch.properties).sort(), ['bios', 'bootargs', 'cwd', 'dtb', 'engine', 'program', 'ram', 'semihosting', 'stopOnEntry', 'symbols']);
    for (const [k, p] of Object.entries(launch.properties)) {
      assert.ok(p.description && p.description.length > 20, `${k} has a description`);
      assert.ok(p.type !== undefined || p.anyOf !== undefined, `${k} has a type`);
    }
    assert.equal(LAUNCH_ATTRIBUTES.json.properties!.engine.default, 'jit');
  });

  it('every custom request and event is described', () => {
    for (const [name, r] of [...Object.entries(CUSTOM_REQUESTS), ...Object.entries(CUSTOM_EVENTS)]) {
      assert.match(name, /^translucent\//);
      assert.ok(r.description.length > 30, name);
    }
  });
});
