import { expect } from "chai";
import {
  isDialable,
  resolveCollector,
  roomForMore,
  telOf,
  timeOfDay,
  undoRefusal,
  MAX_PICKUP_PEOPLE,
} from "../../../src/pickup/core";

describe("pick-up rules", () => {
  it("When a phone is typed as people do, then digits with +, spaces or hyphens are dialable and anything else is not", () => {
    for (const ok of ["13800138000", "+86 138 0013 8000", "021-6478-0000", "12345"])
      expect(isDialable(ok), ok).to.equal(true);
    for (const bad of ["", "1234", "phone", "138-", "+", "13800138000x", "1".repeat(21)])
      expect(isDialable(bad), bad).to.equal(false);
    expect(telOf("+86 138-0013 8000")).to.equal("+8613800138000");
  });

  it("When the list has six people, then there is no room for a seventh", () => {
    expect(roomForMore(MAX_PICKUP_PEOPLE - 1)).to.equal(true);
    expect(roomForMore(MAX_PICKUP_PEOPLE)).to.equal(false);
  });

  it("When the collector is chosen, then a listed person is copied and someone else is flagged; a foreign id is refused", () => {
    const list = [{ id: 7, name: "王丽", relation: "mother", relationOther: null }];
    expect(resolveCollector({ kind: "listed", personId: 7 }, list)).to.deep.equal({
      personId: 7,
      name: "王丽",
      relation: "mother",
      relationOther: null,
      unlisted: false,
    });
    expect(resolveCollector({ kind: "other", name: "张三" }, list)).to.include({ personId: null, unlisted: true });
    expect(resolveCollector({ kind: "listed", personId: 8 }, list)).to.equal(null);
  });

  it("When a time of day is read, then HH:MM and HH:MM:SS pass and the rest is null", () => {
    expect(timeOfDay("16:05")).to.equal("16:05");
    expect(timeOfDay("09:30:59")).to.equal("09:30");
    for (const bad of ["24:00", "16:60", "4:05", "16.05", ""]) expect(timeOfDay(bad), bad).to.equal(null);
  });
});

describe("undoing an early pick-up", () => {
  const p = { date: "2026-09-15", recordedByStaffId: 7 };
  it("When the teacher who recorded it asks on the day, then they may undo it", () => {
    expect(undoRefusal(p, { staffId: 7, isAdmin: false }, "2026-09-15")).to.equal(null);
  });
  it("When another teacher asks, then it is not theirs; an admin may", () => {
    expect(undoRefusal(p, { staffId: 8, isAdmin: false }, "2026-09-15")).to.equal("notYours");
    expect(undoRefusal(p, { staffId: 8, isAdmin: true }, "2026-09-15")).to.equal(null);
  });
  it("When the day has passed, then nobody may undo it, an admin included", () => {
    expect(undoRefusal(p, { staffId: 7, isAdmin: false }, "2026-09-16")).to.equal("notToday");
    expect(undoRefusal(p, { staffId: 1, isAdmin: true }, "2026-09-16")).to.equal("notToday");
  });
});
