/**
 * Line tables against binutils: every row of every unit, in section order, equals what
 * `objdump --dwarf=decodedline` decodes (committed golden dumps, and the live tool when installed);
 * locate() and addressesOf() agree with the row ranges objdump prints.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readDebugInfo } from '../../emulator/debug/dwarf';
import { readSections } from '../../emulator/debug/dwarf-elf';
import { ROW_END_SEQUENCE, ROW_STMT } from '../../emulator/debug/dwarf-line-rows';
import { decodeLines, DecodedLines } from '../../emulator/debug/dwarf-lines';
import { normalize } from '../../emulator/debug/dwarf-paths';
import { readUnits } from '../../emulator/debug/dwarf-units';
import { ELVES, FIXTURES, golden, markerLines, ObjdumpRow, parseDecodedLines, REPO_ROOT, requireTool, runTool } from './dwarf-helpers';

function decode(file: string): DecodedLines {
  const warnings: string[] = [];
  const s = readSections(fs.readFileSync(file), warnings);
  const data = (n: string) => s.get(n)?.data;
  const units = readUnits({ info: data('.debug_info'), abbrev: data('.debug_abbrev'), str: data('.debug_str'), lineStr: data('.debug_line_str') }, warnings);
  const lines = decodeLines({ line: data('.debug_line')!, str: data('.debug_str'), lineStr: data('.debug_line_str') }, units, warnings);
  assert.deepEqual(warnings, []);
  return lines;
}

/** Whether our resolved path is the file objdump names (it prints the entry's name as written). */
function sameFile(resolved: string, written: string): boolean {
  const w = normalize(written);
  if (w.includes('..')) return path.basename(resolved) === path.basename(w);
  return resolved === w || resolved.endsWith(`/${w}`);
}

/** Row-by-row comparison; reports the first few differences. */
function compareRows(d: DecodedLines, expected: ObjdumpRow[]): void {
  const { rows, paths } = d;
  const diffs: string[] = [];
  const n = Math.max(rows.length, expected.length);
  for (let i = 0; i < n && diffs.length < 10; i++) {
    const e = expected[i];
    if (e === undefined || i >= rows.length) {
      diffs.push(`row ${i}: ${e === undefined ? 'extra row' : 'missing row'}`);
      continue;
    }
    const end = (rows.flags[i] & ROW_END_SEQUENCE) !== 0;
    const got = `${paths[rows.file[i]]} ${end ? '-' : rows.line[i]} 0x${rows.address[i].toString(16)}${!end && rows.flags[i] & ROW_STMT ? ' x' : ''}`;
    const want = `${e.name} ${e.line ?? '-'} 0x${e.address.toString(16)}${e.line !== undefined && e.stmt ? ' x' : ''}`;
    const ok = sameFile(paths[rows.file[i]], e.name) && end === (e.line === undefined) && rows.address[i] === e.address
      && (end || (rows.line[i] === e.line && ((rows.flags[i] & ROW_STMT) !== 0) === e.stmt));
    if (!ok) diffs.push(`row ${i}: got ${got}, objdump ${want}`);
  }
  assert.deepEqual(diffs, [], diffs.join('\n'));
}

interface Range {
  readonly name: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** The non-empty row ranges objdump's rows imply, for sequences in loaded code (not at address 0). */
function ranges(rows: ObjdumpRow[]): Range[] {
  const out: Range[] = [];
  let seqStart = 0;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].line !== undefined) continue;
    if (rows[seqStart].address !== 0) {
      for (let j = seqStart; j < i; j++) {
        if (rows[j + 1].address > rows[j].address) out.push({ name: rows[j].name, line: rows[j].line!, start: rows[j].address, end: rows[j + 1].address });
      }
    }
    seqStart = i + 1;
  }
  return out;
}

/** The rows of sequences in loaded code: those of code the linker discarded start at address 0. */
function keptRows(rows: ObjdumpRow[]): ObjdumpRow[] {
  const out: ObjdumpRow[] = [];
  let seqStart = 0;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].line !== undefined) continue;
    if (rows[seqStart].address !== 0) out.push(...rows.slice(seqStart, i + 1));
    seqStart = i + 1;
  }
  return out;
}

