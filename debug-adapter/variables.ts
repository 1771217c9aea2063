/**
 * The Variables view: scopes of a stack frame (registers; CSRs in groups for the innermost frame),
 * their variables, and edits. References are valid until the guest runs again.
 */
import { Handles, Scope } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { regName } from '../emulator/isa/registers';
import { csrReadOnly } from '../emulator/isa/csr-names';
import { CSR_GROUPS, CsrGroup, readCsrGroup } from '../emulator/debug/csr-view';
import type { UnwoundFrame } from '../emulator/debug/unwind';
import type { DebugTarget } from '../emulator/debug/debug-target';
import { PC_INDEX } from '../emulator/ir/ir';
import { formatMemoryRef } from './memory-ref';
import { RequestError } from './request-error';

type Container =
  | { readonly kind: 'registers'; readonly frame: number }
  | { readonly kind: 'csrs'; readonly group: CsrGroup };

const hex8 = (v: number) => `0x${(v >>> 0).toString(16).padStart(8, '0')}`;

/** Register display names, `x10 (a0)`, and back. */
export function registerLabel(n: number): string {
  return `x${n} (${regName(n)})`;
}
function registerOfLabel(label: string): number | 'pc' | undefined {
  if (label === 'pc') return 'pc';
  const m = /^x(\d+)\b/.exec(label);
  return m ? Number(m[1]) : undefined;
}

export class VariableStore {
  private handles = new Handles<Container>();

  constructor(private readonly target: DebugTarget) {}

  /** Forgets references (the guest ran). */
  reset(): void {
    this.handles.reset();
  }

  scopes(frame: number): DebugProtocol.Scope[] {
    const regs = new Scope(frame === 0 ? 'Registers' : 'Registers (unwound: pc, sp, ra, s0 exact)', this.handles.create({ kind: 'registers', frame }), false);
    (regs as DebugProtocol.Scope).presentationHint = 'registers';
    if (frame !== 0) return [regs];
    return [regs, ...CSR_GROUPS.map((group) => {
      const s: DebugProtocol.Scope = new Scope(group.label, this.handles.create({ kind: 'csrs', group }), true);
      s.presentationHint = 'registers';
      return s;
    })];
  }

  variables(ref: number, frames: () => readonly UnwoundFrame[]): DebugProtocol.Variable[] {
    const c = this.container('variables', ref);
    if (c.kind === 'csrs') {
      return readCsrGroup(c.group, (n) => this.target.hart.peekCsr(n)).map((row) => ({
        name: row.name,
        value: row.decoded ? `${hex8(row.value)} (${row.decoded})` : hex8(row.value),
        type: 'csr',
        evaluateName: `$${row.name}`,
        variablesReference: 0,
        ...(csrReadOnly(row.num) ? { presentationHint: { attributes: ['readOnly'] } } : {}),
      }));
    }
    const f = frames()[c.frame];
    if (f === undefined) throw new RequestError(`variables: frame ${c.frame} no longer exists`);
    const readOnly = c.frame !== 0 ? { presentationHint: { attributes: ['readOnly'] } } : {};
    const out: DebugProtocol.Variable[] = [this.registerVariable('pc', f.regs[PC_INDEX], readOnly)];
    for (let n = 0; n < 32; n++) out.push(this.registerVariable(registerLabel(n), f.regs[n], readOnly, regName(n)));
    return out;
  }

  /** Writes a register or CSR from the text the user typed (an expression); returns the new variable. */
  set(ref: number, name: string, valueText: string): DebugProtocol.Variable {
    const c = this.container('setVariable', ref);
    if (c.kind === 'registers' && c.frame !== 0) throw new RequestError('setVariable: registers of outer frames are read-only (they are reconstructed by unwinding)');
    let value: number;
    try {
      value = this.target.evaluate(valueText).value;
    } catch (e) {
      throw new RequestError(`setVariable: ${(e as Error).message}`);
    }
    if (c.kind === 'csrs') {
      if (!c.group.names.includes(name) || !this.target.setRegister(name, value)) {
        throw new RequestError(`setVariable: CSR ${name} cannot be written`);
      }
      const now = readCsrGroup({ ...c.group, names: [name] }, (n) => this.target.hart.peekCsr(n))[0];
      return { name, value: now.decoded ? `${hex8(now.value)} (${now.decoded})` : hex8(now.value), variablesReference: 0 };
    }
    const reg = registerOfLabel(name);
    if (reg === undefined) throw new RequestError(`setVariable: no register named "${name}"`);
    if (reg === 0) throw new RequestError('setVariable: x0 (zero) is hard-wired to 0');
    this.target.setRegister(reg === 'pc' ? 'pc' : `x${reg}`, value);
    const now = this.target.register(reg === 'pc' ? 'pc' : `x${reg}`)!;
    return this.registerVariable(name, now, {}, reg === 'pc' ? 'pc' : regName(reg));
  }

  private container(command: string, ref: number): Container {
    const c = this.handles.get(ref);
    if (c === undefined) throw new RequestError(`${command}: variablesReference ${ref} is unknown (references end when the guest runs)`);
    return c;
  }

  private registerVariable(name: string, value: number, extra: Partial<DebugProtocol.Variable>, evaluateName = name): DebugProtocol.Variable {
    const v = value >>> 0;
    const code = name === 'pc' || evaluateName === 'ra';
    const sym = code ? this.target.symbolize(v) : undefined;
    const readable = this.target.memory.read(v, 1, 'virtual').bytes.length === 1;
    return {
      name, value: `${hex8(v)}${sym !== undefined ? ` <${sym}>` : ''}`, type: 'uint32_t', evaluateName, variablesReference: 0,
      ...(readable ? { memoryReference: formatMemoryRef(v) } : {}),
      ...extra,
    };
  }
}
