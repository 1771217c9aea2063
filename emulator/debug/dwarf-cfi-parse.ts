/**
 * CIEs and FDEs of .debug_frame (DWARF 5 section 6.4.1) and .eh_frame (LSB "Exception Frame"):
 * the same records with different framing. .eh_frame marks CIEs with id 0 and points from an FDE to
 * its CIE backwards from the pointer itself, adds augmentation data ("zR": the FDE pointer encoding)
 * and encodes addresses as DW_EH_PE pointers; .debug_frame uses id 0xffffffff, section offsets and
 * plain addresses. An entry that cannot be decoded is skipped with a warning.
 */
import { CfaOp, decodeCfa } from './dwarf-cfi-ops';
import { DW_EH_PE_absptr, PointerBase, readEncodedValue, readPointer } from './dwarf-eh-pointer';
import { readAddress } from './dwarf-forms';
import { fail, Reader, reason } from './dwarf-reader';

export type FrameSectionName = '.debug_frame' | '.eh_frame';

export interface Cie {
  readonly offset: number;
  readonly version: number;
  readonly augmentation: string;
  readonly codeAlign: number;
  readonly dataAlign: number;
  /** The column that holds the return address (x1 on RISC-V). */
  readonly raReg: number;
  readonly addrSize: number;
  readonly fdeEncoding: number;
  /** 'z' augmentation: FDEs carry augmentation data to skip. */
  readonly hasAugData: boolean;
  /** 'S' augmentation: a signal trampoline; the pc it "returns" to is where a signal interrupted, not after a call. */
  readonly signalFrame: boolean;
  readonly initial: readonly CfaOp[];
}

export interface Fde {
  readonly section: FrameSectionName;
  readonly offset: number;
  readonly cie: Cie;
  readonly start: number;
  /** First address past the function. */
  readonly end: number;
  readonly ops: readonly CfaOp[];
}

interface Entry {
  readonly offset: number;
  /** The id / CIE pointer field's offset and value. */
  readonly idAt: number;
  readonly id: number;
  readonly body: Reader;
}

const SUPPORTED_VERSIONS = new Set([1, 3, 4]);

/** Every FDE of one frame section whose entries decode. `sectionAddr` is its run-time address (for .eh_frame's pc-relative pointers). */
export function parseFrameSection(data: Uint8Array, section: FrameSectionName, sectionAddr: number, warnings: string[]): Fde[] {
  const eh = section === '.eh_frame';
  const entries = splitEntries(data, section, warnings);
  const cieAt = new Map<number, Cie | string>();
  const cie = (offset: number): Cie => {
    let c = cieAt.get(offset);
    if (c === undefined) {
      const e = entries.get(offset);
      try {
        if (e === undefined || !isCie(e, eh)) fail(`no CIE at 0x${offset.toString(16)}`);
        c = parseCie(e);
      } catch (err) {
        c = reason(err);
      }
      cieAt.set(offset, c);
    }
    if (typeof c === 'string') fail(c);
    return c;
  };

  const fdes: Fde[] = [];
  for (const e of entries.values()) {
    if (isCie(e, eh)) continue;
    try {
      const owner = cie(eh ? e.idAt - e.id : e.id);
      fdes.push(parseFde(e, owner, section, sectionAddr));
    } catch (err) {
      warnings.push(`${section} FDE at 0x${e.offset.toString(16)}: ${reason(err)}`);
    }
  }
  return fdes;
}

function isCie(e: Entry, eh: boolean): boolean {
  return eh ? e.id === 0 : e.id === 0xffffffff;
}

