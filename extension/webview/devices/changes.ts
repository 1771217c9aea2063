/**
 * "Changed since the last stop": each shown value has a key; the snapshot taken at a stop becomes
 * the baseline for the next stop and for the live updates in between.
 */
export type Snapshot = Map<string, string>;

export class ChangeTracker {
  private lastStop: Snapshot | undefined;
  private baseline: Snapshot | undefined;
  private lastStopId: number | undefined;

  /** Takes a new snapshot; returns the baseline to compare it with. */
  update(current: Snapshot, stop: number | undefined): Snapshot | undefined {
    if (stop !== undefined && stop !== this.lastStopId) {
      this.baseline = this.lastStop;
      this.lastStop = current;
      this.lastStopId = stop;
    }
    return this.baseline;
  }
}

export function changed(baseline: Snapshot | undefined, key: string, value: string): boolean {
  if (!baseline) return false;
  const before = baseline.get(key);
  return before !== undefined && before !== value;
}
