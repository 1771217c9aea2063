/**
 * A webview view that speaks a typed message protocol: it renders once the webview says `ready`
 * (messages posted earlier are lost), re-sends its state when the view is shown again, and knows
 * whether anyone can see it so that hidden views do not ask the adapter for data.
 */
import * as vscode from 'vscode';
import { WebviewAssets, webviewHtml, webviewOptions } from './webview-html';

export abstract class TypedWebviewView<ToView, FromView extends { readonly type: string }> implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private readonly viewDisposables: vscode.Disposable[] = [];
  /** The newest message of each type, delivered or not (the integration tests read what a view got). */
  private readonly latest = new Map<string, ToView>();

  constructor(protected readonly extensionUri: vscode.Uri, private readonly assets: WebviewAssets) {}

  get visible(): boolean {
    return this.view?.visible === true && this.ready;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.disposeView();
    this.view = view;
    this.ready = false;
    view.webview.options = webviewOptions(this.extensionUri);
    view.webview.html = webviewHtml(view.webview, this.extensionUri, this.assets);
    this.viewDisposables.push(
      view.webview.onDidReceiveMessage((m: FromView) => {
        if (m.type === 'ready') {
          this.ready = true;
          this.onReady();
        } else {
          this.receive(m);
        }
      }),
      view.onDidChangeVisibility(() => {
        if (view.visible && this.ready) this.onShown();
      }),
      view.onDidDispose(() => {
        if (this.view === view) {
          this.view = undefined;
          this.ready = false;
        }
      }),
    );
  }

  /** Makes the view visible (opening the Translucent container if needed). */
  async reveal(): Promise<void> {
    if (this.view) this.view.show(true);
    else await vscode.commands.executeCommand(`${this.viewId}.focus`);
  }

  protected abstract readonly viewId: string;

  protected post(message: ToView): void {
    this.latest.set((message as { type: string }).type, message);
    if (this.view && this.ready) void this.view.webview.postMessage(message);
  }

  latestMessage(type: string): ToView | undefined {
    return this.latest.get(type);
  }

  /** The webview has loaded: send it everything it shows. */
  protected abstract onReady(): void;

  /** The view was hidden and is visible again: bring it up to date. */
  protected onShown(): void {
    this.onReady();
  }

  protected abstract receive(message: FromView): void;

  private disposeView(): void {
    for (const d of this.viewDisposables.splice(0)) d.dispose();
  }

  dispose(): void {
    this.disposeView();
  }
}
