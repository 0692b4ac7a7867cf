// The set-up pages' pure rules, one sentence each (no database, no HTTP).
import { expect } from "chai";
import { leaverName, promotedName, uniqueName } from "../../../src/school/core/class-names";
import { classMapping, promotionPlan } from "../../../src/school/core/promotion-plan";
import { overlappingPeriod } from "../../../src/school/core/period-rules";
import {
  atMostAYear,
  datesOfRange,
  endsAfterStart,
  isWeekend,
  withinTerm,
} from "../../../src/school/core/calendar-rules";
import { termCalendar } from "../../../src/school/calendar-months";
import { parseSportGrid } from "../../../src/school/structure-forms";
import { countWeekdays, parseReplies } from "../../../src/school/enrollment-service";
import {
  archivedStudents,
  clubCategory,
  emailsTaken,
  gradeMismatches,
  unvettedExternals,
} from "../../../src/school/core/import-checks";
import { clubCode } from "../../../src/school/store/import-apply";
import { uploadedName } from "../../../src/school/import-routes";
import { calendarDayForm, termForm } from "../../../src/school/term-forms";
import { fieldErrors as formErrors } from "../../../src/http";
import type { Student } from "../../../src/db/entities";

describe("school rules: class names at a new school year", () => {
  it("When a class name carries its grade, then moving up rewrites only that part", () => {
    expect(promotedName("一年级(1)班", 1)).to.equal("二年级(1)班");
    expect(promotedName("三(2)班", 3)).to.equal("四(2)班");
    expect(promotedName("5年级3班", 5)).to.equal("6年级3班");
    expect(promotedName("2(10)班", 2)).to.equal("3(10)班");
    expect(promotedName("302班", 3)).to.equal("402班");
    expect(promotedName("Grade 4 Class 1", 4)).to.equal("Grade 5 Class 1");
    expect(promotedName("G1-2", 1)).to.equal("G2-2");
  });

  it("When a class name shows no grade, then it is kept as it is", () => {
    expect(promotedName("向日葵班", 2)).to.equal(null);
    expect(promotedName("10班", 1)).to.equal(null);
  });

  it("When a class leaves, then its name keeps the year, within 40 characters, and never repeats", () => {
    expect(leaverName("六年级(1)班", 2027)).to.equal("六年级(1)班（2027届）");
    expect(leaverName("x".repeat(40), 2027)).to.have.length(40);
    const taken = new Set(["6|六年级(1)班（2027届）"]);
    expect(uniqueName(6, "六年级(1)班（2027届）", taken)).to.equal("六年级(1)班（2027届） 2");
  });

  it("When the plan is made, then grade 6 leaves, grades 1–5 move up, and grade 1 gets new classes with the old names", () => {
    const plan = promotionPlan(
      [
        { id: 1, grade: 1, name: "一年级(1)班", archived: false, students: 40 },
        { id: 2, grade: 5, name: "五年级(1)班", archived: false, students: 39 },
        { id: 3, grade: 6, name: "六年级(1)班", archived: false, students: 38 },
        { id: 4, grade: 6, name: "六年级(1)班（2026届）", archived: true, students: 0 },
      ],
      2027,
    );
    expect(plan.leavers).to.deep.equal([
      { id: 3, name: "六年级(1)班", newName: "六年级(1)班（2027届）", students: 38 },
    ]);
    expect(plan.promoted.map((p) => [p.id, p.toGrade, p.newName])).to.deep.equal([
      [2, 6, "六年级(1)班"],
      [1, 2, "二年级(1)班"],
    ]);
    expect(plan.created).to.deep.equal([{ grade: 1, name: "一年级(1)班" }]);
  });

  it("When timetable entries follow the grade, then last year's class maps to this year's class of the same grade and name, else by position", () => {
    const map = classMapping(
      [
        { id: 1, grade: 3, name: "三(1)班" },
        { id: 2, grade: 3, name: "Sunflowers" },
      ],
      [
        { id: 7, grade: 3, name: "三(1)班" },
        { id: 8, grade: 3, name: "Roses" },
      ],
    );
    expect([map.get(1), map.get(2)]).to.deep.equal([7, 8]);
  });
});

