import assert from 'node:assert/strict';
import { DeadlineScheduler, LintDurations, type SchedulerClock } from '../../../src/extension/deadlineScheduler';

/** A clock whose time moves only by advance() and by work that says how long it took (spend()). */
class FakeClock implements SchedulerClock {
  private time = 0;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + Math.max(0, ms), callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  spend(ms: number): void {
    this.time += ms;
  }
  /** Runs the timers due within `ms`, in time order, and moves the clock to the end. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].callback();
    }
    this.time = Math.max(this.time, end);
  }
  get pendingTimers(): number {
    return this.timers.size;
  }
}

describe('DeadlineScheduler (the lint debounce)', () => {
  let clock: FakeClock;
  let scheduler: DeadlineScheduler;
  let log: string[];
  beforeEach(() => {
    clock = new FakeClock();
    scheduler = new DeadlineScheduler(clock);
    log = [];
  });
  /**
   * Schedules work that takes `workMs` and logs when it starts and when its result is delivered;
   * with `result` null the work gives no result.
   */
  const schedule = (key: string, delayMs: number, leadMs: number, workMs: number, result: string | null = key) =>
    scheduler.schedule(key, delayMs, leadMs, () => {
      log.push(`work ${key} at ${clock.now()}`);
      clock.spend(workMs);
      return result ?? undefined;
    }, (r) => log.push(`deliver ${r} at ${clock.now()}`));

  it('starts the work early by the lead and delivers its result at the deadline', () => {
    schedule('a', 250, 30, 20);
    clock.advance(219);
    assert.deepEqual(log, []);
    clock.advance(1);
    // The work took 20 ms: the clock is at 240.
    assert.deepEqual(log, ['work a at 220']);
    clock.advance(9);
    assert.deepEqual(log, ['work a at 220']);
    clock.advance(1);
    assert.deepEqual(log, ['work a at 220', 'deliver a at 250']);
    assert.equal(scheduler.has('a'), false);
  });

  const cases: [what: string, delayMs: number, leadMs: number, workMs: number, expected: string[]][] = [
    ['without a lead, is a plain debounce: work and delivery at the deadline', 250, 0, 20, ['work a at 250', 'deliver a at 270']],
    ['delivers at once when the work runs over the deadline', 250, 10, 40, ['work a at 240', 'deliver a at 280']],
    // Typing must not start a lint at every keystroke, however long the lint takes.
    ['never starts the work before half the delay, however long the lead', 100, 500, 5, ['work a at 50', 'deliver a at 100']],
    ['with no delay (on open, on save), works and delivers at once', 0, 30, 5, ['work a at 0', 'deliver a at 5']],
  ];
  for (const [what, delayMs, leadMs, workMs, expected] of cases) {
    it(what, () => {
      schedule('a', delayMs, leadMs, workMs);
      clock.advance(1000);
      assert.deepEqual(log, expected);
    });
  }

  it('a newer schedule of the key cancels the older one, before or after its work ran', () => {
    schedule('a', 250, 30, 20, 'old');
    clock.advance(100);
    schedule('a', 250, 30, 20, 'newer');
    clock.advance(240);
    assert.deepEqual(log, ['work a at 320']);
    // The work for "newer" has run; an edit now must keep its result from being delivered.
    schedule('a', 250, 30, 20, 'newest');
    clock.advance(1000);
    assert.deepEqual(log, ['work a at 320', 'work a at 560', 'deliver newest at 590']);
  });

  it('keeps keys apart, and cancel() and dispose() drop what is pending', () => {
    schedule('a', 100, 0, 1);
    schedule('b', 100, 0, 1);
    schedule('c', 100, 0, 1);
    scheduler.cancel('b');
    clock.advance(200);
    assert.deepEqual(log, ['work a at 100', 'deliver a at 101', 'work c at 101', 'deliver c at 102']);
    schedule('d', 100, 50, 1);
    // Its work runs at 250; its delivery would be at 300.
    clock.advance(60);
    assert.equal(scheduler.has('d'), true);
    scheduler.dispose();
    assert.equal(clock.pendingTimers, 0);
    clock.advance(1000);
    assert.deepEqual(log.slice(4), ['work d at 250']);
  });

  it('delivers nothing when the work gives no result (the document is not a post-mortem any more)', () => {
    schedule('a', 50, 10, 1, null);
    clock.advance(100);
    assert.deepEqual(log, ['work a at 40']);
    assert.equal(clock.pendingTimers, 0);
  });
});

describe('LintDurations', () => {
  it('expects nothing until a re-lint was timed, then the longest of the last five plus a margin', () => {
    const durations = new LintDurations();
    assert.equal(durations.expectedMs(), 0);
    for (const ms of [40, 12, 15, 11, 13]) durations.record(ms);
    assert.equal(durations.expectedMs(), 45);
    durations.record(14);
    assert.equal(durations.expectedMs(), 20);
  });
});
