/**
 * The debug session: each DAP request is translated into calls on the runtime (runtime/), and the
 * runtime's events into DAP events. Requests about breakpoints, state and memory are handled by the
 * functions in requests/; this class keeps the lifecycle and execution control. Every handler runs
 * through `answer`, so a malformed request or a failing operation becomes an error response naming
 * the problem, and the session carries on.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  LoggingDebugSession, InitializedEvent, StoppedEvent, OutputEvent, ExitedEvent, TerminatedEvent, Event, Thread, InvalidatedEvent, BreakpointEvent,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { SchemaError } from './schema';
import { resolveLaunch, LaunchPlan } from './launch-config';
import { assembleLaunch } from './runtime/assemble-launch';
import { BreakpointMemory, BreakpointHandler, requestKey } from './breakpoint-memory';
import { CAPABILITIES } from './capabilities';
import { GuestRuntime, RuntimeError, Granularity } from './runtime/guest-runtime';
import type { UnwoundFrame } from '../emulator/debug/unwind';
import { ExprError } from '../emulator/debug/expr';
import { VariableStore } from './variables';
import { RequestError, argsOf } from './request-error';
import { isCustomRequest, runCustomRequest } from './custom-requests';
import type { CustomEventBodies } from './protocol';
import { SessionContext, THREAD_ID, checkThread } from './requests/context';
import * as bp from './requests/breakpoints';
import * as state from './requests/state';
import * as memory from './requests/memory';

/** How long launch waits for configurationDone before starting anyway. */
const CONFIGURATION_TIMEOUT_MS = 5000;

export class TranslucentSession extends LoggingDebugSession {
  private runtime: GuestRuntime | null = null;
  private plan: LaunchPlan | null = null;
  private variables: VariableStore | null = null;
  private frames: UnwoundFrame[] | null = null;
  /** The program as booted (its bytes, to tell whether a restart finds it rebuilt). */
  private guest: { readonly path: string; readonly bytes: Uint8Array } | null = null;
  private readonly breakpointRequests = new BreakpointMemory();
  private configured!: () => void;
  private readonly configurationDone = new Promise<void>((res) => { this.configured = res; });
  private onEnd: (() => void) | null = null;
  /** Set by disconnect, or when the input stream closes: only then does shutdown end the session. */
  private finished = false;

  constructor() {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
    this.on('close', () => { this.finished = true; });
  }

  /** Resolves when the client disconnects or the input closes (for the stdio server). */
  readonly ended = new Promise<void>((res) => { this.onEnd = res; });

  /**
   * The library calls this on disconnect, on input close, and on any 'error' event, which includes a
   * message that is not JSON: that must not end the session, so only the first two do.
   */
  override shutdown(): void {
    if (!this.finished) return;
    this.runtime?.dispose();
    this.onEnd?.();
  }

  /** Ends the session whatever the reason (the server's socket closed, stdin ended). */
  close(): void {
    this.finished = true;
    this.shutdown();
  }

  // ---- plumbing ----

  private answer<T>(response: DebugProtocol.Response, work: () => T | Promise<T>): void {
    Promise.resolve().then(work).then((body) => {
      if (body !== undefined) response.body = body;
      this.sendResponse(response);
    }, (e: unknown) => {
      const known = e instanceof RequestError || e instanceof SchemaError || e instanceof RuntimeError || e instanceof ExprError;
      const message = known ? (e as Error).message : `${response.command}: internal error: ${(e as Error)?.message ?? e}`;
      if (!known) this.sendEvent(new OutputEvent(`translucent: ${(e as Error)?.stack ?? e}\n`, 'stderr'));
      this.sendErrorResponse(response, { id: 1, format: message, showUser: response.command === 'launch' || response.command === 'restart', variables: {} });
    });
  }

  private rt(command: string): GuestRuntime {
    if (this.runtime === null) throw new RequestError(`${command}: no guest is running (launch first)`);
    return this.runtime;
  }

