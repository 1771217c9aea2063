/** The webview side of a view's message protocol (see extension/views/messages.ts). */

interface VsCodeApi<S> {
  postMessage(message: unknown): void;
  getState(): S | undefined;
  setState(state: S): void;
}

declare function acquireVsCodeApi<S>(): VsCodeApi<S>;

export interface Host<ToView, FromView, S> {
  send(message: FromView): void;
  /** UI state that survives the view being hidden and shown (filters, sort order). */
  readonly state: S | undefined;
  saveState(state: S): void;
}

/** Connects to the extension: `onMessage` receives its messages, then `ready` is sent. */
export function connect<ToView, FromView extends { type: string }, S = unknown>(onMessage: (m: ToView) => void): Host<ToView, FromView, S> {
  const api = acquireVsCodeApi<S>();
  window.addEventListener('message', (e: MessageEvent<ToView>) => onMessage(e.data));
  api.postMessage({ type: 'ready' });
  return {
    send: (m) => api.postMessage(m),
    get state() { return api.getState(); },
    saveState: (s) => api.setState(s),
  };
}
