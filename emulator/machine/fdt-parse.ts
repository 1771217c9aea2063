/**
 * Flattened device tree reader: checks a DTB's header and structure and gives back the tree with raw
 * property values. Used to validate and patch a user-supplied DTB (bootargs), and by tests.
 */
import { FDT_MAGIC, FDT_HEADER_SIZE, FdtToken, type FdtNode, type FdtReservation } from './fdt';

export interface ParsedFdtNode extends FdtNode {
  readonly props: readonly (readonly [string, Uint8Array])[];
  readonly children: readonly ParsedFdtNode[];
}

export interface ParsedFdt {
  readonly root: ParsedFdtNode;
  readonly bootCpuid: number;
  readonly reserve: readonly FdtReservation[];
  readonly version: number;
  readonly totalSize: number;
}

/** Parses `blob`; errors are one line starting with `source`. */
export function parseFdt(blob: Uint8Array, source = 'device tree'): ParsedFdt {
  const fail = (problem: string): never => { throw new Error(`${source}: ${problem}`); };
  if (blob.length < FDT_HEADER_SIZE) fail(`too short for a device tree header (${blob.length} bytes)`);
  const v = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const hdr = (i: number) => v.getUint32(i * 4);
  if (hdr(0) !== FDT_MAGIC) fail(`not a flattened device tree (magic 0x${hdr(0).toString(16)}, expected 0xd00dfeed)`);
  const [totalSize, offStruct, offStrings, offRsv, version, , bootCpuid, sizeStrings, sizeStruct] =
    [1, 2, 3, 4, 5, 6, 7, 8, 9].map(hdr);
  if (totalSize > blob.length) fail(`truncated: header says ${totalSize} bytes, have ${blob.length}`);
  if (version < 16) fail(`device tree version ${version} is too old (need 16 or later)`);
  if (offStruct + sizeStruct > totalSize || offStrings + sizeStrings > totalSize || offRsv + 16 > totalSize) {
    fail('a block lies outside the blob');
  }

  const reserve: FdtReservation[] = [];
  for (let o = offRsv; ; o += 16) {
    if (o + 16 > totalSize) fail('unterminated memory reservation block');
    const address = v.getUint32(o) * 0x1_0000_0000 + v.getUint32(o + 4);
    const size = v.getUint32(o + 8) * 0x1_0000_0000 + v.getUint32(o + 12);
    if (address === 0 && size === 0) break;
    reserve.push({ address, size });
  }

  const decoder = new TextDecoder();
  const end = offStruct + sizeStruct;
  let pos = offStruct;
  const u32 = (): number => {
    if (pos + 4 > end) fail('structure block ends early');
    const x = v.getUint32(pos);
    pos += 4;
    return x;
  };
  const cstring = (from: number, limit: number): string => {
    let e = from;
    while (e < limit && blob[e] !== 0) e++;
    if (e >= limit) fail('unterminated name');
    return decoder.decode(blob.subarray(from, e));
  };
  const nextToken = (): number => {
    let t = u32();
    while (t === FdtToken.Nop) t = u32();
    return t;
  };
  const parseNode = (): ParsedFdtNode => {
    const name = cstring(pos, end);
    pos = (pos + name.length + 1 + 3) & ~3;
    const props: [string, Uint8Array][] = [];
    const children: ParsedFdtNode[] = [];
    for (;;) {
      const t = nextToken();
      if (t === FdtToken.Prop) {
        const len = u32();
        const nameOff = u32();
        if (pos + len > end) fail('property value runs past the structure block');
        if (nameOff >= sizeStrings) fail('property name offset outside the strings block');
        props.push([cstring(offStrings + nameOff, offStrings + sizeStrings), blob.slice(pos, pos + len)]);
        pos = (pos + len + 3) & ~3;
      } else if (t === FdtToken.BeginNode) {
        children.push(parseNode());
      } else if (t === FdtToken.EndNode) {
        return { name, props, children };
      } else {
        return fail(`unexpected token ${t} in the structure block`);
      }
    }
  };
  if (nextToken() !== FdtToken.BeginNode) fail('structure block does not start with a node');
  const root = parseNode();
  if (nextToken() !== FdtToken.End) fail('structure block has no end token');
  return { root, bootCpuid, reserve, version, totalSize };
}

/** The node at a path like `/soc/serial@10000000`, or undefined. */
export function fdtFind<N extends FdtNode>(root: N, path: string): N | undefined {
  let node: N | undefined = root;
  for (const part of path.split('/').filter(Boolean)) {
    node = (node.children as readonly N[]).find((c) => c.name === part || c.name.split('@')[0] === part && !part.includes('@'));
    if (node === undefined) return undefined;
  }
  return node;
}

export function fdtProp(node: ParsedFdtNode, name: string): Uint8Array | undefined {
  return node.props.find(([n]) => n === name)?.[1];
}

export function fdtCells(value: Uint8Array): number[] {
  const v = new DataView(value.buffer, value.byteOffset, value.byteLength);
  return Array.from({ length: value.length >>> 2 }, (_, i) => v.getUint32(i * 4));
}

export function fdtStrings(value: Uint8Array): string[] {
  const s = new TextDecoder().decode(value);
  return s.endsWith('\0') ? s.slice(0, -1).split('\0') : [s];
}