  /** What the handlers in requests/ see of this session. */
  private readonly ctx: SessionContext = {
    rt: (command) => this.rt(command),
    stack: () => (this.frames ??= this.rt('stackTrace').stack()),
    variables: () => {
      if (this.variables === null) throw new RequestError('no guest is running (launch first)');
      return this.variables;
    },
    // Relative DWARF paths are relative to the launch's cwd.
    sourcePath: (file) => (path.isAbsolute(file) ? file : path.resolve(this.plan?.cwd ?? process.cwd(), file)),
    lineToClient: (l) => this.convertDebuggerLineToClient(l),
    lineFromClient: (l) => this.convertClientLineToDebugger(l),
    columnToClient: (c) => this.convertDebuggerColumnToClient(c),
    stateChanged: () => {
      this.frames = null;
      this.sendEvent(new InvalidatedEvent(['stacks', 'variables']));
    },
  };

  private handle(response: DebugProtocol.Response, handler: (ctx: SessionContext, args: unknown) => unknown, args: unknown): void {
    this.answer(response, () => handler(this.ctx, args));
  }

  /** A breakpoint request, remembered once answered so that a reloaded program gets it again. */
  private handleBreakpoints(response: DebugProtocol.Response, handler: BreakpointHandler, args: unknown): void {
    this.answer(response, () => {
      const body = handler(this.ctx, args);
      this.breakpointRequests.record(requestKey(response.command, args), handler, args, body);
      return body;
    });
  }

  /** The program to boot: the image file's bytes, or the sources assembled (reporting what that found). */
  private program(plan: LaunchPlan): { readonly path: string; readonly bytes: Uint8Array } {
    if (plan.program.kind === 'image') return { path: plan.program.file, bytes: fs.readFileSync(plan.program.file) };
    return assembleLaunch(plan.program.files, plan.cwd, {
      report: (body) => this.sendEvent(new Event('translucent/assembly', body satisfies CustomEventBodies['translucent/assembly'])),
      log: (line) => this.sendEvent(new OutputEvent(`${line}\n`, 'stderr')),
    });
  }

  /** Boots `guest` in a new runtime that takes over the session: breakpoints, log settings, views. */
  private useRuntime(plan: LaunchPlan, guest: { readonly path: string; readonly bytes: Uint8Array }): GuestRuntime {
    const rt = new GuestRuntime(plan, guest);
    const old = this.runtime;
    if (old !== null) {
      rt.logKinds = old.logKinds;
      old.removeAllListeners();
      old.dispose();
    }
    this.plan = plan;
    this.guest = guest;
    this.runtime = rt;
    this.frames = null;
    this.variables = new VariableStore(rt.target);
    this.attach(rt);
    for (const w of rt.warnings) this.sendEvent(new OutputEvent(`translucent: ${w}\n`, 'console'));
    return rt;
  }

  private attach(rt: GuestRuntime): void {
    rt.on('stopped', (stop) => {
      this.frames = null;
      this.variables?.reset();
      const e = new StoppedEvent(stop.reason, THREAD_ID, stop.text) as DebugProtocol.StoppedEvent;
      e.body.allThreadsStopped = true;
      if (stop.description !== undefined) e.body.description = stop.description;
      if (stop.breakpointIds !== undefined) e.body.hitBreakpointIds = [...new Set(stop.breakpointIds)];
      this.sendEvent(e);
    });
    rt.on('output', (text, category) => this.sendEvent(new OutputEvent(text, category)));
    rt.on('exited', (code) => {
      this.sendEvent(new ExitedEvent(code));
      this.sendEvent(new TerminatedEvent());
    });
    rt.on('stats', (body) => this.sendEvent(new Event('translucent/stats', body satisfies CustomEventBodies['translucent/stats'])));
  }

  // ---- lifecycle ----

  protected override initializeRequest(response: DebugProtocol.InitializeResponse): void {
    response.body = { ...response.body, ...CAPABILITIES };
    this.sendResponse(response);
  }

