/**
 * What assembling one source file produces, before linking: sections made of fragments. A fragment is
 * a run of bytes whose layout is fixed, optionally ended by a *tail* whose size depends on addresses
 * (a branch that may need a longer form, an alignment). Labels point into fragments, so their offsets
 * follow when tails change size (this is GNU as's frag model, which its branch choices depend on).
 */
import type { CompiledInsn, Slot } from '../isa/table';
import type { BaseMnemonic } from '../isa/types';
import type { Span } from './diagnostics';
import type { SymbolRecord, Value } from './value';

export interface SectionFlags {
  readonly alloc: boolean;
  readonly write: boolean;
  readonly exec: boolean;
  /** SHT_NOBITS (.bss): occupies memory, not file space. */
  readonly nobits: boolean;
}

/** How an instruction operand is computed from its expression once addresses are known. */
export type InsnReloc =
  /** The value itself (a constant only known at the end). */
  | 'abs'
  /** %hi / %lo: the halves of an absolute address, the high one rounded for the sign of the low. */
  | 'hi20' | 'lo12'
  /** %pcrel_hi: the rounded high part of (value - pc). */
  | 'pcrel_hi20'
  /** %pcrel_lo: the low part of the %pcrel_hi at the given label (the auipc's address). */
  | 'pcrel_lo12'
  /** Branch and jump offsets: value - pc. */
  | 'pcrel';

export interface InsnFixup {
  readonly kind: 'insn';
  readonly offset: number;
  readonly entry: CompiledInsn;
  readonly values: Readonly<Partial<Record<Slot, number>>>;
  /** The slot the computed value goes into. */
  readonly slot: Slot;
  readonly reloc: InsnReloc;
  readonly value: Value;
  readonly at: Span;
  /** What the operand is, for messages: "branch target", "immediate". */
  readonly mnemonic: string;
}

export interface DataFixup {
  readonly kind: 'data';
  readonly offset: number;
  readonly size: 1 | 2 | 4 | 8;
  readonly value: Value;
  readonly at: Span;
}

export type Fixup = InsnFixup | DataFixup;

/** A source line that code at `offset` came from. */
export interface LineMark {
  readonly offset: number;
  readonly file: string;
  readonly line: number;
}

export type BranchBase = Extract<BaseMnemonic, 'beq' | 'bne' | 'blt' | 'bge' | 'bltu' | 'bgeu' | 'jal'>;

/** A branch or jump to a label: 2, 4, 6 or 8 bytes, chosen by distance as GNU as does. */
export interface BranchTail {
  readonly kind: 'branch';
  readonly base: BranchBase;
  readonly rd: number;
  readonly rs1: number;
  readonly rs2: number;
  /** Whether the compressed form is allowed (GNU as: the instruction as written matched one). */
  readonly rvc: boolean;
  readonly target: Value;
  readonly at: Span;
  readonly mnemonic: string;
  readonly file: string;
  readonly line: number;
  size: number;
}

export interface AlignTail {
  readonly kind: 'align';
  /** Alignment in bytes. */
  readonly bytes: number;
  /** Fill byte pattern, or undefined for nops (code) / zeros (data). */
  readonly fill?: bigint;
  readonly fillSize: number;
  /** Skip the alignment when it would need more than this many bytes. */
  readonly max?: number;
  readonly code: boolean;
  size: number;
}

/** `.org`: pads to an offset from the start of the section. */
export interface OrgTail {
  readonly kind: 'org';
  readonly offset: number;
  readonly fill: number;
  readonly at: Span;
  size: number;
}

export type Tail = BranchTail | AlignTail | OrgTail;

export class Frag {
  readonly bytes: number[] = [];
  readonly fixups: Fixup[] = [];
  readonly lines: LineMark[] = [];
  /** Mapping symbols ($x code, $d data) at offsets in this fragment. */
  readonly mapping: { offset: number; kind: 'x' | 'd' }[] = [];
  tail?: Tail;
  /** Offset of the fragment in its section (set by layout). */
  address = 0;

  get size(): number {
    return this.bytes.length + (this.tail?.size ?? 0);
  }
}

export class SectionBuilder {
  readonly frags: Frag[] = [new Frag()];
  /** Alignment in bytes (a power of two). */
  align: number;
  /** Whether code or data was last emitted (for mapping symbols). */
  mappingState?: 'x' | 'd';

  constructor(readonly name: string, readonly flags: SectionFlags, readonly index: number) {
    // GNU as starts .text at 2-byte alignment (RVC); every other section at 1.
    this.align = name === '.text' ? 2 : 1;
  }

  get current(): Frag {
    return this.frags[this.frags.length - 1];
  }

  /** Ends the current fragment with a tail; later bytes go into a new fragment. */
  addTail(tail: Tail): void {
    this.current.tail = tail;
    this.frags.push(new Frag());
  }

  get size(): number {
    const last = this.frags[this.frags.length - 1];
    return last.address + last.size;
  }

  raiseAlign(bytes: number): void {
    if (bytes > this.align) this.align = bytes;
  }
}

/** One assembled source file: its sections and symbols. */
export interface ObjectUnit {
  readonly file: string;
  readonly sections: readonly SectionBuilder[];
  readonly symbols: ReadonlyMap<string, SymbolRecord>;
  /** Files that contributed lines (the file itself and what it included), in order of first use. */
  readonly files: readonly string[];
}
