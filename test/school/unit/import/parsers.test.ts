import { expect } from "chai";
import fc from "fast-check";
import { parseDate, parseWeekdays } from "../../../../src/school/core/import/day-parsers";
import { parseGrade, parseGrades } from "../../../../src/school/core/import/grade-parsers";
import { parseStaffKind } from "../../../../src/school/core/import/staff";
import { parseCount, parseId, parsePhone } from "../../../../src/school/core/import/text-parsers";

const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : undefined);
const code = (r: { ok: boolean; code?: string }) => (r.ok ? undefined : r.code);

describe("cell parsers", () => {
  it("When a grade is written 3, 三, 三年级, 3年级, Grade 3 or ３, then it is 3; 七 and 0 are bad-grade", () => {
    for (const raw of ["3", "三", "三年级", "3年级", "Grade 3", "３"]) expect(value(parseGrade(raw)), raw).to.equal(3);
    expect(parseGrade("七")).to.deep.equal({ ok: false, code: "bad-grade", params: { value: "七" } });
    expect(code(parseGrade("0"))).to.equal("bad-grade");
  });

  it("When a club's grades are a range or a list, then they are expanded and sorted", () => {
    expect(value(parseGrades("3-6"))).to.deep.equal([3, 4, 5, 6]);
    expect(value(parseGrades("三至六年级"))).to.deep.equal([3, 4, 5, 6]);
    expect(value(parseGrades("5、3，4"))).to.deep.equal([3, 4, 5]);
    expect(value(parseGrades("全部"))).to.deep.equal([1, 2, 3, 4, 5, 6]);
    expect(code(parseGrades("6-3"))).to.equal("bad-grades");
    expect(code(parseGrades("3-8"))).to.equal("bad-grades");
  });

  it("When available days are written in Chinese or English, then they become weekday numbers", () => {
    expect(value(parseWeekdays("一,三,五"))).to.deep.equal([1, 3, 5]);
    expect(value(parseWeekdays("周二、周四"))).to.deep.equal([2, 4]);
    expect(value(parseWeekdays("周一三五"))).to.deep.equal([1, 3, 5]);
    expect(value(parseWeekdays("Mon, Wed, Fri"))).to.deep.equal([1, 3, 5]);
    expect(value(parseWeekdays("mon-thu"))).to.deep.equal([1, 2, 3, 4]);
    expect(value(parseWeekdays("周一至周五"))).to.deep.equal([1, 2, 3, 4, 5]);
    expect(value(parseWeekdays("每天"))).to.deep.equal([1, 2, 3, 4, 5]);
    expect(code(parseWeekdays("周六"))).to.equal("bad-weekdays");
    expect(code(parseWeekdays("sometimes"))).to.equal("bad-weekdays");
  });

  it("When a date is written the ways schools write it, then it is YYYY-MM-DD; 2026-02-30 is bad-date", () => {
    for (const raw of ["2026-08-20", "2026/8/20", "2026.8.20", "2026年8月20日", "20260820", "2026-08-20T00:00:00Z"]) {
      expect(value(parseDate(raw)), raw).to.equal("2026-08-20");
    }
    expect(parseDate("2026-02-30")).to.deep.equal({ ok: false, code: "bad-date", params: { value: "2026-02-30" } });
    expect(code(parseDate("20/08/2026"))).to.equal("bad-date");
  });

  it("When a phone is a mobile or a landline with spaces, dashes or +86, then its digits are kept; 12345 is bad-phone", () => {
    expect(value(parsePhone("138 0013 8000"))).to.equal("13800138000");
    expect(value(parsePhone("+86 138-0013-8000"))).to.equal("13800138000");
    expect(value(parsePhone("021-62345678"))).to.equal("02162345678");
    expect(code(parsePhone("12345"))).to.equal("bad-phone");
    expect(code(parsePhone("1.38001E+10"))).to.equal("scientific-notation");
  });

  it("When an id has leading zeros, full-width digits or Excel's apostrophe, then the zeros stay and the rest is undone", () => {
    expect(value(parseId("0012"))).to.equal("0012");
    expect(value(parseId("００１２"))).to.equal("0012");
    expect(value(parseId("'0012"))).to.equal("0012");
    expect(code(parseId("12 34/5"))).to.equal("bad-id");
    expect(code(parseId("1.23457E+18"))).to.equal("scientific-notation");
  });

  it("When any digit string up to 32 long is an id, then it comes back unchanged", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,32}$/), (id) => {
        expect(value(parseId(id))).to.equal(id);
      }),
    );
  });

  it("When a staff kind is written in Chinese or English, then it is one of the three kinds", () => {
    expect(value(parseStaffKind("班主任"))).to.equal("class_teacher");
    expect(value(parseStaffKind("Class Teacher"))).to.equal("class_teacher");
    expect(value(parseStaffKind("校外人员"))).to.equal("external");
    expect(value(parseStaffKind("teacher"))).to.equal("teacher");
    expect(code(parseStaffKind("校长"))).to.equal("bad-staff-kind");
  });

  it("When a size is 30人, then it is 30; when it is below the minimum, then it is out-of-range", () => {
    expect(value(parseCount(1, 1000)("30人"))).to.equal(30);
    expect(parseCount(1, 1000)("0")).to.deep.equal({
      ok: false,
      code: "out-of-range",
      params: { value: 0, min: 1, max: 1000 },
    });
    expect(code(parseCount(1, 1000)("thirty"))).to.equal("bad-number");
  });
});
