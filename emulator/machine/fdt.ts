/**
 * Flattened device tree (DTB, version 17) writer. A tree is plain data: nodes with ordered properties
 * and children; `encodeFdt` lays it out as header, memory reservation block, structure block and a
 * deduplicated strings block, all big-endian.
 */

/** null: an empty (boolean) property; number: one u32 cell; number[]: cells; strings NUL-terminated. */
export type FdtValue = null | number | readonly number[] | string | readonly string[] | Uint8Array;

export interface FdtNode {
  readonly name: string;
  readonly props: readonly (readonly [string, FdtValue])[];
  readonly children: readonly FdtNode[];
}

export interface FdtReservation {
  readonly address: number;
  readonly size: number;
}

export const FDT_MAGIC = 0xd00dfeed;
export const enum FdtToken { BeginNode = 1, EndNode = 2, Prop = 3, Nop = 4, End = 9 }
export const FDT_HEADER_SIZE = 40;
const VERSION = 17;
const LAST_COMPATIBLE_VERSION = 16;

/** A node from an object of properties (insertion order is kept) and children. */
export function fdtNode(name: string, props: Readonly<Record<string, FdtValue>>, children: readonly FdtNode[] = []): FdtNode {
  return { name, props: Object.entries(props), children };
}

export function encodeValue(v: FdtValue): Uint8Array {
  if (v === null) return new Uint8Array(0);
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'string') return encodeStrings([v]);
  if (typeof v === 'number') return encodeCells([v]);
  return typeof v[0] === 'string' ? encodeStrings(v as readonly string[]) : encodeCells(v as readonly number[]);
}

function encodeStrings(list: readonly string[]): Uint8Array {
  return new TextEncoder().encode(list.map((s) => s + '\0').join(''));
}

function encodeCells(cells: readonly number[]): Uint8Array {
  const out = new Uint8Array(cells.length * 4);
  const dv = new DataView(out.buffer);
  cells.forEach((c, i) => dv.setUint32(i * 4, c >>> 0));
  return out;
}

export function encodeFdt(root: FdtNode, opts: { bootCpuid?: number; reserve?: readonly FdtReservation[] } = {}): Uint8Array {
  const struct = new Writer();
  const strings = new Writer();
  const stringOffsets = new Map<string, number>();
  const nameOffset = (name: string): number => {
    let off = stringOffsets.get(name);
    if (off === undefined) {
      off = strings.length;
      stringOffsets.set(name, off);
      strings.bytes(new TextEncoder().encode(name + '\0'));
    }
    return off;
  };
  const emit = (node: FdtNode): void => {
    struct.u32(FdtToken.BeginNode);
    struct.bytes(new TextEncoder().encode(node.name + '\0'));
    struct.align4();
    for (const [name, value] of node.props) {
      const data = encodeValue(value);
      struct.u32(FdtToken.Prop);
      struct.u32(data.length);
      struct.u32(nameOffset(name));
      struct.bytes(data);
      struct.align4();
    }
    for (const child of node.children) emit(child);
    struct.u32(FdtToken.EndNode);
  };
  emit(root);
  struct.u32(FdtToken.End);

  const rsv = new Writer();
  for (const r of [...(opts.reserve ?? []), { address: 0, size: 0 }]) {
    rsv.u64(r.address);
    rsv.u64(r.size);
  }
  // The reservation block must be 8-byte aligned; right after the 40-byte header it is.
  const offRsv = FDT_HEADER_SIZE;
  const offStruct = offRsv + rsv.length;
  const offStrings = offStruct + struct.length;
  const total = offStrings + strings.length;

  const out = new Uint8Array(total);
  const h = new DataView(out.buffer);
  [FDT_MAGIC, total, offStruct, offStrings, offRsv, VERSION, LAST_COMPATIBLE_VERSION, opts.bootCpuid ?? 0, strings.length, struct.length]
    .forEach((v, i) => h.setUint32(i * 4, v));
  out.set(rsv.result(), offRsv);
  out.set(struct.result(), offStruct);
  out.set(strings.result(), offStrings);
  return out;
}

/** A growable big-endian byte buffer. */
class Writer {
  private buf = new Uint8Array(1024);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    bigger.set(this.buf);
    this.buf = bigger;
  }

  u32(v: number): void {
    this.room(4);
    new DataView(this.buf.buffer).setUint32(this.length, v >>> 0);
    this.length += 4;
  }

  u64(v: number): void {
    this.u32(Math.floor(v / 0x1_0000_0000));
    this.u32(v % 0x1_0000_0000);
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  align4(): void {
    const pad = (4 - (this.length & 3)) & 3;
    this.room(pad);
    this.length += pad;
  }

  result(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}
