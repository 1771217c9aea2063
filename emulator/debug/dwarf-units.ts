/**
 * The compilation units of .debug_info, as far as the line tables need them: each unit's first DIE
 * (DW_TAG_compile_unit) gives its line program offset (DW_AT_stmt_list) and compilation directory
 * (DW_AT_comp_dir). Line tables before DWARF 5 do not name the compilation directory themselves.
 * Only the first DIE of each unit is decoded; the rest is skipped by the unit length.
 */
import { DW_FORM_implicit_const, FormContext, FormValue, readForm, StrIndex } from './dwarf-forms';
import { fail, Reader, reason, stringAt } from './dwarf-reader';

export interface UnitInfo {
  readonly name?: string;
  readonly compDir?: string;
}

export interface UnitSections {
  readonly info?: Uint8Array;
  readonly abbrev?: Uint8Array;
  readonly str?: Uint8Array;
  readonly lineStr?: Uint8Array;
  readonly strOffsets?: Uint8Array;
}

const DW_AT_name = 0x03;
const DW_AT_stmt_list = 0x10;
const DW_AT_comp_dir = 0x1b;
const DW_AT_str_offsets_base = 0x72;

/** DWARF 5 unit types (7.5.1) and the extra header bytes each has after the common fields. */
const UNIT_EXTRA: Readonly<Record<number, number>> = { 1: 0, 3: 0, 4: 8, 5: 8 };
const TYPE_UNITS = new Set([2, 6]);

/** Line program offset -> what the owning unit says about it. */
export function readUnits(s: UnitSections, warnings: string[]): Map<number, UnitInfo> {
  const out = new Map<number, UnitInfo>();
  if (s.info === undefined) return out;
  const r = new Reader(s.info);
  while (!r.atEnd()) {
    const start = r.pos;
    let unit: Reader;
    let is64: boolean;
    try {
      const length = r.initialLength();
      is64 = length.is64;
      unit = r.sub(length.length);
    } catch (e) {
      warnings.push(`.debug_info unit at 0x${start.toString(16)}: ${reason(e)}; later units skipped`);
      break;
    }
    r.pos = unit.end;
    try {
      const found = firstDie(unit, is64, s);
      if (found !== undefined && !out.has(found.stmtList)) out.set(found.stmtList, found.unit);
    } catch (e) {
      warnings.push(`.debug_info unit at 0x${start.toString(16)}: ${reason(e)}`);
    }
  }
  return out;
}

function firstDie(r: Reader, is64: boolean, s: UnitSections): { stmtList: number; unit: UnitInfo } | undefined {
  const version = r.u16();
  if (version < 2 || version > 5) fail(`unsupported version ${version}`);
  let addrSize: number;
  let abbrevOffset: number;
  if (version >= 5) {
    const unitType = r.u8();
    addrSize = r.u8();
    abbrevOffset = r.offset(is64);
    if (TYPE_UNITS.has(unitType)) return undefined;
    const extra = UNIT_EXTRA[unitType];
    if (extra === undefined) fail(`unknown unit type ${unitType}`);
    r.skip(extra);
  } else {
    abbrevOffset = r.offset(is64);
    addrSize = r.u8();
  }
  const code = r.uleb();
  if (code === 0) return undefined;
  const attrs = abbreviation(s.abbrev, abbrevOffset, code);
  const c: FormContext = { is64, addrSize, version, str: s.str, lineStr: s.lineStr };
  const values = new Map<number, FormValue>();
  for (const a of attrs) values.set(a.attr, a.form === DW_FORM_implicit_const ? a.implicit : readForm(r, a.form, c));

  const stmtList = values.get(DW_AT_stmt_list);
  if (typeof stmtList !== 'number') return undefined;
  const base = values.get(DW_AT_str_offsets_base);
  const str = (v: FormValue | undefined): string | undefined => {
    if (typeof v === 'string') return v;
    if (v instanceof StrIndex) return indexedString(s, v.index, typeof base === 'number' ? base : is64 ? 16 : 8, is64);
    return undefined;
  };
  return { stmtList, unit: { name: str(values.get(DW_AT_name)), compDir: str(values.get(DW_AT_comp_dir)) } };
}

interface AbbrevAttr {
  readonly attr: number;
  readonly form: number;
  readonly implicit: number;
}

/** The attribute list of abbreviation `code` in the table at `offset` of .debug_abbrev. */
function abbreviation(abbrev: Uint8Array | undefined, offset: number, code: number): AbbrevAttr[] {
  if (abbrev === undefined) fail('.debug_abbrev is missing');
  const r = new Reader(abbrev, Math.min(offset, abbrev.length));
  for (;;) {
    const c = r.uleb();
    if (c === 0) fail(`abbreviation ${code} not found in the table at 0x${offset.toString(16)}`);
    r.uleb(); // tag
    r.u8(); // has children
    const attrs: AbbrevAttr[] = [];
    for (;;) {
      const attr = r.uleb();
      const form = r.uleb();
      if (attr === 0 && form === 0) break;
      attrs.push({ attr, form, implicit: form === DW_FORM_implicit_const ? r.sleb() : 0 });
    }
    if (c === code) return attrs;
  }
}

function indexedString(s: UnitSections, index: number, base: number, is64: boolean): string {
  if (s.strOffsets === undefined) fail('string index form needs .debug_str_offsets, which is missing');
  const r = new Reader(s.strOffsets, Math.min(base + index * (is64 ? 8 : 4), s.strOffsets.length));
  const off = r.offset(is64);
  return stringAt(s.str, off, '.debug_str');
}
