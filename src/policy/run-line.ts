// One costly run at a time, and at most one waiting: whoever asks while a run
// is under way gets the run that starts when it ends, shared with everyone else
// who asked meanwhile. A caller never gets a run that began before it asked
// (that one may have missed a write the caller can see), yet twenty callers at
// once cost two runs, not twenty.
export class RunLine<T> {
  private running = false;
  private queued: { promise: Promise<T>; resolve: (value: T) => void; reject: (err: unknown) => void } | null = null;

  /** Starts `now` when nothing runs, else waits for the run that `later` starts after the current one. */
  run(now: () => Promise<T>, later: () => Promise<T>): Promise<T> {
    if (!this.running) return this.launch(now, later);
    if (!this.queued) {
      let resolve!: (value: T) => void;
      let reject!: (err: unknown) => void;
      const promise = new Promise<T>((ok, fail) => {
        resolve = ok;
        reject = fail;
      });
      this.queued = { promise, resolve, reject };
    }
    return this.queued.promise;
  }

  private launch(go: () => Promise<T>, later: () => Promise<T>): Promise<T> {
    this.running = true;
    const run = go();
    const next = () => {
      this.running = false;
      const queued = this.queued;
      if (!queued) return;
      this.queued = null;
      this.launch(later, later).then(queued.resolve, queued.reject);
    };
    run.then(next, next);
    return run;
  }
}
