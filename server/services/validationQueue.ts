// When to lint an open document after it changes: once the changes that have
// already arrived are all applied. vscode-jsonrpc handles one message per
// turn of the event loop, so a lint scheduled for the next turn would run
// between two queued keystrokes and fall behind a fast typist; a lint that
// waits one turn more is cancelled by the next queued change instead, and
// runs only on the latest text.
export class ValidationQueue {
  private readonly pending = new Map<string, NodeJS.Immediate>();

  constructor(private readonly validate: (uri: string) => void) {}

  schedule(uri: string): void {
    this.cancel(uri);
    const firstTurn = setImmediate(() => {
      this.pending.set(
        uri,
        setImmediate(() => {
          this.pending.delete(uri);
          this.validate(uri);
        }),
      );
    });
    this.pending.set(uri, firstTurn);
  }

  cancel(uri: string): void {
    const pending = this.pending.get(uri);
    if (pending) clearImmediate(pending);
    this.pending.delete(uri);
  }
}

