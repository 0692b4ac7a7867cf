// Issue 21: a round's notices. Opening reaches every family with a child in
// the round's grades, once; 48 hours before the deadline the families who have
// not answered hear again, once; the sweep may run on every instance at once.
import { expect } from "chai";
import { type DataSource, In } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { demoApp } from "../../support/demo-app";
import { SchoolClass, Student, Term } from "../../../src/db/entities";
import { ChoiceRound, Preference } from "../../../src/choices/entities";
import { createRound, sweepRoundNotices } from "../../../src/choices";
import { SYSTEM } from "../../../src/audit";
import { FamilyEmail, Notification, OutboxDelivery } from "../../../src/notifications";
import { Setting } from "../../../src/db/entities";

forEachDatabase("round notices: opening and the deadline reminder", (ctx) => {
  let ds: DataSource;
  let termId: number;

  before(async function () {
    this.timeout(180_000);
    await demoApp(ctx.db);
    ds = ctx.db.ds;
    termId = (await ds.getRepository(Term).findOneByOrFail({ current: true })).id;
    // The school has e-mail, and every family of grade 3 a verified address: each notice is also a delivery.
    await ds.getRepository(Setting).save([
      { key: "notify.smtp.host", value: "127.0.0.1" },
      { key: "notify.smtp.from", value: "kehou@school.example" },
    ]);
    const now = new Date().toISOString();
    const families = [...new Set((await familiesOfGrades([3])).map((c) => c.familyId))];
    await ds.getRepository(FamilyEmail).insert(
      families.map((familyId) => ({
        familyId,
        address: `family${familyId}@example.cn`,
        verifiedAt: now,
        consentAt: now,
        consentVersion: "2026-09",
        withdrawnAt: null,
        tokenHash: null,
        tokenExpiresAt: null,
        updatedAt: now,
      })),
    );
  });

  /** The e-mail deliveries of a kind for a round, by family. */
  const deliveries = async (kind: string, roundName: string) =>
    (await ds.getRepository(OutboxDelivery).find({ where: { kind, channel: "email" } }))
      .filter((d) => d.payload.round === roundName)
      .map((d) => d.recipientId)
      .sort((a, b) => a! - b!);

  // Rounds far in the future, so the demo's own rounds are not open at these instants.
  async function round(name: string, opensAt: string, closesAt: string, grades: number[]): Promise<ChoiceRound> {
    const repo = ds.getRepository(ChoiceRound);
    return repo.save(
      repo.create({
        termId,
        name,
        opensAt,
        closesAt,
        grades,
        minChoices: 1,
        maxChoices: 3,
        maxClubsPerChild: 1,
        mechanism: "optimal",
        showFirstChoiceCounts: false,
        clubIds: null,
        effectiveDate: null,
        createdAt: opensAt,
        updatedAt: opensAt,
      }),
    );
  }

  async function familiesOfGrades(grades: number[]): Promise<Student[]> {
    const classes = await ds.getRepository(SchoolClass).findBy({ grade: In(grades), archived: false });
    return ds.getRepository(Student).findBy({ classId: In(classes.map((c) => c.id)), archived: false });
  }

  const noticesOf = (kind: string) =>
    ds.getRepository(Notification).find({ where: { kind }, order: { familyId: "ASC" } });

  it("When the sweep runs before, at and after a round opens, then every family with a child in its grades hears once, with the deadline and the form's link", async function () {
    this.timeout(60_000);
    const r = await round("2030 春季选课", "2030-03-01T00:00:00.000Z", "2030-03-10T10:00:00.000Z", [3]);
    expect(await sweepRoundNotices(ds, new Date("2030-02-28T23:00:00.000Z"))).to.deep.equal({ opened: 0, reminded: 0 });
    const children = await familiesOfGrades([3]);
    const families = [...new Set(children.map((c) => c.familyId))].sort((a, b) => a - b);
    expect(families.length).to.be.greaterThan(1);

    const first = await sweepRoundNotices(ds, new Date("2030-03-01T01:00:00.000Z"));
    expect(first.opened).to.equal(families.length);
    const rows = (await noticesOf("round.opened")).filter((n) => n.payload.round === r.name);
    expect(rows.map((n) => n.familyId)).to.deep.equal(families);
    expect(rows[0].payload.link).to.equal("/choices");
    expect(String(rows[0].payload.deadline)).to.match(/^2030-03-10 \d\d:00$/);
    expect(await deliveries("round.opened", r.name)).to.deep.equal(families);

    expect(await sweepRoundNotices(ds, new Date("2030-03-01T01:01:00.000Z"))).to.deep.equal({ opened: 0, reminded: 0 });
    expect((await noticesOf("round.opened")).filter((n) => n.payload.round === r.name).length).to.equal(
      families.length,
    );
  });

  it("When the deadline is 48 hours away, then only the families with a child who has not answered are reminded, once", async function () {
    this.timeout(60_000);
    const r = await ds.getRepository(ChoiceRound).findOneByOrFail({ name: "2030 春季选课" });
    const children = await familiesOfGrades([3]);
    // One family answers for all its children in the grade; another answers for none.
    const answering = children[0].familyId;
    const now = new Date().toISOString();
    for (const child of children.filter((c) => c.familyId === answering))
      await ds.getRepository(Preference).insert({
        roundId: r.id,
        studentId: child.id,
        clubIds: [1],
        maxClubs: 1,
        placeWithSiblings: false,
        swapClubIds: null,
        source: "family",
        enteredByStaffId: null,
        submittedAt: now,
        updatedAt: now,
        version: 1,
      });
    expect((await sweepRoundNotices(ds, new Date("2030-03-08T09:59:00.000Z"))).reminded).to.equal(0);
    const result = await sweepRoundNotices(ds, new Date("2030-03-08T10:00:00.000Z"));
    const expected = [...new Set(children.filter((c) => c.familyId !== answering).map((c) => c.familyId))];
    expect(result.reminded).to.equal(expected.length);
    const rows = (await noticesOf("round.deadline")).filter((n) => n.payload.round === r.name);
    expect(rows.map((n) => n.familyId)).to.not.include(answering);
    expect(rows.length).to.equal(expected.length);
    expect(await deliveries("round.deadline", r.name)).to.deep.equal(
      rows.map((n) => n.familyId).sort((a, b) => a! - b!),
    );
    expect((await sweepRoundNotices(ds, new Date("2030-03-09T10:00:00.000Z"))).reminded).to.equal(0);
  });

  it("When two instances sweep at the same moment, then each family hears once", async function () {
    this.timeout(60_000);
    const r = await round("2031 秋季补选", "2031-09-01T00:00:00.000Z", "2031-09-10T10:00:00.000Z", [4]);
    const at = new Date("2031-09-01T08:00:00.000Z");
    const [a, b] = await Promise.all([sweepRoundNotices(ds, at), sweepRoundNotices(ds, at)]);
    const families = new Set((await familiesOfGrades([4])).map((c) => c.familyId));
    expect(a.opened + b.opened).to.equal(families.size);
    const rows = (await noticesOf("round.opened")).filter((n) => n.payload.round === r.name);
    expect(rows.length).to.equal(families.size);
  });

  it("When the admin creates a round that is already open, then its families hear in the same transaction, and the sweep adds nothing", async function () {
    this.timeout(60_000);
    const hour = 3_600_000;
    const r = await createRound(
      ds,
      {
        name: "现在开放的补选",
        opensAt: new Date(Date.now() - hour).toISOString(),
        closesAt: new Date(Date.now() + 96 * hour).toISOString(),
        grades: [6],
        minChoices: 1,
        maxChoices: 3,
        maxClubsPerChild: 1,
        mechanism: "optimal",
        showFirstChoiceCounts: false,
        clubIds: null,
      },
      SYSTEM,
    );
    const families = new Set((await familiesOfGrades([6])).map((c) => c.familyId));
    const rows = (await noticesOf("round.opened")).filter((n) => n.payload.round === r.name);
    expect(rows.length).to.equal(families.size);
    await sweepRoundNotices(ds);
    expect((await noticesOf("round.opened")).filter((n) => n.payload.round === r.name).length).to.equal(families.size);
  });
});
