/**
 * Memory and code: readMemory, writeMemory (virtual or physical, by memory reference) and disassemble.
 */
import type { DebugProtocol } from '@vscode/debugprotocol';
import { disassemble } from '../disassembly';
import { formatMemoryRef, parseMemoryRef } from '../memory-ref';
import { RequestError, argsOf, needInt, needString, optInt } from '../request-error';
import type { SessionContext } from './context';

/** The most bytes one readMemory may ask for. */
const MAX_READ = 16 << 20;

export function readMemory(ctx: SessionContext, raw: unknown): DebugProtocol.ReadMemoryResponse['body'] {
  const a = argsOf('readMemory', raw);
  const t = ctx.rt('readMemory').target;
  const ref = parseMemoryRef('readMemory', needString('readMemory', a, 'memoryReference'), t);
  const offset = optInt('readMemory', a, 'offset', 0);
  const count = needInt('readMemory', a, 'count', { min: 0, max: MAX_READ });
  const addr = ref.addr + offset;
  if (addr < 0 || addr > 0xffff_ffff) throw new RequestError(`readMemory: address 0x${addr.toString(16)} is outside the 32-bit address space`);
  const r = t.memory.read(addr, Math.min(count, 0x1_0000_0000 - addr), ref.space);
  return {
    address: formatMemoryRef(addr, ref.space),
    ...(r.bytes.length > 0 ? { data: Buffer.from(r.bytes).toString('base64') } : {}),
    ...(r.unreadable > 0 ? { unreadableBytes: r.unreadable } : {}),
  };
}

export function writeMemory(ctx: SessionContext, raw: unknown): DebugProtocol.WriteMemoryResponse['body'] {
  const a = argsOf('writeMemory', raw);
  const t = ctx.rt('writeMemory').target;
  const ref = parseMemoryRef('writeMemory', needString('writeMemory', a, 'memoryReference'), t);
  const offset = optInt('writeMemory', a, 'offset', 0);
  const data = needString('writeMemory', a, 'data');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) throw new RequestError('writeMemory: data is not base64');
  const bytes = Buffer.from(data, 'base64');
  const addr = ref.addr + offset;
  if (addr < 0 || addr + bytes.length > 0x1_0000_0000) throw new RequestError(`writeMemory: 0x${addr.toString(16)}+${bytes.length} is outside the 32-bit address space`);
  const written = t.memory.write(addr, bytes, ref.space);
  if (written < bytes.length && a.allowPartial !== true) {
    throw new RequestError(`writeMemory: 0x${(addr + written).toString(16)} is not RAM${written > 0 ? ` (the first ${written} bytes were written)` : ''}`);
  }
  ctx.stateChanged();
  return { bytesWritten: written };
}

export function disassembleRequest(ctx: SessionContext, raw: unknown): DebugProtocol.DisassembleResponse['body'] {
  const a = argsOf('disassemble', raw);
  const t = ctx.rt('disassemble').target;
  const ref = parseMemoryRef('disassemble', needString('disassemble', a, 'memoryReference'), t);
  const base = (ref.addr + optInt('disassemble', a, 'offset', 0)) >>> 0;
  const count = needInt('disassemble', a, 'instructionCount', { min: 0, max: 100_000 });
  const insnOffset = optInt('disassemble', a, 'instructionOffset', 0, { min: -100_000, max: 100_000 });
  return { instructions: disassemble(t, base, insnOffset, count, (f) => ctx.sourcePath(f)) };
}
