// The interest survey's store on both databases: one answer per child and
// survey (a save replaces it), a survey's answers with each child's current
// grade (archived children left out), the proposer's demand from the latest
// opened survey with answers, and a child's answers in the export and gone with the child.
import { expect } from "chai";
import type { DataSource } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { demoApp } from "../../support/demo-app";
import { Club, SchoolClass, ServiceEnrollment, Student, Term } from "../../../src/db/entities";
import { lastRoundChoices } from "../../../src/choices";
import { chooseDemand } from "../../../src/proposer/instance-store";
import { inTransaction } from "../../../src/db/transaction";
import { SYSTEM } from "../../../src/audit";
import { InterestAnswer, InterestSurvey, interestDemand, interestOfChild } from "../../../src/interest";
import { answersOfSurvey, putAnswer } from "../../../src/interest/store/answers";
import { deleteChild } from "../../../src/privacy";

forEachDatabase("interest survey store", (ctx) => {
  let ds: DataSource;
  let termId: number;
  let clubs: Club[];
  let kids: (Student & { grade: number })[];

  before(async function () {
    this.timeout(180_000);
    await demoApp(ctx.db);
    ds = ctx.db.ds;
    termId = (await ds.getRepository(Term).findOneByOrFail({ current: true })).id;
    clubs = await ds.getRepository(Club).find({ where: { termId, cancelled: false }, order: { code: "ASC" } });
    const classes = new Map((await ds.getRepository(SchoolClass).find()).map((c) => [c.id, c.grade]));
    kids = (await ds.getRepository(Student).find({ where: { archived: false }, order: { id: "ASC" }, take: 4 })).map(
      (s) => Object.assign(s, { grade: classes.get(s.classId)! }),
    );
  });

  const survey = (values: Partial<InterestSurvey>) =>
    inTransaction(ds, (em) => {
      const repo = em.getRepository(InterestSurvey);
      return repo.save(
        repo.create({
          termId,
          name: "意向调查",
          grades: [1, 2, 3, 4, 5, 6],
          clubIds: clubs.map((c) => c.id),
          maxTicks: 5,
          opensAt: "2026-08-20T00:00:00.000Z",
          closesAt: "2026-08-30T00:00:00.000Z",
          createdAt: "2026-08-19T00:00:00.000Z",
          updatedAt: "2026-08-19T00:00:00.000Z",
          ...values,
        }),
      );
    });
  const answer = (surveyId: number, studentId: number, clubIds: number[], most: number | null, at: string) =>
    inTransaction(ds, (em) =>
      putAnswer(
        em,
        surveyId,
        studentId,
        { clubIds, mostWantedClubId: most, source: "family", enteredByStaffId: null },
        at,
      ),
    );

  it("When the term has no opened survey with answers, then there is no demand", async () => {
    const draft = await survey({ name: "草稿", opensAt: null });
    await answer(draft.id, kids[0].id, [clubs[0].id], null, "2026-08-21T00:00:00.000Z");
    await survey({ name: "无人填写", opensAt: "2026-08-25T00:00:00.000Z" });
    expect(await interestDemand(ds.manager, termId)).to.equal(null);
  });

  it("When a child's answer is saved twice, then one row holds the second, with the first submission time kept", async () => {
    const s = await survey({ name: "秋季意向" });
    await answer(s.id, kids[1].id, [clubs[0].id, clubs[1].id], null, "2026-08-21T00:00:00.000Z");
    await answer(s.id, kids[1].id, [clubs[2].id], clubs[2].id, "2026-08-22T00:00:00.000Z");
    const rows = await ds.getRepository(InterestAnswer).findBy({ surveyId: s.id, studentId: kids[1].id });
    expect(rows.map((r) => [r.clubIds, r.mostWantedClubId, r.submittedAt, r.updatedAt])).to.deep.equal([
      [[clubs[2].id], clubs[2].id, "2026-08-21T00:00:00.000Z", "2026-08-22T00:00:00.000Z"],
    ]);
  });

  it("When two parents save the same child's first answer at once, then both saves succeed and one row remains", async () => {
    const s = await survey({ name: "同时保存" });
    await Promise.all([
      answer(s.id, kids[0].id, [clubs[0].id], null, "2026-08-21T00:00:00.000Z"),
      answer(s.id, kids[0].id, [clubs[1].id], null, "2026-08-21T00:00:01.000Z"),
    ]);
    expect(await ds.getRepository(InterestAnswer).countBy({ surveyId: s.id, studentId: kids[0].id })).to.equal(1);
  });

  it("When the demand is read, then it comes from the latest opened survey with answers, most wanted first, archived children left out", async () => {
    const older = await survey({ name: "旧调查", opensAt: "2026-08-01T00:00:00.000Z" });
    await answer(older.id, kids[0].id, [clubs[0].id], null, "2026-08-02T00:00:00.000Z");
    const latest = await survey({
      name: "新调查",
      opensAt: "2026-08-26T00:00:00.000Z",
      closesAt: "2099-01-01T00:00:00.000Z",
    });
    await answer(
      latest.id,
      kids[2].id,
      [clubs[0].id, clubs[3].id, clubs[5].id],
      clubs[3].id,
      "2026-08-27T00:00:00.000Z",
    );
    await answer(latest.id, kids[3].id, [clubs[1].id], null, "2026-08-27T00:00:00.000Z");
    await inTransaction(ds, (em) => em.getRepository(Student).update({ id: kids[3].id }, { archived: true }));
    const demand = await interestDemand(ds.manager, termId);
    const enrolment = await ds.getRepository(ServiceEnrollment).findOneBy({ termId, studentId: kids[2].id });
    const weekdays = enrolment?.weekdays ?? [];
    expect(demand).to.deep.equal({
      surveyId: latest.id,
      students: [
        {
          studentId: kids[2].id,
          studentNumber: kids[2].studentNumber,
          familyId: kids[2].familyId,
          grade: kids[2].grade,
          weekdays,
          clubIds: [clubs[3].id, clubs[0].id, clubs[5].id],
        },
      ],
    });
    // The proposer asks for demand in one place: with no round in the term, the survey answers.
    expect(await lastRoundChoices(ds.manager, termId)).to.equal(null);
    expect(await chooseDemand(ds, termId)).to.deep.equal({
      source: "interest",
      roundId: null,
      roundName: null,
      wishes: [
        {
          studentNumber: kids[2].studentNumber,
          grade: kids[2].grade,
          familyId: kids[2].familyId,
          weekdays,
          clubIds: [clubs[3].id, clubs[0].id, clubs[5].id],
          maxClubs: 1,
        },
      ],
    });
    expect((await answersOfSurvey(ds.manager, latest.id)).map((a) => a.studentId)).to.deep.equal([kids[2].id]);
    await inTransaction(ds, (em) => em.getRepository(Student).update({ id: kids[3].id }, { archived: false }));
  });

  it("When a child's data is exported and the child deleted, then the answers are in the export and then gone", async () => {
    const child = kids[2];
    const exported = await interestOfChild(ds, child.id);
    expect(exported).to.have.length(1);
    expect(exported[0]).to.deep.include({ survey: "新调查", mostWanted: clubs[3].name, source: "family" });
    expect(exported[0].clubs).to.deep.equal([clubs[0].name, clubs[3].name, clubs[5].name]);
    expect(await deleteChild(ds, child.id, "测试删除", SYSTEM)).to.equal(true);
    expect(await ds.getRepository(InterestAnswer).countBy({ studentId: child.id })).to.equal(0);
  });
});
