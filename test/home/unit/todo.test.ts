import { expect } from "chai";
import { adminTodo, type AdminFigures } from "../../../src/home/core";

const calm: AdminFigures = {
  today: "2026-12-07",
  weekEnd: "2026-12-13",
  rounds: [],
  policy: { errors: 0, warnings: 0 },
  timetable: { changes: 0, clashes: 0, entries: 40, published: true },
  clubs: { overFull: [], underMin: [] },
  absences: { absent: 0 },
  alerts: { open: 0 },
  awaitingRuns: [],
};
const round = {
  id: 4,
  name: "补选",
  closesDate: "2026-12-07",
  closesLocal: "2026-12-07 20:00",
  children: 100,
  answered: 60,
  families: 90,
  familiesAnswered: 50,
};

describe("the admin's to-do list", () => {
  it("When every figure is calm, then the list is empty", () => {
    expect(adminTodo(calm)).to.deep.equal([]);
    expect(adminTodo({ ...calm, policy: null, timetable: null })).to.deep.equal([]);
  });

  it("When a round closes today with children missing, then it is today's item linking to the round's progress", () => {
    const [item] = adminTodo({ ...calm, rounds: [round] });
    expect(item).to.include({ key: "round", when: "today", tone: "warn", href: "/admin/rounds/4" });
    expect(item.params).to.include({ answered: 60, children: 100, count: 40, familiesAnswered: 50, families: 90 });
  });

  it("When a round closes after this week, then it is this week's information; when everyone answered, it says so", () => {
    const later = { ...round, closesDate: "2026-12-20" };
    expect(adminTodo({ ...calm, rounds: [later] })[0]).to.include({ key: "round", when: "week", tone: "info" });
    expect(adminTodo({ ...calm, rounds: [{ ...later, answered: 100 }] })[0]).to.include({ key: "roundDone" });
  });

  it("When absences and alerts are open today, then both are today's, the alerts first (they are errors)", () => {
    const items = adminTodo({ ...calm, absences: { absent: 3 }, alerts: { open: 2 } });
    expect(items.map((i) => [i.key, i.when, i.href])).to.deep.equal([
      ["alerts", "today", "/attendance/alerts"],
      ["absences", "today", "/attendance"],
    ]);
  });

  it("When the week has work, then each item links to the page that resolves it, errors before warnings", () => {
    const items = adminTodo({
      ...calm,
      policy: { errors: 2, warnings: 5 },
      timetable: { changes: 3, clashes: 1, entries: 40, published: true },
      clubs: {
        overFull: [{ id: 7, name: "足球" }],
        underMin: [
          { id: 8, name: "衍纸" },
          { id: 9, name: "围棋" },
        ],
      },
      awaitingRuns: [{ id: 2, name: "秋季选课", runs: 2 }],
    });
    expect(items.map((i) => [i.key, i.tone, i.href])).to.deep.equal([
      ["policyErrors", "error", "/admin/compliance"],
      ["clashes", "error", "/admin/timetable"],
      ["overFull", "error", "/admin/clubs/7/members"],
      ["runs", "warn", "/admin/rounds/2/runs"],
      ["timetableChanges", "warn", "/admin/timetable/publish"],
      ["underMin", "warn", "/admin/clubs"],
    ]);
    expect(items.find((i) => i.key === "underMin")!.params).to.deep.equal({ count: 2, names: "衍纸、围棋" });
  });

  it("When the timetable was never published, then publishing it is the item (not its changes); warnings alone are a warning", () => {
    const items = adminTodo({
      ...calm,
      policy: { errors: 0, warnings: 4 },
      timetable: { changes: 40, clashes: 0, entries: 40, published: false },
    });
    expect(items.map((i) => i.key)).to.deep.equal(["policyWarnings", "timetableFirst"]);
  });

  it("When the compliance counts come from a check made before the latest change, then the item says when it was checked; exact counts say nothing", () => {
    const stale = adminTodo({ ...calm, policy: { errors: 2, warnings: 1, checkedAt: "14:31" } });
    expect(stale.find((i) => i.key === "policyErrors")!.params).to.deep.equal({
      count: 2,
      warnings: 1,
      checkedAt: "14:31",
    });
    const exact = adminTodo({ ...calm, policy: { errors: 0, warnings: 3, checkedAt: null } });
    expect(exact.find((i) => i.key === "policyWarnings")!.params).to.deep.equal({ count: 3 });
  });
});
