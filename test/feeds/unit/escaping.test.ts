// Titles, rooms and staff notes are typed by people: RFC 5545 escaping must
// keep them text, never new properties or components.
import { expect } from "chai";
import { buildCalendar } from "../../../src/feeds/core";
import { demoFeed, demoSessions } from "./demo-term";
import { parseEvents, textOf, unfold } from "./parsed-feed";
import * as ical from "node-ical";

const HOSTILE_SUMMARY = "Choir, big; loud\nBEGIN:VEVENT\nUID:evil@x\nEND:VEVENT";
const HOSTILE_DESCRIPTION =
  "Staff: <b>Wang</b> <script>alert(1)</script>\r\nRRULE:FREQ=DAILY\rpath C:\\clubs\\art; 30, max";

function hostileFeed() {
  const [first, ...rest] = demoSessions();
  return demoFeed({
    name: "Kehou, 课后; feed\nX-INJECTED:1",
    sessions: [
      { ...first, summary: HOSTILE_SUMMARY, description: HOSTILE_DESCRIPTION, location: "Hall A, 2F; east\nGEO:1;2" },
      ...rest,
    ],
  });
}

describe("buildCalendar escaping", () => {
  const ics = buildCalendar(hostileFeed());
  const lines = unfold(ics);
  const ev = parseEvents(ics).find((e) => e.uid === "homework-mon@kehou.local")!;

  it("When a summary holds commas, semicolons and newlines, then they are escaped and read back unchanged", () => {
    expect(lines).to.include("SUMMARY:Choir\\, big\\; loud\\nBEGIN:VEVENT\\nUID:evil@x\\nEND:VEVENT");
    expect(ev.summary).to.equal(HOSTILE_SUMMARY);
  });

  it('When a summary smuggles "\\nBEGIN:VEVENT", then no extra component or UID appears', () => {
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).to.have.length(lines.filter((l) => l.startsWith("UID:")).length);
    expect(lines.some((l) => l.startsWith("UID:evil"))).to.equal(false);
    expect(parseEvents(ics).map((e) => e.uid)).to.not.include("evil@x");
    expect(lines.filter((l) => l.startsWith("RRULE:")).every((l) => l.includes("WEEKLY"))).to.equal(true);
  });

  it("When a description holds markup, CR, CRLF and backslashes, then it stays plain text with \\n breaks", () => {
    expect(ev.description).to.equal(
      "Staff: <b>Wang</b> <script>alert(1)</script>\nRRULE:FREQ=DAILY\npath C:\\clubs\\art; 30, max",
    );
    expect(lines.some((l) => l.startsWith("X-ALT-DESC"))).to.equal(false);
    expect(lines.some((l) => l.startsWith("RRULE:FREQ=DAILY"))).to.equal(false);
  });

  it("When a location holds a comma, semicolon and newline, then LOCATION keeps them as text", () => {
    expect(ev.location).to.equal("Hall A, 2F; east\nGEO:1;2");
    expect(lines.some((l) => l.startsWith("GEO:"))).to.equal(false);
  });

  it("When the calendar name holds a newline, then X-WR-CALNAME is escaped and no property is injected", () => {
    expect(lines).to.include("X-WR-CALNAME:Kehou\\, 课后\\; feed\\nX-INJECTED:1");
    expect(lines.some((l) => l.startsWith("X-INJECTED"))).to.equal(false);
    const cal = Object.values(ical.sync.parseICS(ics)).find((c) => c?.type === "VCALENDAR") as unknown as Record<
      string,
      unknown
    >;
    expect(textOf(cal["WR-CALNAME"] ?? cal["X-WR-CALNAME"])).to.contain("X-INJECTED:1");
  });

  it("When text holds control characters, then they are dropped (RFC 5545 TEXT forbids them)", () => {
    const [first, ...rest] = demoSessions();
    const out = buildCalendar(
      demoFeed({ sessions: [{ ...first, summary: "Bell\u0007 and\u0000 null\ttab" }, ...rest] }),
    );
    // eslint-disable-next-line no-control-regex
    expect(out).to.not.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
    expect(parseEvents(out).find((e) => e.uid === "homework-mon@kehou.local")!.summary).to.equal("Bell and null\ttab");
  });

  it("When a long Chinese description is folded, then no UTF-8 character is split and it reads back whole", () => {
    const text = "课后服务".repeat(40) + "；足球、篮球，合唱";
    const [first, ...rest] = demoSessions();
    const out = buildCalendar(demoFeed({ sessions: [{ ...first, description: text }, ...rest] }));
    for (const line of out.split("\r\n")) expect(Buffer.from(line, "utf8").toString("utf8")).to.equal(line);
    expect(parseEvents(out).find((e) => e.uid === "homework-mon@kehou.local")!.description).to.equal(text);
  });
});