  protected override launchRequest(response: DebugProtocol.LaunchResponse, rawArgs: DebugProtocol.LaunchRequestArguments): void {
    this.answer(response, async () => {
      if (this.runtime !== null) throw new RequestError('launch: this session already runs a guest');
      const plan = resolveLaunch(rawArgs);
      const rt = this.useRuntime(plan, this.program(plan));
      // Breakpoints can be resolved now that the program's line tables are read.
      this.sendEvent(new InitializedEvent());
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.configurationDone, new Promise((res) => { timer = setTimeout(res, CONFIGURATION_TIMEOUT_MS); })]);
      clearTimeout(timer);
      setImmediate(() => rt.start(plan.stopOnEntry));
      return undefined;
    });
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.configured();
    this.sendResponse(response);
  }

  /**
   * A system reset; and when the program changed since it was booted (sources edited and reassembled
   * here, an ELF rebuilt, or a launch configuration the client sends anew), the new one is booted
   * with the same breakpoints resolved against it. Sources that no longer assemble fail the restart
   * and leave the guest as it was.
   */
  protected override restartRequest(response: DebugProtocol.RestartResponse, args: DebugProtocol.RestartArguments): void {
    this.answer(response, () => {
      let rt = this.rt('restart');
      const plan = args?.arguments !== undefined ? resolveLaunch(args.arguments) : this.plan!;
      const guest = this.program(plan);
      if (JSON.stringify(plan) !== JSON.stringify(this.plan) || !sameBytes(guest.bytes, this.guest!.bytes)) {
        rt = this.useRuntime(plan, guest);
        const { ids, changed } = this.breakpointRequests.replay(this.ctx);
        rt.exec.renumberBreakpoints(ids);
        for (const b of changed) this.sendEvent(new BreakpointEvent('changed', b));
        this.sendEvent(new OutputEvent(`translucent: ${path.basename(guest.path)} changed: restarting with the new program\n`, 'console'));
      }
      this.resumed();
      rt.restart(plan.stopOnEntry);
      return undefined;
    });
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.answer(response, () => {
      this.runtime?.dispose();
      this.sendEvent(new TerminatedEvent());
      return undefined;
    });
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse, args: DebugProtocol.DisconnectArguments, request?: DebugProtocol.Request): void {
    this.finished = true;
    this.runtime?.dispose();
    super.disconnectRequest(response, args, request);
  }

  // ---- execution ----

  private resumed(): void {
    this.frames = null;
    this.variables?.reset();
  }

  private execution(response: DebugProtocol.Response, raw: unknown, act: (rt: GuestRuntime, granularity: Granularity) => void): void {
    this.answer(response, () => {
      const args = argsOf(response.command, raw);
      checkThread(response.command, args);
      const g = args.granularity;
      if (g !== undefined && g !== 'line' && g !== 'statement' && g !== 'instruction') {
        throw new RequestError(`${response.command}: granularity "${String(g)}" is not statement, line or instruction`);
      }
      act(this.rt(response.command), g === 'instruction' ? 'instruction' : 'line');
      this.resumed();
      return response.command === 'continue' ? { allThreadsContinued: true } : undefined;
    });
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse, args: DebugProtocol.ContinueArguments): void {
    this.execution(response, args, (rt) => rt.continue());
  }

  protected override nextRequest(response: DebugProtocol.NextResponse, args: DebugProtocol.NextArguments): void {
    this.execution(response, args, (rt, g) => rt.next(g));
  }

  protected override stepInRequest(response: DebugProtocol.StepInResponse, args: DebugProtocol.StepInArguments): void {
    this.execution(response, args, (rt, g) => rt.stepIn(g));
  }

  protected override stepOutRequest(response: DebugProtocol.StepOutResponse, args: DebugProtocol.StepOutArguments): void {
    this.execution(response, args, (rt) => rt.stepOut());
  }

  protected override pauseRequest(response: DebugProtocol.PauseResponse, args: DebugProtocol.PauseArguments): void {
    this.answer(response, () => {
      checkThread('pause', argsOf('pause', args));
      // Pausing a stopped guest is not an error: VS Code may race a stop.
      this.rt('pause').pause();
      return undefined;
    });
  }

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = { threads: [new Thread(THREAD_ID, 'hart 0')] };
    this.sendResponse(response);
  }

  // ---- everything else: requests/ ----

  protected override setBreakPointsRequest(r: DebugProtocol.SetBreakpointsResponse, a: DebugProtocol.SetBreakpointsArguments): void { this.handleBreakpoints(r, bp.setBreakpoints, a); }
  protected override breakpointLocationsRequest(r: DebugProtocol.BreakpointLocationsResponse, a: DebugProtocol.BreakpointLocationsArguments): void { this.handle(r, bp.breakpointLocations, a); }
  protected override setFunctionBreakPointsRequest(r: DebugProtocol.SetFunctionBreakpointsResponse, a: DebugProtocol.SetFunctionBreakpointsArguments): void { this.handleBreakpoints(r, bp.setFunctionBreakpoints, a); }
  protected override setInstructionBreakpointsRequest(r: DebugProtocol.SetInstructionBreakpointsResponse, a: DebugProtocol.SetInstructionBreakpointsArguments): void { this.handleBreakpoints(r, bp.setInstructionBreakpoints, a); }
  protected override setExceptionBreakPointsRequest(r: DebugProtocol.SetExceptionBreakpointsResponse, a: DebugProtocol.SetExceptionBreakpointsArguments): void { this.handleBreakpoints(r, bp.setExceptionBreakpoints, a); }
  protected override exceptionInfoRequest(r: DebugProtocol.ExceptionInfoResponse, a: DebugProtocol.ExceptionInfoArguments): void { this.handle(r, bp.exceptionInfo, a); }
  protected override dataBreakpointInfoRequest(r: DebugProtocol.DataBreakpointInfoResponse, a: DebugProtocol.DataBreakpointInfoArguments): void { this.handle(r, bp.dataBreakpointInfo, a); }
  protected override setDataBreakpointsRequest(r: DebugProtocol.SetDataBreakpointsResponse, a: DebugProtocol.SetDataBreakpointsArguments): void { this.handleBreakpoints(r, bp.setDataBreakpoints, a); }

  protected override stackTraceRequest(r: DebugProtocol.StackTraceResponse, a: DebugProtocol.StackTraceArguments): void { this.handle(r, state.stackTrace, a); }
  protected override scopesRequest(r: DebugProtocol.ScopesResponse, a: DebugProtocol.ScopesArguments): void { this.handle(r, state.scopes, a); }
  protected override variablesRequest(r: DebugProtocol.VariablesResponse, a: DebugProtocol.VariablesArguments): void { this.handle(r, state.variables, a); }
  protected override setVariableRequest(r: DebugProtocol.SetVariableResponse, a: DebugProtocol.SetVariableArguments): void { this.handle(r, state.setVariable, a); }
  protected override setExpressionRequest(r: DebugProtocol.SetExpressionResponse, a: DebugProtocol.SetExpressionArguments): void { this.handle(r, state.setExpressionRequest, a); }
  protected override evaluateRequest(r: DebugProtocol.EvaluateResponse, a: DebugProtocol.EvaluateArguments): void { this.handle(r, state.evaluateRequest, a); }
  protected override completionsRequest(r: DebugProtocol.CompletionsResponse, a: DebugProtocol.CompletionsArguments): void { this.handle(r, state.completionsRequest, a); }

  protected override readMemoryRequest(r: DebugProtocol.ReadMemoryResponse, a: DebugProtocol.ReadMemoryArguments): void { this.handle(r, memory.readMemory, a); }
  protected override writeMemoryRequest(r: DebugProtocol.WriteMemoryResponse, a: DebugProtocol.WriteMemoryArguments): void { this.handle(r, memory.writeMemory, a); }
  protected override disassembleRequest(r: DebugProtocol.DisassembleResponse, a: DebugProtocol.DisassembleArguments): void { this.handle(r, memory.disassembleRequest, a); }

  /** Translucent's own requests (protocol.ts). */
  protected override customRequest(command: string, response: DebugProtocol.Response, args: unknown): void {
    this.answer(response, () => {
      if (!isCustomRequest(command)) throw new RequestError(`unknown request "${command}"`);
      return runCustomRequest(this.rt(command), command, args);
    });
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);
}