/** The section's entries by offset. A zero length is .eh_frame's terminator; entries may follow it (readelf goes on too). */
function splitEntries(data: Uint8Array, section: FrameSectionName, warnings: string[]): Map<number, Entry> {
  const out = new Map<number, Entry>();
  const r = new Reader(data);
  while (r.left >= 4) {
    const offset = r.pos;
    try {
      const { length, is64 } = r.initialLength();
      if (length === 0) continue;
      const body = r.sub(length);
      r.skip(length);
      const idAt = body.pos;
      // .eh_frame's CIE pointer is 4 bytes even in the 64-bit format.
      const id = is64 && section === '.debug_frame' ? wideId(body) : body.u32();
      out.set(offset, { offset, idAt, id, body });
    } catch (e) {
      warnings.push(`${section} entry at 0x${offset.toString(16)}: ${reason(e)}; later entries skipped`);
      break;
    }
  }
  return out;
}

/** A 64-bit DWARF CIE id or CIE pointer, with the CIE id folded to the 32-bit one. */
function wideId(r: Reader): number {
  const lo = r.u32();
  const hi = r.u32();
  if (lo === 0xffffffff && hi === 0xffffffff) return 0xffffffff;
  if (hi !== 0) fail('CIE pointer beyond 4 GiB');
  return lo;
}

function parseCie(e: Entry): Cie {
  const r = new Reader(e.body.bytes, e.body.pos, e.body.end);
  const version = r.u8();
  if (!SUPPORTED_VERSIONS.has(version)) fail(`unsupported CIE version ${version}`);
  const augmentation = r.cstr();
  let addrSize = 4;
  if (augmentation === 'eh') r.skip(addrSize); // old GCC: the exception table's address
  if (version >= 4) {
    addrSize = r.u8();
    if (r.u8() !== 0) fail('segmented addresses are not supported');
  }
  const codeAlign = r.uleb();
  const dataAlign = r.sleb();
  const raReg = version === 1 ? r.u8() : r.uleb();
  let fdeEncoding = DW_EH_PE_absptr;
  let signalFrame = false;
  const hasAugData = augmentation.startsWith('z');
  if (hasAugData) {
    const aug = r.sub(r.uleb());
    r.skip(aug.left);
    for (const ch of augmentation.slice(1)) {
      if (ch === 'R') fdeEncoding = aug.u8();
      else if (ch === 'L') aug.u8(); // LSDA encoding: the pointer is in each FDE's augmentation data
      else if (ch === 'P') readEncodedValue(aug, aug.u8(), addrSize); // personality routine: skipped, never resolved (often indirect)
      else if (ch === 'S') signalFrame = true;
      else if (ch !== 'B' && ch !== 'G') fail(`unknown augmentation '${ch}' in "${augmentation}"`);
    }
  } else if (augmentation !== '' && augmentation !== 'eh') {
    fail(`unknown augmentation "${augmentation}"`);
  }
  const initial = decodeCfa(r, { codeAlign, dataAlign, loc: 0, readLoc: (rr) => readAddress(rr, addrSize) });
  return { offset: e.offset, version, augmentation, codeAlign, dataAlign, raReg, addrSize, fdeEncoding, hasAugData, signalFrame, initial };
}

function parseFde(e: Entry, cie: Cie, section: FrameSectionName, sectionAddr: number): Fde {
  const r = new Reader(e.body.bytes, e.body.pos, e.body.end);
  const base: PointerBase = { sectionAddr, addrSize: cie.addrSize };
  const eh = section === '.eh_frame';
  const readLoc = eh ? (rr: Reader) => readPointer(rr, cie.fdeEncoding, base) : (rr: Reader) => readAddress(rr, cie.addrSize);
  const start = readLoc(r);
  const range = eh ? readEncodedValue(r, cie.fdeEncoding, cie.addrSize) : readAddress(r, cie.addrSize);
  if (cie.hasAugData) r.skip(r.uleb());
  const ops = decodeCfa(r, { codeAlign: cie.codeAlign, dataAlign: cie.dataAlign, loc: start, readLoc });
  return { section, offset: e.offset, cie, start, end: Math.min(start + range, 0x1_0000_0000), ops };
}
