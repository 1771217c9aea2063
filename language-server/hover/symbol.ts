/**
 * The hover of a label, numeric local label, constant or macro: where it is defined and, once the
 * document has assembled without errors, its address or value.
 */
import * as path from 'path';
import { AsmLine, AsmSymbol } from '../../emulator/asm/assemble';
import { DocumentIndex, Occurrence, SymbolKind } from '../document/index';
import { SourceFile } from '../document/workspace';

/** What the last error-free assembly of a document produced. */
export interface AssemblyRecord {
  readonly symbols: readonly AsmSymbol[];
  readonly lineTable: readonly AsmLine[];
}

export interface Definition {
  readonly file: SourceFile;
  readonly index: DocumentIndex;
  readonly occurrence: Occurrence;
}

const KIND_NAMES: Readonly<Record<SymbolKind, string>> = {
  label: 'label',
  local: 'numeric local label',
  constant: 'constant',
  macro: 'macro',
  cpp: 'C preprocessor macro',
};

const hex = (v: number): string => `0x${(v >>> 0).toString(16)}`;

/**
 * A numeric local label's address: that of the first instruction at or after it, unless a section
 * switch comes first (it then labels data, whose addresses the line table does not have).
 */
function localAddress(def: Definition, record: AssemblyRecord): number | undefined {
  const { statements } = def.index;
  const from = statements.findIndex((s) => s.line === def.occurrence.line && s.labels.some((l) => s.col0 + l.start === def.occurrence.start));
  for (let i = from; i >= 0 && i < statements.length; i++) {
    const st = statements[i];
    if (st.kind === 'directive') break;
    if (st.kind !== 'instruction') continue;
    const row = record.lineTable.find((r) => r.file === def.file.path && r.line === st.line + 1);
    return row?.address;
  }
  return undefined;
}

/** The text of a constant's value as written (`.equ N, 4*8` gives `4*8`). */
function writtenValue(def: Definition): string | undefined {
  const st = def.index.statements.find((s) => s.line === def.occurrence.line && s.col0 + s.text.length >= def.occurrence.end);
  if (st === undefined) return undefined;
  const after = st.text.slice(def.occurrence.end - st.col0).replace(/^\s*[,=]\s*/, '').trim();
  return after === '' ? undefined : after;
}

/** A `#define`'s parameters and replacement, as written (continuation lines joined). */
function cppDefinition(def: Definition): string | undefined {
  const lines = def.file.text.split(/\r?\n/);
  let text = lines[def.occurrence.line] ?? '';
  for (let i = def.occurrence.line + 1; text.endsWith('\\') && i < lines.length; i++) text = `${text.slice(0, -1)} ${lines[i].trim()}`;
  const m = /^\s*#\s*define\s+[A-Za-z_$][\w$]*(\([^)]*\))?\s*(.*)$/.exec(text);
  return m === null ? undefined : `\`#define ${def.occurrence.name}${m[1] ?? ''} ${m[2].replace(/\s*\/\*.*?\*\/\s*|\s*\/\/.*$/g, ' ').trim()}\``;
}

function valueLine(occ: Occurrence, def: Definition | undefined, record: AssemblyRecord | undefined): string | undefined {
  if (occ.kind === 'macro') return undefined;
  if (occ.kind === 'cpp') return def === undefined ? undefined : cppDefinition(def);
  if (occ.kind === 'local') {
    const address = def !== undefined && record !== undefined ? localAddress(def, record) : undefined;
    return address === undefined ? undefined : `Address \`${hex(address)}\``;
  }
  const sym = record?.symbols.find((s) => s.name === occ.name);
  if (sym !== undefined && sym.section === undefined) return `Value ${sym.address | 0} (\`${hex(sym.address)}\`)`;
  if (sym !== undefined) return `Address \`${hex(sym.address)}\` in ${sym.section}, ${sym.binding}${sym.type === 'notype' ? '' : ` ${sym.type === 'func' ? 'function' : 'object'}`}`;
  if (occ.kind === 'constant' && def !== undefined) {
    const written = writtenValue(def);
    return written === undefined ? undefined : `Value \`${written}\``;
  }
  return undefined;
}

export function symbolHover(occ: Occurrence, defs: readonly Definition[], here: SourceFile, record: AssemblyRecord | undefined): string {
  const def = defs[0];
  const kind = def?.occurrence.kind ?? occ.kind;
  const shown = occ.kind === 'local' ? `${occ.name}:` : occ.name;
  const lines = [`**${shown}** — ${KIND_NAMES[kind]}`];
  const value = valueLine({ ...occ, kind }, def, record);
  if (value !== undefined) lines.push('', value);
  else if (kind === 'label' && def !== undefined) lines.push('', 'Address: known once the file assembles without errors');
  if (def === undefined) {
    lines.push('', 'Not defined in this file or the files it includes.');
  } else {
    const where = def.file.path === here.path ? '' : ` of \`${path.basename(def.file.path)}\``;
    lines.push('', `Defined on line ${def.occurrence.line + 1}${where}${defs.length > 1 ? ` (and ${defs.length - 1} more)` : ''}`);
  }
  return lines.join('\n');
}
