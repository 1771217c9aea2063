/** Translucent's custom requests, sent to a debug session with the types of debug-adapter/protocol.ts. */
import type * as vscode from 'vscode';
import { CustomArgs, CustomRequestName, CustomResponses, sendCustomRequest } from '../../debug-adapter/protocol';

export function customRequest<K extends CustomRequestName>(session: vscode.DebugSession, name: K, args: CustomArgs<K>): Promise<CustomResponses[K]> {
  return sendCustomRequest((command, a) => session.customRequest(command, a), name, args);
}