describe("school rules: periods and the term calendar", () => {
  const p = (name: string, startTime: string, endTime: string, grades: number[], id?: number) => ({
    name,
    startTime,
    endTime,
    grades,
    ...(id && { id }),
  });

  it("When two periods share a grade and their times overlap, then the first clash is named with the grade", () => {
    const clash = overlappingPeriod(p("B", "16:30", "17:00", [3, 4]), [p("A", "15:40", "16:40", [1, 2, 3], 1)]);
    expect(clash?.period.name).to.equal("A");
    expect(clash?.grade).to.equal(3);
  });

  it("When periods only touch, serve other grades, or are the same period being edited, then there is no clash", () => {
    const others = [p("A", "15:40", "16:40", [1, 2, 3], 1)];
    expect(overlappingPeriod(p("B", "16:40", "17:40", [3]), others)).to.equal(null);
    expect(overlappingPeriod(p("B", "16:00", "17:00", [5, 6]), others)).to.equal(null);
    expect(overlappingPeriod(p("A", "15:30", "16:30", [1], 1), others)).to.equal(null);
  });

  it("When term dates are checked, then the end comes after the start, within a year", () => {
    expect(endsAfterStart({ startDate: "2026-09-01", endDate: "2026-09-01" })).to.equal(false);
    expect(atMostAYear({ startDate: "2026-09-01", endDate: "2027-09-02" })).to.equal(true);
    expect(atMostAYear({ startDate: "2026-09-01", endDate: "2027-09-03" })).to.equal(false);
    expect(withinTerm("2026-09-01", { startDate: "2026-09-01", endDate: "2027-01-15" })).to.equal(true);
  });

  it("When a make-up day is checked, then only Saturday and Sunday qualify", () => {
    expect(["2026-09-19", "2026-09-20", "2026-09-21"].map(isWeekend)).to.deep.equal([true, true, false]);
  });

  it("When a holiday range spans a weekend, then only its weekdays are days off; an event keeps every date", () => {
    expect(datesOfRange("holiday", "2026-10-01", "2026-10-07")).to.deep.equal([
      "2026-10-01",
      "2026-10-02",
      "2026-10-05",
      "2026-10-06",
      "2026-10-07",
    ]);
    expect(datesOfRange("event", "2026-10-23", "2026-10-24")).to.deep.equal(["2026-10-23", "2026-10-24"]);
    expect(datesOfRange("exam", "2026-11-12", null)).to.deep.equal(["2026-11-12"]);
  });

  it("When the calendar is drawn, then weeks start on Monday and service days count make-up and event days but not holidays", () => {
    const cal = termCalendar({ startDate: "2026-09-01", endDate: "2026-09-30" }, [
      { id: 1, date: "2026-09-20", kind: "makeup", name: "调休", runsWeekday: 5 },
      { id: 2, date: "2026-09-25", kind: "holiday", name: "中秋节", runsWeekday: null },
    ]);
    expect(cal.months).to.have.length(1);
    const [september] = cal.months;
    expect(september.weeks[0].map((c) => c?.day ?? null)).to.deep.equal([null, 1, 2, 3, 4, 5, 6]);
    expect(september.weeks.every((w) => w.length === 7)).to.equal(true);
    const cell = (day: number) => september.weeks.flat().find((c) => c?.day === day)!;
    expect([cell(20).kind, cell(20).service, cell(25).kind, cell(25).service, cell(19).kind]).to.deep.equal([
      "makeup",
      true,
      "holiday",
      false,
      "weekend",
    ]);
    expect(cal.schoolDays).to.equal(22 - 1 + 1);
    expect(cal.counts).to.deep.equal({ holiday: 1, exam: 0, makeup: 1, event: 0 });
  });

  it("When a Saturday holds a sports meet, then the month grid counts no service, as registers and feeds do (the kernel's schoolDay)", () => {
    const cal = termCalendar({ startDate: "2026-10-01", endDate: "2026-10-31" }, [
      { id: 1, date: "2026-10-24", kind: "event", name: "开放日", runsWeekday: null },
    ]);
    const cell = cal.months[0].weeks.flat().find((c) => c?.day === 24)!;
    expect([cell.kind, cell.service]).to.deep.equal(["event", false]);
    expect(cal.schoolDays).to.equal(22);
  });

  it("When an old make-up day names no weekday, then the calendar page still opens and shows it, so the admin can fix it", () => {
    const cal = termCalendar({ startDate: "2026-10-01", endDate: "2026-10-31" }, [
      { id: 1, date: "2026-10-10", kind: "makeup", name: "调休", runsWeekday: null },
    ]);
    const cell = cal.months[0].weeks.flat().find((c) => c?.day === 10)!;
    expect([cell.kind, cell.service, cell.special?.name]).to.deep.equal(["makeup", false, "调休"]);
  });

  it("When the term form has dates the wrong way round, then the error names the end date with the capability's own message", () => {
    const parsed = termForm.safeParse({ name: "x", startDate: "2027-03-01", endDate: "2027-02-01" });
    expect(parsed.success).to.equal(false);
    expect(formErrors(parsed.error!)).to.deep.equal({ endDate: { key: "school.term.endBeforeStart", params: {} } });
  });

  it("When a make-up day form is a weekday with no timetable weekday, then both fields are named", () => {
    const parsed = calendarDayForm.safeParse({ kind: "makeup", date: "2026-11-04", name: "调休", runsWeekday: "" });
    expect(Object.keys(formErrors(parsed.error!)).sort()).to.deep.equal(["date", "runsWeekday"]);
    const ok = calendarDayForm.safeParse({ kind: "holiday", date: "2026-11-04", name: "校庆", runsWeekday: "3" });
    expect(ok.success && ok.data.runsWeekday).to.equal(null);
  });
});

