/**
 * A guest system as the debugger sees it: its memory (debug view), all its symbols and line tables,
 * and registers and CSRs by name. The debug adapter's runtime and the monitor both work through this;
 * nothing here knows about DAP.
 */
import type { GuestSystem } from '../system';
import type { HartControl } from '../cpu/hart-api';
import type { DebugInfo } from './debug-info-api';
import type { SymbolTable } from '../loader/symbols';
import { csrNumber } from '../isa/csr-names';
import { regNumber } from '../isa/registers';
import { PC_INDEX } from '../ir/ir';
import { GuestMemory } from './guest-memory';
import { DebugInfoSet } from './debug-info-set';
import { ExprEnv, ExprValue, evaluateExpression } from './expr';

export class DebugTarget {
  readonly memory: GuestMemory;
  readonly symbols: SymbolTable;
  readonly debugInfo: DebugInfoSet;

  /** `debugInfos`: the DWARF of the guest's ELF files (program, firmware, symbol files). */
  constructor(readonly system: GuestSystem, debugInfos: readonly DebugInfo[] = []) {
    this.memory = new GuestMemory(system.machine.hart, system.machine.bus);
    // The guest's, its firmware's and the extra symbol files' symbols, merged by the system.
    this.symbols = system.symbols;
    this.debugInfo = new DebugInfoSet(debugInfos);
  }

  get hart(): HartControl {
    return this.system.machine.hart;
  }

  symbolize(addr: number): string | undefined {
    return this.symbols.describe(addr >>> 0);
  }

  /** A register (`x5`, `t0`, `fp`, `pc`) or CSR (`mstatus`) by name, unsigned; undefined if none. */
  register(name: string): number | undefined {
    if (name === 'pc') return this.hart.x[PC_INDEX] >>> 0;
    const r = regNumber(name);
    if (r !== undefined) return this.hart.x[r] >>> 0;
    const csr = csrNumber(name);
    return csr === undefined ? undefined : this.hart.peekCsr(csr);
  }

  /** Writes a register or CSR as the debugger does (no privilege checks); false for x0 or unknown names. */
  setRegister(name: string, value: number): boolean {
    if (name === 'pc') {
      this.hart.x[PC_INDEX] = value;
      // A trap the debugger stopped in front of belonged to the old pc.
      this.system.engine.dropHeldTrap();
      return true;
    }
    const r = regNumber(name);
    if (r !== undefined) {
      if (r === 0) return false;
      this.hart.x[r] = value;
      return true;
    }
    const csr = csrNumber(name);
    return csr !== undefined && this.hart.pokeCsr(csr, value);
  }

  /** The environment expressions evaluate in: this hart, virtual memory as the guest sees it now. */
  readonly env: ExprEnv = {
    register: (n) => this.register(n),
    setRegister: (n, v) => this.setRegister(n, v),
    symbol: (n) => this.symbols.address(n),
    read: (addr, size) => this.memory.readValue(addr, size, 'virtual'),
    write: (addr, size, v) => this.memory.writeValue(addr, size, v, 'virtual'),
  };

  evaluate(text: string): ExprValue {
    return evaluateExpression(text, this.env);
  }

  /** A 32-bit word at a virtual address, for unwinding. */
  readonly read32 = (addr: number): number | undefined => this.memory.readValue(addr, 4, 'virtual');
}
