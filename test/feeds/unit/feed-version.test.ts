// ETag / Last-Modified come from the data, so polling clients get 304 until it changes.
import { expect } from "chai";
import { feedVersion } from "../../../src/feeds/core";
import { demoFeed, demoSessions } from "./demo-term";

describe("feedVersion", () => {
  const base = feedVersion(demoFeed());

  it("When the same data is asked twice, in any order, then the ETag is the same quoted string", () => {
    const feed = demoFeed();
    expect(feedVersion(demoFeed())).to.deep.equal(base);
    expect(
      feedVersion({ ...feed, sessions: [...feed.sessions].reverse(), specialDays: [...feed.specialDays!].reverse() }),
    ).to.deep.equal(base);
    expect(base.etag).to.match(/^"[A-Za-z0-9_-]{32}"$/);
  });

  it("When any session field changes, then the ETag changes", () => {
    const sessions = demoSessions();
    const variants = [
      { ...sessions[0], summary: "Homework club" },
      { ...sessions[0], location: "Library" },
      { ...sessions[0], cancelledDates: ["2026-11-02"] },
      { ...sessions[0], start: "15:50" },
    ];
    const etags = variants.map((v) => feedVersion(demoFeed({ sessions: [v, ...sessions.slice(1)] })).etag);
    expect(new Set([...etags, base.etag]).size).to.equal(variants.length + 1);
  });

  it("When a holiday is added, then the ETag changes", () => {
    const feed = demoFeed();
    expect(
      feedVersion({ ...feed, specialDays: [...feed.specialDays!, { date: "2026-12-25", kind: "holiday", name: "x" }] })
        .etag,
    ).to.not.equal(base.etag);
  });

  it("When sessions were changed at different times, then Last-Modified is the latest, in whole seconds", () => {
    expect(base.lastModified.toISOString()).to.equal("2026-08-28T02:15:30.000Z");
    const sessions = demoSessions();
    const v = feedVersion(
      demoFeed({ sessions: [{ ...sessions[0], lastModified: "2026-09-03T10:00:00.750+08:00" }, ...sessions.slice(1)] }),
    );
    expect(v.lastModified.toISOString()).to.equal("2026-09-03T02:00:00.000Z");
  });

  it("When the term itself was changed later than any session, then Last-Modified follows the term", () => {
    const v = feedVersion(
      demoFeed({ term: { startDate: "2026-09-01", endDate: "2027-01-15", lastModified: "2026-09-30T12:00:00Z" } }),
    );
    expect(v.lastModified.toISOString()).to.equal("2026-09-30T12:00:00.000Z");
  });
});
