// The proposer's columns (issue 23): a club's eligible staff, sessions a week and
// venue kind; a staff member's available hours.
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ImportTable, validateImport } from "../../../../src/school/import";
import {
  parseSessionsPerWeek,
  parseStaffHours,
  parseStaffNumbers,
  parseVenueKind,
} from "../../../../src/school/core/import/planning-parsers";
import { templateRows } from "../../../../src/school/core/import/templates";
import { VENUE_KINDS } from "../../../../src/school/core";

const table = (header: string[], ...rows: string[][]): ImportTable => ({
  headers: header,
  rows: rows.map((values, i) => ({
    line: i + 2,
    cells: Object.fromEntries(header.map((h, j) => [h, values[j] ?? ""])),
  })),
});
const value = <T>(p: { ok: true; value: T } | { ok: false }) => (p.ok ? p.value : "fails");

describe("import: the proposer's columns", () => {
  it("When staff numbers are separated by 、 , ; or spaces, then each is read once; a bad one fails the cell", () => {
    expect(value(parseStaffNumbers("T007、T012"))).to.deep.equal(["T007", "T012"]);
    expect(value(parseStaffNumbers("T007, T012；E001;T007"))).to.deep.equal(["T007", "T012", "E001"]);
    expect(value(parseStaffNumbers("T007 / T012"))).to.equal("fails");
    expect(value(parseStaffNumbers("、"))).to.equal("fails");
  });

  it("When sessions a week are written as 2, 2次 or 每周2次, then they read as 2; 0 and 6 are out of range", () => {
    expect(["2", "2次", "每周2次", "2 times"].map((s) => value(parseSessionsPerWeek(s)))).to.deep.equal([2, 2, 2, 2]);
    expect(parseSessionsPerWeek("6")).to.deep.include({ ok: false, code: "out-of-range" });
    expect(parseSessionsPerWeek("0")).to.deep.include({ ok: false, code: "out-of-range" });
    expect(parseSessionsPerWeek("两次")).to.deep.include({ ok: false, code: "bad-number" });
  });

  it("When a venue kind is written as its code or as either language's label on the venue form, then it is that kind", () => {
    const root = resolve(__dirname, "../../../../../locales");
    for (const lang of ["zh-CN", "en"]) {
      const types = (
        JSON.parse(readFileSync(`${root}/${lang}/school.json`, "utf8")) as {
          school: { venue: { types: Record<string, string> } };
        }
      ).school.venue.types;
      for (const kind of VENUE_KINDS) {
        expect(value(parseVenueKind(types[kind])), `${lang} ${types[kind]}`).to.equal(kind);
        expect(value(parseVenueKind(kind))).to.equal(kind);
      }
    }
    expect(value(parseVenueKind("任意"))).to.equal(null);
    expect(value(parseVenueKind(" Music Room "))).to.equal("music");
    expect(parseVenueKind("游泳池")).to.deep.include({ ok: false, code: "bad-venue-kind" });
  });

  it("When available hours are written per weekday in Chinese or English, then they are the staff form's windows", () => {
    expect(value(parseStaffHours("周一 15:30-17:30; 周四 15:30-17:30"))).to.deep.equal({
      "1": { from: "15:30", to: "17:30" },
      "4": { from: "15:30", to: "17:30" },
    });
    expect(value(parseStaffHours("Tue, Thu 9:30~11:00"))).to.deep.equal({
      "2": { from: "09:30", to: "11:00" },
      "4": { from: "09:30", to: "11:00" },
    });
    expect(value(parseStaffHours("周二 16：30至17：50"))).to.deep.equal({ "2": { from: "16:30", to: "17:50" } });
    expect(value(parseStaffHours("全天"))).to.equal(null);
    for (const bad of [
      "周一 17:30-15:30",
      "周一 15:30",
      "周六 15:30-17:30",
      "周一 15:30-17:30; 周一 16:00-17:00",
      "25:00-26:00",
    ])
      expect(parseStaffHours(bad), bad).to.deep.include({ ok: false, code: "bad-hours" });
  });

  it("When a staff sheet has available hours, then they are typed, and a window on a day the person is not available is an error naming the column", () => {
    const header = ["工号", "姓名", "类型", "审查日期", "可用日", "可用时间"];
    const ok = validateImport(
      "staff",
      table(
        header,
        ["E010", "赵教练", "校外人员", "2026-08-20", "二,四", "周二 16:30-17:50; 周四 16:30-17:50"],
        ["T001", "李老师", "教师", "", "", ""],
      ),
    );
    expect(ok.ok && ok.rows.map((r) => r.availableHours)).to.deep.equal([
      { "2": { from: "16:30", to: "17:50" }, "4": { from: "16:30", to: "17:50" } },
      undefined,
    ]);
    const bad = validateImport(
      "staff",
      table(
        header,
        ["E010", "赵教练", "校外人员", "2026-08-20", "二", "周三 16:30-17:50"],
        ["E011", "钱教练", "校外人员", "2026-08-20", "", "周三 下午"],
      ),
    );
    expect(bad.ok ? [] : bad.errors.map((e) => [e.line, e.field, e.code])).to.deep.equal([
      [2, "availableHours", "hours-day-not-available"],
      [3, "availableHours", "bad-hours"],
    ]);
  });

  it("When a clubs sheet has the planning columns, then they are typed; unknown staff and bad cells are errors naming the column", () => {
    const header = ["名称", "类别", "年级", "最多人数", "教师工号", "可带教工号", "每周次数", "场地类型"];
    const existing = { staffNumbers: ["T007", "T012", "E001"], clubNames: [], venueNames: [] };
    const ok = validateImport(
      "clubs",
      table(
        header,
        ["合唱", "艺术", "2-6", "45", "T007", "t012、E001", "2", "音乐教室"],
        ["足球", "体育", "3-6", "30", "", "", "", ""],
      ),
      existing,
    );
    expect(ok.ok && ok.rows.map((r) => [r.eligibleStaffNumbers, r.sessionsPerWeek, r.venueKind])).to.deep.equal([
      [["T012", "E001"], 2, "music"],
      [undefined, undefined, undefined],
    ]);
    const bad = validateImport(
      "clubs",
      table(header, ["合唱", "艺术", "2-6", "45", "", "T007、T099", "9", "泳池"]),
      existing,
    );
    expect(bad.ok ? [] : bad.errors.map((e) => [e.line, e.field, e.code, e.params.value])).to.deep.equal([
      [2, "eligibleStaffNumbers", "unknown-staff", "T099"],
      [2, "sessionsPerWeek", "out-of-range", 9],
      [2, "venueKind", "bad-venue-kind", "泳池"],
    ]);
  });

  it("When a template is made, then its header maps onto every column and its example row imports cleanly", () => {
    for (const kind of ["students", "staff", "clubs"] as const) {
      const [header, example] = templateRows(kind);
      const result = validateImport(kind, table(header, example));
      expect(result.ok, `${kind} ${JSON.stringify(result.ok ? "" : result.errors)}`).to.equal(true);
      if (result.ok) expect(Object.keys(result.rows[0]).length, kind).to.be.greaterThan(header.length - 2);
    }
  });
});
