// The leave store and the questions other capabilities ask (leaveOn, leaveOfChildOn,
// the day's list by class), on both databases, without the HTTP layer.
import { expect } from "chai";
import { forEachDatabase } from "../../support/databases";
import { seedDemo } from "../../../seeds/demo";
import { SchoolClass, Student } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";
import { LeaveRequest } from "../../../src/leave/entities";
import { leaveOfChildOn, leaveOn, leaveRequestsOfChild } from "../../../src/leave";
import { classesOf, dayList, insertLeave } from "../../../src/leave/store";
import type { LeaveKind, LeaveStatus } from "../../../src/leave/core";

forEachDatabase("leave store", (ctx) => {
  let a: Student;
  let b: Student; // another class
  const now = "2026-09-10T01:00:00.000Z";
  const add = (
    student: Student,
    over: { from: string; to?: string; entryId?: number; kind?: LeaveKind; status?: LeaveStatus },
  ) =>
    inTransaction(ctx.db.ds, (em) =>
      insertLeave(em, {
        studentId: student.id,
        fromDate: over.from,
        toDate: over.to ?? over.from,
        entryId: over.entryId ?? null,
        sessionTitle: over.entryId ? "作业辅导" : null,
        kind: over.kind ?? "sick",
        note: null,
        status: over.status ?? "pending",
        reply: null,
        decidedByStaffId: null,
        decidedAt: null,
        withdrawnAt: null,
        createdAt: now,
        updatedAt: now,
      }),
    );

  before(async function () {
    this.timeout(180_000);
    await seedDemo(ctx.db.ds);
    const students = await ctx.db.ds.getRepository(Student).find({ order: { id: "ASC" } });
    a = students[0];
    b = students.find((s) => s.classId !== a.classId)!;
    await add(a, { from: "2026-09-14", to: "2026-09-18" });
    await add(a, { from: "2026-09-16", entryId: 11, kind: "personal" });
    await add(b, { from: "2026-09-16", entryId: 12, kind: "other" });
    await add(b, { from: "2026-09-17", status: "withdrawn" });
  });

  it("When the registers ask who is on leave on a date, then each child's mark says the kind and the sessions; withdrawn ones are left out", async () => {
    const marks = await leaveOn(ctx.db.ds, "2026-09-16");
    expect(marks.get(a.id)).to.deep.include({ kind: "sick", entryIds: "all" });
    expect(marks.get(b.id)).to.deep.include({ kind: "other", entryIds: [12] });
    expect((await leaveOn(ctx.db.ds, "2026-09-17")).has(b.id)).to.equal(false);
    expect((await leaveOn(ctx.db.ds, "2026-09-16", [b.id])).has(a.id)).to.equal(false);
    expect((await leaveOn(ctx.db.ds, "2026-09-16", [])).size).to.equal(0);
  });

  it("When the family timetable asks for a week, then only the dates with leave are answered", async () => {
    const week = await leaveOfChildOn(ctx.db.ds, a.id, ["2026-09-18", "2026-09-19", "2026-09-13"]);
    expect([...week.keys()]).to.deep.equal(["2026-09-18"]);
  });

  it("When the day's list is asked for one class, then only that class's children come; for an admin every class", async () => {
    const own = await dayList(ctx.db.ds, "2026-09-16", [a.classId]);
    expect(own.map((r) => r.child.id)).to.deep.equal([a.id, a.id]);
    expect(own[0].child.className).to.equal(
      (await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ id: a.classId })).name,
    );
    const all = await dayList(ctx.db.ds, "2026-09-16", null);
    expect(all).to.have.length(3);
    expect(await dayList(ctx.db.ds, "2026-09-16", [])).to.deep.equal([]);
    const cls = await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ id: a.classId });
    expect((await classesOf(ctx.db.ds, cls.classTeacherId)).map((c) => c.id)).to.include(a.classId);
  });

  it("When the child's data is exported, then every request is listed oldest first", async () => {
    const rows = await leaveRequestsOfChild(ctx.db.ds, b.id);
    expect(rows.map((r) => [r.fromDate, r.status])).to.deep.equal([
      ["2026-09-16", "pending"],
      ["2026-09-17", "withdrawn"],
    ]);
    expect(await ctx.db.ds.getRepository(LeaveRequest).countBy({ studentId: b.id })).to.equal(2);
  });
});
