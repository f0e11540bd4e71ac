// No `vscode` import: the unit tests drive this with a fake clock.

export interface SchedulerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: SchedulerClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Per-key debounce whose result is ready at the deadline: the work starts `leadMs` before the
 * deadline (the time it is expected to take) and its result is delivered at the deadline, not
 * when the work ends. A debounce of 250 ms on a document that takes 30 ms to lint then shows the
 * diagnostics 250 ms after the last edit instead of 280. The work never starts before half the
 * delay has passed, however long it is expected to take: the debounce is also there so that
 * typing does not start a lint at every keystroke. Scheduling a key again cancels its pending
 * work, its pending delivery included: a result is never delivered after a newer edit.
 */
export class DeadlineScheduler {
  private readonly pending = new Map<string, unknown>();

  constructor(private readonly clock: SchedulerClock = realClock) {}

  /**
   * Runs `work` `leadMs` before `delayMs` from now (but not before `delayMs / 2`), then `deliver`
   * with its result at `delayMs` (at once if the work ran over). `work` returning undefined
   * delivers nothing.
   */
  schedule<T>(key: string, delayMs: number, leadMs: number, work: () => T | undefined, deliver: (result: T) => void): void {
    this.cancel(key);
    const deadline = this.clock.now() + delayMs;
    const startIn = delayMs - Math.min(Math.max(0, leadMs), delayMs / 2);
    this.pending.set(key, this.clock.setTimeout(() => {
      this.pending.delete(key);
      const result = work();
      if (result === undefined) return;
      const remaining = deadline - this.clock.now();
      if (remaining <= 0) {
        deliver(result);
        return;
      }
      this.pending.set(key, this.clock.setTimeout(() => {
        this.pending.delete(key);
        deliver(result);
      }, remaining));
    }, startIn));
  }

  /** True while `key` has work or a delivery waiting. */
  has(key: string): boolean {
    return this.pending.has(key);
  }

  cancel(key: string): void {
    const handle = this.pending.get(key);
    if (handle === undefined) return;
    this.clock.clearTimeout(handle);
    this.pending.delete(key);
  }

  dispose(): void {
    for (const handle of this.pending.values()) this.clock.clearTimeout(handle);
    this.pending.clear();
  }
}

/**
 * How long the next incremental lint of a document is expected to take: the longest of its last
 * few, plus a margin for timers firing late. The first lint of a document (a full parse) is not a
 * sample: it is many times slower than the re-lints after an edit.
 */
export class LintDurations {
  private static readonly KEPT = 5;
  private static readonly MARGIN_MS = 5;
  private readonly samples: number[] = [];

  record(ms: number): void {
    this.samples.push(ms);
    if (this.samples.length > LintDurations.KEPT) this.samples.shift();
  }

  /** 0 until a re-lint was timed: the work then starts at the deadline, as a plain debounce. */
  expectedMs(): number {
    return this.samples.length === 0 ? 0 : Math.max(...this.samples) + LintDurations.MARGIN_MS;
  }
}
