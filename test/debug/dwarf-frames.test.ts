/**
 * Call frame information against binutils: for every FDE readelf interprets, the CFA rule and every
 * register rule it prints, at the first and the last address of each of its rows, equal ours
 * (committed golden dumps, and the live readelf when installed).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { readDebugInfo } from '../../emulator/debug/dwarf';
import { DwarfFrames } from '../../emulator/debug/dwarf-cfi';
import type { CfaRule, RegRule } from '../../emulator/debug/dwarf-cfi-ops';
import type { CfiRow } from '../../emulator/debug/dwarf-cfi-rows';
import { ELVES, FrameEntry, golden, parseFramesInterp, REG_NAMES, requireTool, runTool } from './dwarf-helpers';

const regName = (n: number) => REG_NAMES[n] ?? `r${n}`;
const signed = (n: number) => (n >= 0 ? `+${n}` : `${n}`);

/** A CFA rule as readelf prints it. */
function showCfa(rule: CfaRule | undefined): string {
  if (rule === undefined) return '?';
  return rule.kind === 'expression' ? 'exp' : `${regName(rule.reg)}${signed(rule.offset)}`;
}

/** A register rule as readelf prints it ('u' also for "no rule": readelf shows unset columns so). */
const SHOW_RULE: { [K in RegRule['kind']]: (r: Extract<RegRule, { kind: K }>) => string } = {
  undefined: () => 'u',
  same: () => 's',
  offset: (r) => `c${signed(r.offset)}`,
  valOffset: (r) => `v${signed(r.offset)}`,
  register: (r) => `r${r.reg} (${regName(r.reg)})`,
  expression: () => 'exp',
  valExpression: () => 'vexp',
};

function showRule(rule: RegRule | undefined): string {
  return rule === undefined ? 'u' : (SHOW_RULE[rule.kind] as (r: RegRule) => string)(rule);
}

function show(row: CfiRow, columns: Iterable<string>): string {
  const cells = [showCfa(row.cfa)];
  for (const c of columns) cells.push(`${c}=${showRule(row.regs.get(REG_NAMES.indexOf(c)))}`);
  return cells.join(' ');
}

/** Compares every FDE readelf prints with ours; returns how many rows were checked. */
function compare(frames: DwarfFrames, entries: FrameEntry[]): number {
  const mine = new Map(frames.fdes().map((f) => [`${f.section}@${f.offset}`, f]));
  const cies = new Map(entries.filter((e) => e.kind === 'CIE').map((e) => [`${e.section}@${e.offset}`, e]));
  let checked = 0;
  for (const e of entries) {
    if (e.kind !== 'FDE') continue;
    const fde = mine.get(`${e.section}@${e.offset}`);
    if (e.end <= e.start || e.start === 0) {
      assert.equal(fde, undefined, `${e.section} FDE at 0x${e.offset.toString(16)} covers no loaded code and is dropped`);
      continue;
    }
    assert.ok(fde, `${e.section} FDE at 0x${e.offset.toString(16)} is read`);
    assert.deepEqual([fde.start, fde.end], [e.start, e.end]);
    // An FDE without instructions is printed without rows: its CIE's initial row applies.
    const cie = cies.get(`${e.section}@${e.cie}`)!;
    // A row at the FDE's end (an advance past the last instruction) applies to nothing.
    const rows = (e.rows.length > 0 ? e.rows : cie.rows.map((r) => ({ ...r, loc: e.start }))).filter((r) => r.loc < e.end);
    rows.forEach((r, i) => {
      const end = i + 1 < rows.length ? rows[i + 1].loc : e.end;
      for (const pc of new Set([r.loc, end - 1])) {
        const want = [r.cfa, ...[...r.regs].map(([c, v]) => `${c}=${v}`)].join(' ');
        assert.equal(show(frames.rowIn(fde, pc), r.regs.keys()), want, `${e.section} FDE 0x${e.offset.toString(16)} at 0x${pc.toString(16)}`);
        checked++;
      }
    });
  }
  return checked;
}

function framesOf(file: string): DwarfFrames {
  const { info, warnings } = readDebugInfo(fs.readFileSync(file), file);
  assert.deepEqual(warnings, []);
  assert.ok(info?.frames, `${file} has CFI`);
  return info.frames;
}

describe('debug/dwarf call frame information', () => {
  for (const [name, file] of Object.entries(ELVES)) {
    describe(name, () => {
      it('has readelf\'s rules for every FDE and row (golden dump)', () => {
        const entries = parseFramesInterp(golden(name, 'frames'));
        assert.ok(entries.some((e) => e.kind === 'FDE'));
        assert.ok(compare(framesOf(file), entries) > 10);
      });

      it('has the installed readelf\'s rules for every FDE and row', function () {
        const live = requireTool(this, runTool('readelf', ['-W', '--debug-dump=frames-interp', file]));
        compare(framesOf(file), parseFramesInterp(live));
      });
    });
  }

  it('reads both sections: .debug_frame for C (-g), .eh_frame for assembly and -fasynchronous-unwind-tables', () => {
    const sections = (name: string) => [...new Set(framesOf(ELVES[name]).fdes().map((f) => f.section))].sort();
    assert.deepEqual(sections('nested-v5'), ['.debug_frame', '.eh_frame']);
    assert.deepEqual(sections('nested-eh'), ['.eh_frame']);
    assert.deepEqual(sections('hello-c'), ['.debug_frame']);
  });

  it('evaluates the rules GCC does not emit (cfi_zoo in cfi-ops.S) as readelf does', () => {
    const frames = framesOf(ELVES['nested-v5']);
    const zoo = frames.fdes().find((f) => f.section === '.eh_frame' && f.ops.some((o) => o.op === 'cfaExpr'));
    assert.ok(zoo, 'the FDE with DW_CFA_def_cfa_expression');
    const kinds = new Set(frames.rowsOf(zoo).flatMap((r) => [...r.regs.values()].map((v) => v.kind)));
    for (const k of ['offset', 'same', 'undefined', 'valOffset', 'expression', 'valExpression'] as const) assert.ok(kinds.has(k), k);
    assert.ok(frames.rowsOf(zoo).some((r) => r.cfa?.kind === 'expression'));
  });
});
