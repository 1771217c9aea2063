#!/usr/bin/env node
/*
 * Records the expected console output and exit status of every test guest from QEMU.
 *
 *   node test/guests/record-qemu.js [--check] [name...]      (or test/guests/record-qemu.sh)
 *
 * For each guest of manifest.json (or the names given): runs test/guests/bin/<name>.elf on
 * qemu-system-riscv32 three times (twice as is, once with -icount shift=0 so that guest time runs
 * differently) in a fresh temporary directory, with no standard input; all three runs must give
 * the same bytes and status (a guest whose output depends on timing is a broken guest). Writes
 * expected/<name>.out (exact stdout bytes) and expected/<name>.json. With --check nothing is
 * written: it only reports differences from the committed files (exit status 1 if any).
 * Plain Node.js, no dependencies, so it runs before the project is built.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const HERE = __dirname;
const QEMU = process.env.QEMU || 'qemu-system-riscv32';

function qemuArgs(g) {
  const base = ['-M', g.machine, '-bios', 'none', '-m', '128M', '-display', 'none', '-monitor', 'none'];
  if (g.semihosting) {
    // Semihosting console (SYS_WRITEC/SYS_WRITE0) and the UART share QEMU's stdout; without the
    // chardev the semihosting console would go to stderr. SYS_WRITE to ":tt" goes to stdout anyway.
    return base.concat(['-chardev', 'stdio,id=con,mux=on', '-serial', 'chardev:con',
      '-semihosting-config', 'enable=on,target=native,chardev=con']);
  }
  return base.concat(['-serial', 'stdio']);
}

function run(args, elf, timeoutMs) {
  return new Promise((resolve) => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'translucent-qemu-'));
    const child = spawn(QEMU, args.concat(['-kernel', elf]), { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      fs.rmSync(cwd, { recursive: true, force: true });
      resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString(), code, signal, timedOut });
    });
  });
}

async function main() {
  const argv = process.argv.slice(2);
  const check = argv.includes('--check');
  const names = argv.filter((a) => !a.startsWith('--'));
  const manifest = JSON.parse(fs.readFileSync(path.join(HERE, 'manifest.json'), 'utf8'));
  const version = spawnSync(QEMU, ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) {
    console.error(`${QEMU} not found`);
    process.exit(2);
  }
  const qemuVersion = version.stdout.split('\n')[0].trim();
  const guests = manifest.guests.filter((g) => names.length === 0 || names.includes(g.name));
  for (const n of names) {
    if (!manifest.guests.some((g) => g.name === n)) {
      console.error(`unknown guest ${n}`);
      process.exit(2);
    }
  }
  fs.mkdirSync(path.join(HERE, 'expected'), { recursive: true });
  let bad = 0;
  for (const g of guests) {
    const elf = path.join(HERE, 'bin', `${g.name}.elf`);
    const args = qemuArgs(g);
    const limit = g.bench ? 60000 : 10000;
    const runs = [await run(args, elf, limit), await run(args, elf, limit),
      await run(args.concat(['-icount', 'shift=0']), elf, limit * 3)];
    const r = runs[0];
    const problems = [];
    if (r.timedOut) problems.push('timed out');
    if (r.signal) problems.push(`killed by ${r.signal}`);
    if (r.stderr.trim()) problems.push(`stderr: ${r.stderr.trim()}`);
    runs.slice(1).forEach((o, i) => {
      if (!o.stdout.equals(r.stdout) || o.code !== r.code) {
        problems.push(`run ${i + 2}${i === 1 ? ' (-icount shift=0)' : ''} differs: nondeterministic guest`);
      }
    });
    const json = {
      exit: r.code,
      machine: g.machine,
      semihosting: !!g.semihosting,
      bench: !!g.bench,
      qemuArgs: args,
      timeoutMs: g.bench ? 180000 : 30000,
      covers: g.covers,
      recordedWith: qemuVersion,
    };
    // A deliberate, documented difference from QEMU: Translucent is compared with that file instead.
    if (g.translucentExpected) json.translucentExpected = g.translucentExpected;
    const outFile = path.join(HERE, 'expected', `${g.name}.out`);
    const jsonFile = path.join(HERE, 'expected', `${g.name}.json`);
    if (problems.length) {
      bad++;
      console.log(`FAIL ${g.name}: ${problems.join('; ')}`);
      continue;
    }
    if (check) {
      const oldOut = fs.existsSync(outFile) ? fs.readFileSync(outFile) : null;
      const oldJson = fs.existsSync(jsonFile) ? JSON.parse(fs.readFileSync(jsonFile, 'utf8')) : null;
      const same = oldOut && oldOut.equals(r.stdout) && oldJson && oldJson.exit === r.code &&
        JSON.stringify(oldJson.qemuArgs) === JSON.stringify(args);
      console.log(`${same ? 'same' : 'DIFFERS'} ${g.name} (exit ${r.code}, ${r.stdout.length} bytes)`);
      if (!same) bad++;
      continue;
    }
    fs.writeFileSync(outFile, r.stdout);
    fs.writeFileSync(jsonFile, JSON.stringify(json, null, 2) + '\n');
    console.log(`recorded ${g.name}: exit ${r.code}, ${r.stdout.length} bytes`);
  }
  process.exit(bad ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