describe('debug/dwarf line tables', () => {
  for (const [name, file] of Object.entries(ELVES)) {
    describe(name, () => {
      const text = golden(name, 'lines');
      const expected = parseDecodedLines(text);

      it('decodes every row as objdump does (golden dump)', () => {
        assert.ok(expected.length > 50, `golden dump has rows (${expected.length})`);
        compareRows(decode(file), expected);
      });

      it('decodes every row as the installed objdump does', function () {
        const live = requireTool(this, runTool('objdump', ['-w', '--dwarf=decodedline', file]));
        compareRows(decode(file), parseDecodedLines(live));
      });

      it('locate() gives the row covering each address, nothing past a sequence', () => {
        const { info, warnings } = readDebugInfo(fs.readFileSync(file), file);
        assert.deepEqual(warnings, []);
        const lines = info!.lines;
        const rs = ranges(expected);
        const covered = new Set<number>();
        for (const r of rs) {
          for (const a of [r.start, r.end - 2]) {
            const loc = lines.locate(a);
            assert.ok(loc && sameFile(loc.file, r.name) && loc.line === r.line, `0x${a.toString(16)}: got ${JSON.stringify(loc)}, objdump ${r.name}:${r.line}`);
          }
          const row = lines.rowAt(r.start);
          assert.deepEqual([row?.address, row?.end], [r.start, r.end]);
          for (let a = r.start; a < r.end; a += 2) covered.add(a);
        }
        for (const r of rs) if (!covered.has(r.end)) assert.equal(lines.locate(r.end), undefined, `0x${r.end.toString(16)} is past its sequence`);
      });
    });
  }

  it('addressesOf() returns the is_stmt row addresses of a line, lowest first, never discarded code', () => {
    const sources = ['src/nested.c', 'src/start.S', 'src/cfi-ops.S'].map((s) => path.join(FIXTURES, s));
    for (const name of ['nested-v5', 'nested-eh', 'nested-v4', 'nested-v3', 'nested-v2']) {
      const file = ELVES[name];
      const lines = readDebugInfo(fs.readFileSync(file), file).info!.lines;
      const rows = keptRows(parseDecodedLines(golden(name, 'lines')));
      for (const src of sources) {
        const count = fs.readFileSync(src, 'utf8').split('\n').length;
        for (let line = 1; line <= count; line++) {
          const want = [...new Set(rows.filter((r) => r.stmt && r.line === line && r.name === path.basename(src)).map((r) => r.address))];
          assert.deepEqual(lines.addressesOf(src, line), want.sort((a, b) => a - b), `${name} ${path.basename(src)}:${line}`);
        }
      }
      const unused = markerLines(sources[0], 'return x * 7')[0];
      assert.deepEqual(lines.addressesOf(sources[0], unused), [], `${name}: unused() was discarded by the linker`);
    }
  });

  it('resolves paths against the compilation directory (DWARF 5 directory 0, DW_AT_comp_dir before)', () => {
    for (const name of ['nested-v5', 'nested-v4', 'nested-v3', 'nested-v2']) {
      const lines = readDebugInfo(fs.readFileSync(ELVES[name]), name).info!.lines;
      const files = lines.files();
      for (const f of ['start.S', 'nested.c', 'cfi-ops.S']) assert.ok(files.includes(`test/fixtures/dwarf/src/${f}`), `${name}: ${files.join(', ')}`);
    }
    const v5 = readDebugInfo(fs.readFileSync(ELVES['nested-v5']), 'v5').info!.lines;
    assert.ok(v5.files().includes('/fixture/include/lines-md5.h'));
    const hello = readDebugInfo(fs.readFileSync(ELVES['hello-c']), 'hello').info!.lines;
    assert.ok(hello.files().includes('test/guests/src/hello-c.c'));
    assert.ok(hello.files().includes('../../picocrt/crt0.h'), 'comp dir + include dir + name, normalised');
  });

  it('matches files by absolute path, or by suffix when the DWARF path is relative', () => {
    const lines = readDebugInfo(fs.readFileSync(ELVES['nested-v5']), 'v5').info!.lines;
    const brk = markerLines(path.join(FIXTURES, 'src/nested.c'), 'BREAK:inner')[0];
    const abs = lines.addressesOf(path.join(FIXTURES, 'src/nested.c'), brk);
    assert.ok(abs.length > 0);
    assert.deepEqual(lines.addressesOf('/elsewhere/test/fixtures/dwarf/src/nested.c', brk), abs, 'a checkout elsewhere');
    assert.deepEqual(lines.addressesOf(`${REPO_ROOT}/test/fixtures/dwarf/src/../src/nested.c`, brk), abs, 'normalised query');
    assert.deepEqual(lines.addressesOf('/elsewhere/xtest/fixtures/dwarf/src/nested.c', brk), [], 'suffix at a separator only');
    assert.deepEqual(lines.addressesOf('nested.c', brk), abs, 'a relative query');
    // Absolute DWARF paths match only themselves.
    const md5Lines = lines.addressesOf('/fixture/src/lines-md5.S', 10);
    assert.equal(md5Lines.length, 1);
    assert.deepEqual(lines.addressesOf('/other/fixture/src/lines-md5.S', 10), []);
  });

  it('reads DWARF 5 MD5 file entries (DW_FORM_data16)', () => {
    const d = decode(ELVES['nested-v5']);
    const h = [...d.headers.values()].find((x) => x.files.some((f) => f.name === 'lines-md5.h'))!;
    const hex = (b?: Uint8Array) => (b ? Buffer.from(b).toString('hex') : '');
    // gas writes the directive's `md5 0x0011...ff` as a little-endian 128-bit number: bytes ff ee .. 00.
    assert.equal(hex(h.files.find((f) => f.name === 'lines-md5.S')?.md5), 'ffeeddccbbaa99887766554433221100');
    assert.equal(hex(h.files.find((f) => f.name === 'lines-md5.h')?.md5), '00112233445566778899aabbccddeeff');
    assert.equal(h.dirs[0], '/fixture/src');
  });
});
