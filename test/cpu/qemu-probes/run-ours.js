// Runs a probe ELF on Translucent (after `npx tsc -p .`), printing the guest's console:
//   node test/cpu/qemu-probes/run-ours.js /tmp/qemu-probes/NAME.elf [jit|interp]
'use strict';
const path = require('node:path');
const { GuestSystem } = require(path.join(__dirname, '../../../out/emulator/system.js'));
const sys = new GuestSystem({
  guest: process.argv[2],
  engine: process.argv[3] || 'jit',
  write: (bytes) => process.stdout.write(Buffer.from(bytes)),
});
let r;
for (let i = 0; i < 100; i++) {
  r = sys.run(10_000_000);
  if (r.reason !== 'budget') break;
}
process.stderr.write(`[${r.reason}, exit ${r.exitCode}, ${sys.machine.hart.icount} instructions]\n`);
