/**
 * The CSRs the Devices view shows, read through the adapter's standard Variables scopes (which carry
 * its decoding of each value, e.g. "MIE MPIE MPP=M"), falling back to evaluating `$name`.
 */
import type * as vscode from 'vscode';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { CsrValue } from '../views/messages';

/** The CSRs that explain where a hart is and why: status, traps, delegation, interrupts, MMU. */
export const KEY_CSRS = [
  'mstatus', 'misa', 'mtvec', 'mepc', 'mcause', 'mtval', 'mscratch', 'medeleg', 'mideleg', 'mie', 'mip',
  'sstatus', 'stvec', 'sepc', 'scause', 'stval', 'satp', 'minstret',
] as const;

export async function readCsrs(session: vscode.DebugSession, threadId: number | undefined): Promise<CsrValue[]> {
  const fromScopes = await viaScopes(session, threadId).catch(() => new Map<string, string>());
  const out: CsrValue[] = [];
  for (const name of KEY_CSRS) {
    let value = fromScopes.get(name);
    if (value === undefined) {
      const r = (await session.customRequest('evaluate', { expression: `$${name}`, context: 'watch' }).then(
        (b: DebugProtocol.EvaluateResponse['body']) => b, () => undefined)) as DebugProtocol.EvaluateResponse['body'] | undefined;
      value = r?.result;
    }
    if (value !== undefined) out.push({ name, value });
  }
  return out;
}

async function viaScopes(session: vscode.DebugSession, threadId: number | undefined): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  if (threadId === undefined) return values;
  const trace = (await session.customRequest('stackTrace', { threadId, startFrame: 0, levels: 1 })) as DebugProtocol.StackTraceResponse['body'];
  const frame = trace.stackFrames[0];
  if (!frame) return values;
  const scopes = (await session.customRequest('scopes', { frameId: frame.id })) as DebugProtocol.ScopesResponse['body'];
  for (const scope of scopes.scopes.filter((s) => /csr/i.test(s.name))) {
    const vars = (await session.customRequest('variables', { variablesReference: scope.variablesReference })) as DebugProtocol.VariablesResponse['body'];
    for (const v of vars.variables) values.set(v.name.replace(/^\$/, ''), v.value);
  }
  return values;
}
