/**
 * Runs an async refresh at most once per interval and never twice at once; a trigger that arrives
 * meanwhile is remembered and served afterwards, so the last state is always shown.
 */
export class Throttle {
  private running = false;
  private pending = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastStart = 0;

  constructor(private readonly intervalMs: number, private readonly refresh: () => Promise<void>) {}

  trigger(): void {
    this.pending = true;
    this.schedule();
  }

  /** Runs now (a stop must show at once), after any refresh in flight. */
  now(): void {
    this.pending = true;
    this.lastStart = 0;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.schedule();
  }

  private schedule(): void {
    if (this.running || this.timer !== undefined || !this.pending) return;
    const wait = Math.max(0, this.lastStart + this.intervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, wait);
  }

  private async run(): Promise<void> {
    this.pending = false;
    this.running = true;
    this.lastStart = Date.now();
    try {
      await this.refresh();
    } catch {
      // The session may have ended mid-request; the next trigger tries again.
    } finally {
      this.running = false;
      this.schedule();
    }
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.pending = false;
  }
}