describe("school rules: daily sport and enrollment", () => {
  it("When the grid has blanks, then they count as 0; a non-number or more than 180 names its cell", () => {
    const { cells, errors } = parseSportGrid({ pe_1_1: "40", br_1_1: "", pe_2_3: "-5", br_6_5: "181" });
    expect(cells).to.have.length(30);
    expect(cells[0]).to.deep.equal({ grade: 1, weekday: 1, peMinutes: 40, breakMinutes: 0 });
    expect(Object.keys(errors).sort()).to.deep.equal(["br_6_5", "pe_2_3"]);
  });

  it("When replies are read, then a ticked weekday implies a reply, 'received' alone means no days, and nothing means no reply", () => {
    const kids = [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }] as Student[];
    const { replies, errors } = parseReplies({ w_1: ["3", "1", "3"], r_2: "1", w_4: "7" }, kids);
    expect(replies.slice(0, 3)).to.deep.equal([
      { studentId: 1, weekdays: [1, 3] },
      { studentId: 2, weekdays: [] },
      { studentId: 3, weekdays: null },
    ]);
    expect(Object.keys(errors)).to.deep.equal(["w_4"]);
  });

  it("When weekdays are counted, then a child counts as enrolled with at least one day", () => {
    const counts = countWeekdays([{ weekdays: [1, 2] }, { weekdays: [] }, { weekdays: [2] }], 40);
    expect(counts).to.deep.equal({
      byWeekday: { 1: 1, 2: 2, 3: 0, 4: 0, 5: 0 },
      replies: 3,
      enrolled: 2,
      students: 40,
    });
  });
});

describe("school rules: import checks beyond the core", () => {
  const student = (line: number, studentNumber: string, grade: number, className: string) => ({
    line,
    studentNumber,
    name: "x",
    grade,
    className,
    familyKey: "F1",
  });

  it("When a row's class is in another grade, then that line is reported; a class of the right grade passes", () => {
    const classes = [{ id: 1, grade: 3, name: "三(2)班" }];
    expect(
      gradeMismatches([student(2, "1", 3, "三（2）班"), student(3, "2", 4, "三(2)班")], classes).map((p) => [
        p.line,
        p.params.classGrade,
      ]),
    ).to.deep.equal([[3, 3]]);
  });

  it("When a number belongs to a leaver, then the row is refused", () => {
    expect(archivedStudents([student(5, "S001", 3, "a")], new Set(["s001"]))).to.have.length(1);
  });

  it("When an email belongs to someone else, or an external has no vetting date, then the row is refused", () => {
    const row = {
      line: 2,
      staffNumber: "T9",
      name: "x",
      kind: "external" as const,
      email: "a@b.cn",
      availableDays: [1],
    };
    expect(emailsTaken([row], new Map([["a@b.cn", "T1"]]))).to.have.length(1);
    expect(emailsTaken([row], new Map([["a@b.cn", "t9"]]))).to.have.length(0);
    expect(unvettedExternals([row], new Map())).to.have.length(1);
    expect(unvettedExternals([row], new Map([["t9", "2026-08-01"]]))).to.have.length(0);
  });

  it("When a club category is written in Chinese or English, then it maps to one of the six", () => {
    expect(["艺术", "体育类", "Science", "语言", "手工", "思维", "魔法"].map(clubCategory)).to.deep.equal([
      "arts",
      "sports",
      "science",
      "language",
      "crafts",
      "thinking",
      null,
    ]);
  });

  it("When a club gets a code, then an English name gives a slug and a Chinese one a short hash, never a taken one", () => {
    const taken = new Set(["chess"]);
    expect(clubCode("Chess", taken)).to.equal("chess-2");
    expect(clubCode("合唱团", taken)).to.match(/^club-[0-9a-f]{6}$/);
  });

  it("When a file name arrives as Latin-1 mojibake, then it is read back as UTF-8", () => {
    expect(uploadedName(Buffer.from("学生名单.csv", "utf8").toString("latin1"))).to.equal("学生名单.csv");
    expect(uploadedName("students.csv")).to.equal("students.csv");
    expect(uploadedName("café.csv")).to.equal("café.csv");
  });
});
