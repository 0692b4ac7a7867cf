// The policy's run line: callers who ask during a run share one run started
// after it, never the one under way (it may have missed their write).
import { expect } from "chai";
import { RunLine } from "../../../src/policy/run-line";

function gate<T>() {
  let open!: (value: T) => void;
  let fail!: (err: unknown) => void;
  const promise = new Promise<T>((ok, no) => {
    open = ok;
    fail = no;
  });
  return { promise, open, fail };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("policy: one run at a time, one waiting", () => {
  it("When nothing runs, then the caller's run starts at once and is what it gets", async () => {
    const line = new RunLine<string>();
    expect(
      await line.run(
        () => Promise.resolve("now"),
        () => Promise.resolve("later"),
      ),
    ).to.equal("now");
  });

  it("When three callers ask during a run, then they share one run that starts only after it ends", async () => {
    const line = new RunLine<number>();
    const first = gate<number>();
    const second = gate<number>();
    let laterStarts = 0;
    const later = () => {
      laterStarts++;
      return second.promise;
    };
    const a = line.run(() => first.promise, later);
    const asked = [line.run(later, later), line.run(later, later), line.run(later, later)];
    await tick();
    expect(laterStarts, "nothing starts while the first run is under way").to.equal(0);
    first.open(1);
    expect(await a).to.equal(1);
    await tick();
    expect(laterStarts).to.equal(1);
    second.open(2);
    expect(await Promise.all(asked)).to.deep.equal([2, 2, 2]);
  });

  it("When a caller asks during the shared run, then it waits for the next one", async () => {
    const line = new RunLine<number>();
    const runs = [gate<number>(), gate<number>(), gate<number>()];
    let n = 0;
    const go = () => runs[n++].promise;
    const a = line.run(go, go);
    const b = line.run(go, go);
    runs[0].open(0);
    await a;
    await tick();
    const c = line.run(go, go);
    runs[1].open(1);
    expect(await b).to.equal(1);
    await tick();
    runs[2].open(2);
    expect(await c).to.equal(2);
    expect(n).to.equal(3);
  });

  it("When a run fails, then its caller gets the error and the waiting callers still get the next run", async () => {
    const line = new RunLine<string>();
    const first = gate<string>();
    const a = line.run(
      () => first.promise,
      () => Promise.resolve("next"),
    );
    const b = line.run(
      () => Promise.resolve("unused"),
      () => Promise.resolve("next"),
    );
    first.fail(new Error("database went away"));
    let caught: unknown;
    await a.catch((err: unknown) => (caught = err));
    expect((caught as Error).message).to.equal("database went away");
    expect(await b).to.equal("next");
    // The line is free again.
    expect(
      await line.run(
        () => Promise.resolve("again"),
        () => Promise.resolve("x"),
      ),
    ).to.equal("again");
  });
});
