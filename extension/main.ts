/**
 * The extension's entry point: registers the `translucent` debugger (configurations, where the
 * adapter runs), the three views, assembly launch errors in the Problems view, the UART terminals, the status bar item, the commands, and the
 * assembly language client. What `activate` returns is what the integration tests inspect.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TranslucentApi } from './api';
import { registerCommands } from './commands';
import { DEBUG_TYPE, VIEW_IDS } from './debug/constants';
import { TranslucentAdapterFactory } from './debug/adapter-factory';
import { AssemblyProblems } from './debug/assembly-problems';
import { TranslucentConfigurationProvider } from './debug/config-provider';
import { RunClock } from './debug/run-clock';
import { SessionEvents } from './debug/session-events';
import { startLanguageClient } from './lsp/client';
import { SpeedItem } from './status/speed-item';
import { UartTerminals } from './terminal/uart-terminals';
import { BlocksView } from './views/blocks-view';
import { DevicesView } from './views/devices-view';
import { LiveUpdates } from './views/live-updates';
import { TraceView } from './views/trace-view';

let languageClient: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): TranslucentApi {
  const sessions = new SessionEvents();
  const live = new LiveUpdates();
  const trace = new TraceView(context.extensionUri, sessions, live);
  const clock = new RunClock(sessions);
  const blocks = new BlocksView(context.extensionUri, sessions, live, clock, (address) => {
    void trace.reveal().then(() => trace.showAddress(address));
  });
  const devices = new DevicesView(context.extensionUri, sessions, live);
  const uart = new UartTerminals(sessions);
  const speed = new SpeedItem(sessions);
  const provider = new TranslucentConfigurationProvider();
  const problems = new AssemblyProblems(sessions);

  context.subscriptions.push(
    sessions, live, clock, trace, blocks, devices, uart, speed, problems,
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, provider),
    // Dynamic: the Run and Debug view lists one configuration per ELF even without a launch.json.
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, {
      provideDebugConfigurations: (folder) => provider.provideDebugConfigurations(folder),
    }, vscode.DebugConfigurationProviderTriggerKind.Dynamic),
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new TranslucentAdapterFactory(context.extensionPath)),
    // Hidden views keep their state (tables, scroll position) instead of being rebuilt on each show.
    vscode.window.registerWebviewViewProvider(VIEW_IDS.trace, trace, { webviewOptions: { retainContextWhenHidden: true } }),
    vscode.window.registerWebviewViewProvider(VIEW_IDS.blocks, blocks, { webviewOptions: { retainContextWhenHidden: true } }),
    vscode.window.registerWebviewViewProvider(VIEW_IDS.devices, devices, { webviewOptions: { retainContextWhenHidden: true } }),
    ...registerCommands({ sessions, trace, blocks, devices, live, uart }),
  );
  languageClient = startLanguageClient(context.extensionPath);
  return { sessions, configurations: provider, trace, blocks, devices, uart, speed, problems };
}

export async function deactivate(): Promise<void> {
  await languageClient?.stop();
  languageClient = undefined;
}
