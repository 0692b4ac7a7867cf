// Moves the process's wall clock forward without waiting: Date.now() and
// `new Date()` read the real time plus an offset. Timers are untouched, so
// database drivers and mocha's timeouts run as usual. Always restore().
const RealDate = Date;
let offsetMs = 0;

class ShiftedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + offsetMs);
    else super(...(args as [string | number | Date]));
  }
  static now(): number {
    return RealDate.now() + offsetMs;
  }
}

export const HOUR_MS = 3600 * 1000;
export const DAY_MS = 24 * HOUR_MS;

export function advanceClock(ms: number): void {
  offsetMs += ms;
  globalThis.Date = ShiftedDate as DateConstructor;
}

export function restoreClock(): void {
  offsetMs = 0;
  globalThis.Date = RealDate;
}
