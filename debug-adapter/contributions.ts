/**
 * package.json's debugger contributions, generated from the launch schema (launch-config.ts), so the
 * attributes VS Code offers and checks are exactly the ones the adapter accepts. Written to
 * debug-adapter/package-contributions.json by `node out/debug-adapter/contributions.js`; the lead
 * merges that into package.json's `contributes` (a test keeps the file in step with the schema).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LAUNCH_ATTRIBUTES } from './launch-config';
import { CUSTOM_EVENTS, CUSTOM_REQUESTS } from './protocol';

export const DEBUG_TYPE = 'translucent';

/** Languages whose files can hold breakpoints (C and assembly guests). */
const BREAKPOINT_LANGUAGES = ['c', 'cpp', 'asm', 'riscv'];

export function debuggerContributions(): Record<string, unknown> {
  const schema = LAUNCH_ATTRIBUTES.json;
  return {
    breakpoints: BREAKPOINT_LANGUAGES.map((language) => ({ language })),
    debuggers: [{
      type: DEBUG_TYPE,
      label: 'Translucent (RISC-V RV32 emulator)',
      languages: BREAKPOINT_LANGUAGES,
      configurationAttributes: {
        launch: { required: schema.required, properties: schema.properties },
      },
      initialConfigurations: [{
        type: DEBUG_TYPE, request: 'launch', name: 'Translucent: debug guest',
        program: '${workspaceFolder}/program.elf', cwd: '${workspaceFolder}', stopOnEntry: true,
      }],
      configurationSnippets: [
        {
          label: 'Translucent: bare-metal ELF',
          description: 'Debug an RV32 ELF on the virt board',
          body: { type: DEBUG_TYPE, request: 'launch', name: 'Translucent: ${1:program}', program: '^"\\${workspaceFolder}/${1:program.elf}"', cwd: '^"\\${workspaceFolder}"', stopOnEntry: true },
        },
        {
          label: 'Translucent: semihosting ELF',
          description: 'Debug an RV32 ELF that uses semihosting for its console and files',
          body: { type: DEBUG_TYPE, request: 'launch', name: 'Translucent: ${1:program}', program: '^"\\${workspaceFolder}/${1:program.elf}"', semihosting: true, cwd: '^"\\${workspaceFolder}"' },
        },
      ],
    }],
  };
}

/** For the extension's README and docs: the custom protocol at a glance. */
export function customProtocolSummary(): Record<string, string> {
  return Object.fromEntries([...Object.entries(CUSTOM_REQUESTS), ...Object.entries(CUSTOM_EVENTS)].map(([k, v]) => [k, v.description]));
}

export const CONTRIBUTIONS_FILE = path.join(__dirname, '..', '..', 'debug-adapter', 'package-contributions.json');

export function contributionsText(): string {
  return JSON.stringify(debuggerContributions(), null, 2) + '\n';
}

if (require.main === module) {
  fs.writeFileSync(CONTRIBUTIONS_FILE, contributionsText());
  process.stdout.write(`wrote ${CONTRIBUTIONS_FILE}\n`);
}
