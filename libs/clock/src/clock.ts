import { italianDay, italianHour, secondsToItalianMidnight } from './italian-time.js';

/**
 * The time, as one injectable thing, so that what depends on it (quotas that reset at Italian
 * midnight, convenzioni that start or end on a day, deadlines counted in hours) can be tested by
 * setting the clock rather than by waiting. Nest injects it by this class.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today in Italy, YYYY-MM-DD. */
  italianDay(): string {
    return italianDay(this.now());
  }

  /** The hour (0–23) on an Italian wall clock now. */
  italianHour(): number {
    return italianHour(this.now());
  }

  /** Whole seconds until the next Italian midnight (at least 1). */
  secondsToItalianMidnight(): number {
    return secondsToItalianMidnight(this.now());
  }
}

/** The machine's clock. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that moves only when told to: for tests, and for replaying a given moment. */
export class FakeClock extends Clock {
  private ms: number;

  constructor(start: Date | string | number) {
    super();
    this.ms = new Date(start).getTime();
    if (Number.isNaN(this.ms)) throw new Error(`FakeClock: not an instant: ${String(start)}`);
  }

  now(): Date {
    return new Date(this.ms);
  }

  set(at: Date | string | number): void {
    this.ms = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}
