/**
 * The few C types debugger expressions know: fixed-width integers and pointers to them. Without DWARF
 * type information a symbol is just an address, so types come from casts: `*(uint16_t *)sym`.
 */
export interface CType {
  /** Spelling for results, e.g. `uint32_t` or `uint8_t *`. */
  readonly name: string;
  /** Bytes of the value itself (pointers are 4 on RV32). */
  readonly size: 1 | 2 | 4;
  readonly signed: boolean;
  /** The pointed-to type, for pointers. */
  readonly target?: CType;
}

const int = (name: string, size: 1 | 2 | 4, signed: boolean): CType => ({ name, size, signed });

/** Base type names as written in casts; several spellings share a type. */
export const BASE_TYPES: ReadonlyMap<string, CType> = new Map([
  ...[['uint8_t', 1, false], ['int8_t', 1, true], ['uint16_t', 2, false], ['int16_t', 2, true],
    ['uint32_t', 4, false], ['int32_t', 4, true], ['char', 1, true], ['unsigned char', 1, false],
    ['signed char', 1, true], ['short', 2, true], ['unsigned short', 2, false], ['int', 4, true],
    ['unsigned', 4, false], ['unsigned int', 4, false], ['long', 4, true], ['unsigned long', 4, false],
    ['uintptr_t', 4, false], ['intptr_t', 4, true], ['size_t', 4, false], ['bool', 1, false],
  ].map(([n, s, sg]) => [n as string, int(n as string, s as 1 | 2 | 4, sg as boolean)] as const),
  // `void *` points at bytes for arithmetic (as GCC allows) and reads a word when dereferenced.
  ['void', int('void', 4, false)],
]);

/** The type of integer literals, registers and arithmetic results (RV32's `long`). */
export const INT: CType = BASE_TYPES.get('int')!;
export const UINT: CType = BASE_TYPES.get('uint32_t')!;
/** Symbols and addresses: like `char *` for arithmetic, a word when dereferenced without a cast. */
export const ADDRESS: CType = { name: 'address', size: 4, signed: false, target: BASE_TYPES.get('void') };

export function pointerTo(t: CType): CType {
  return { name: t.target !== undefined || t.name.endsWith('*') ? `${t.name}*` : `${t.name} *`, size: 4, signed: false, target: t };
}

/** The step of pointer arithmetic: the pointee's size (1 for `void *` and plain addresses). */
export function stride(t: CType): number {
  if (t.target === undefined) return 1;
  return t.target.name === 'void' || t === ADDRESS ? 1 : t.target.target !== undefined ? 4 : t.target.size;
}

/** `v` truncated and extended to the type's width. */
export function normalise(v: number, t: CType): number {
  if (t.size === 4) return t.signed ? v | 0 : v >>> 0;
  const bits = t.size * 8;
  const masked = v & ((1 << bits) - 1);
  return t.signed && masked >= 1 << (bits - 1) ? masked - (1 << bits) : masked;
}
