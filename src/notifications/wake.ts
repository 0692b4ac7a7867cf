// A prompt wake-up for the dispatcher of this process: a notice just written
// is usually committed a few milliseconds later, so the dispatcher looks again
// shortly after instead of waiting for its next tick. Rows written by another
// process are found by the tick.
type Waker = () => void;
let waker: Waker | null = null;

export function onOutboxWrite(w: Waker | null): void {
  waker = w;
}

export function wakeDispatcher(): void {
  waker?.();
}
