/**
 * What a view last showed, kept with the session it describes. When the webview needs it again (it
 * loaded, was shown, or the current session changed) only what describes the current session is sent
 * again; an answer that arrives after its session ended or lost the focus is dropped.
 */
export class SessionShown<S, M extends { readonly type: string }> {
  private session: S | undefined;
  private readonly messages = new Map<string, M>();

  /**
   * Keeps `message` as shown for `session`, replacing the one kept in its `slot` (by default its type;
   * messages that take each other's place share one). False, keeping nothing, when `session` is no
   * longer `current`: the caller then does not post it.
   */
  keep(session: S, current: S | undefined, message: M, slot: string = message.type): boolean {
    if (session !== current) return false;
    if (session !== this.session) {
      this.messages.clear();
      this.session = session;
    }
    this.messages.set(slot, message);
    return true;
  }

  /** The messages kept for `current`; none when they were about another session. */
  for(current: S | undefined): M[] {
    return current !== undefined && current === this.session ? [...this.messages.values()] : [];
  }
}
