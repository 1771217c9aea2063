/**
 * What the adapter tells the client it can do (the initialize response). Each line says why, or what
 * in VS Code it enables.
 */
import type { DebugProtocol } from '@vscode/debugprotocol';
import { TRAP_KINDS } from '../emulator/debug/trap-kinds';

export const CAPABILITIES: DebugProtocol.Capabilities = {
  // Breakpoints are set before the guest starts (we wait for configurationDone).
  supportsConfigurationDoneRequest: true,
  supportsConditionalBreakpoints: true,
  supportsHitConditionalBreakpoints: true,
  supportsLogPoints: true,
  supportsFunctionBreakpoints: true,
  // The Disassembly view's gutter.
  supportsInstructionBreakpoints: true,
  supportsBreakpointLocationsRequest: true,
  supportsDataBreakpoints: true,
  // dataBreakpointInfo with asAddress: watch any address range ("Add data breakpoint at address").
  supportsDataBreakpointBytes: true,
  // One filter per trap kind; the stop explains the trap in exceptionInfo.
  exceptionBreakpointFilters: TRAP_KINDS.map((k) => ({ filter: k.id, label: k.label, description: k.description, default: false })),
  supportsExceptionInfoRequest: true,
  // Step in/over/out by instruction from the Disassembly view, by line from sources.
  supportsSteppingGranularity: true,
  supportsSetVariable: true,
  supportsSetExpression: true,
  // The Debug Console: monitor commands and expression completion.
  supportsCompletionsRequest: true,
  completionTriggerCharacters: [' ', '/'],
  supportsEvaluateForHovers: true,
  supportsReadMemoryRequest: true,
  supportsWriteMemoryRequest: true,
  supportsDisassembleRequest: true,
  // Restart is a system reset (faster than a new session, breakpoints kept).
  supportsRestartRequest: true,
  supportsTerminateRequest: true,
  supportsValueFormattingOptions: false,
};
