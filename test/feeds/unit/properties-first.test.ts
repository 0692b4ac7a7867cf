// Issue 20: calendar-level properties (REFRESH-INTERVAL, X-PUBLISHED-TTL,
// X-WR-TIMEZONE …) come before the first component, where every client reads them.
import { expect } from "chai";
import { buildCalendar } from "../../../src/feeds/core";
import { unfold } from "./parsed-feed";

describe("calendar core: property order", () => {
  it("When a calendar is built, then every calendar property comes before the first component", () => {
    const ics = buildCalendar({
      name: "测试",
      uidDomain: "school.example",
      term: { startDate: "2026-09-01", endDate: "2026-09-30" },
      sessions: [
        {
          key: "k1",
          weekday: 1,
          start: "16:00",
          end: "17:00",
          summary: "体育",
          sequence: 0,
          lastModified: "2026-08-01T00:00:00Z",
        },
      ],
    });
    const lines = unfold(ics).filter((l) => l !== "");
    let depth = 0;
    let seenComponent = false;
    const late: string[] = [];
    for (const line of lines) {
      if (line.startsWith("BEGIN:")) {
        if (depth === 1) seenComponent = true;
        depth++;
        continue;
      }
      if (line.startsWith("END:")) {
        depth--;
        continue;
      }
      if (depth === 1 && seenComponent) late.push(line);
    }
    expect(late).to.deep.equal([]);
    for (const name of ["REFRESH-INTERVAL", "X-PUBLISHED-TTL", "X-WR-TIMEZONE", "X-WR-CALNAME"]) {
      expect(
        lines.findIndex((l) => l.startsWith(name)),
        name,
      )
        .to.be.greaterThan(0)
        .and.lessThan(lines.findIndex((l) => l === "BEGIN:VTIMEZONE"));
    }
  });
});
