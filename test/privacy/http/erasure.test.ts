// Issue 15, "Deleting a child deletes it": after an admin deletes a child, the
// guardian's name is gone from audit labels and sessions, stored allocation runs
// carry a pseudonym instead of the student number (and still verify), the family's
// session is over, and the export before it held everything about the child.
import { createHash } from "node:crypto";
import { expect } from "chai";
import request from "supertest";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { csrfFrom, formToken, loginAs, Agent } from "../../support/http";
import { seedDemoEnrollments } from "../../../seeds/demo-enrollments";
import { seedDemoAllocation } from "../../../seeds/demo-allocation";
import { hashSecret } from "../../../src/http/auth/passwords";
import { In } from "typeorm";
import { Family, Student } from "../../../src/db/entities";
import { AllocationPin, AllocationRun, WaitlistEntry, WaitlistOffer } from "../../../src/allocation/entities";
import { Notification } from "../../../src/notifications/entities";
import { createRun } from "../../../src/allocation/run-service";
import { recordAudit, SYSTEM } from "../../../src/audit";
import { inTransaction } from "../../../src/db/transaction";

const CODE = "ERASE234";
const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

// Every table that points at a child or a family, and where the export shows its rows.
// A new table with a studentId or familyId makes the enumeration test fail until it is listed here (and exported).
const EXPORT_KEY: Record<string, string> = {
  service_enrollment: "serviceEnrollments",
  preference: "preferences",
  allocation_pin: "pins",
  club_placement: "placements",
  membership: "memberships",
  waitlist_entry: "waitlistEntries",
  waitlist_offer: "waitlistOffers",
  attendance: "attendance",
  attendance_alert: "absenceAlerts",
  notification: "notifications",
  survey_receipt: "surveyReceipts",
  leave_request: "leaveRequests",
  pickup_person: "pickupPeople",
  early_pickup: "earlyPickups",
  family_email: "familyEmail",
  notice_opt_out: "noticeOptOuts",
  interest_answer: "interestAnswers",
};

forEachDatabase("deleting a child", (ctx) => {
  let app: Express;
  let admin: Agent;
  before(async function () {
    this.timeout(180_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    await seedDemoEnrollments(ctx.db.ds);
    await seedDemoAllocation(ctx.db.ds);
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
  });

  // The n-th only child who has a seat and waits for a club they ranked higher, ready to log in.
  const onlyChild = async (
    n: number,
  ): Promise<{ id: number; studentNumber: string; familyId: number; guardianName: string }> => {
    const [row] = await ctx.db.ds.query<
      { id: number | string; studentNumber: string; familyId: number | string }[]
    >(`SELECT s.id, s."studentNumber", s."familyId" FROM student s
      WHERE EXISTS (SELECT 1 FROM club_placement p WHERE p."studentId" = s.id)
        AND EXISTS (SELECT 1 FROM waitlist_entry w WHERE w."studentId" = s.id)
        AND (SELECT COUNT(*) FROM student x WHERE x."familyId" = s."familyId") = 1
      ORDER BY s.id LIMIT 1 OFFSET ${n}`);
    const family = await ctx.db.ds.getRepository(Family).findOneByOrFail({ id: Number(row.familyId) });
    await ctx.db.ds.getRepository(Family).update({ id: family.id }, { accessCodeHash: await hashSecret(CODE) });
    return {
      id: Number(row.id),
      studentNumber: row.studentNumber,
      familyId: Number(row.familyId),
      guardianName: family.guardianName,
    };
  };

  const familyAgent = async (studentNumber: string): Promise<Agent> => {
    const agent = await loginAs(app, { studentNumber, code: CODE });
    const token = await formToken(agent, "/privacy");
    const accepted = await agent.post("/privacy/accept").type("form").send({ _csrf: token, accept: "1" });
    expect(accepted.status).to.equal(302);
    return agent;
  };

  const deleteChild = async (child: { id: number; studentNumber: string }): Promise<void> => {
    const token = csrfFrom((await admin.get(`/admin/students/${child.id}/delete`)).text);
    const res = await admin
      .post(`/admin/students/${child.id}/delete`)
      .type("form")
      .send({ _csrf: token, confirmNumber: child.studentNumber, reason: "家长书面申请删除" });
    expect(res.status).to.equal(302);
  };

  const count = async (sql: string, params: unknown[]): Promise<number> =>
    Number((await ctx.db.ds.query<{ n: number | string }[]>(sql, params))[0].n);
  const p = (i: number) => (ctx.db.kind === "postgres" ? `$${i}` : "?");

  it("When an only child is deleted, then the guardian's name is in no audit label and no session, and the family's session is over", async function () {
    this.timeout(60_000);
    const child = await onlyChild(0);
    const family = await familyAgent(child.studentNumber);
    // A mistyped code leaves a throttle row keyed by the student number.
    const stranger = request.agent(app);
    const loginToken = await formToken(stranger, "/login");
    const typo = await stranger
      .post("/login")
      .type("form")
      .send({ _csrf: loginToken, mode: "family", studentNumber: child.studentNumber, code: "WXYZ2345" });
    expect(typo.status).to.equal(401);
    expect(
      await count(`SELECT COUNT(*) AS n FROM login_throttle WHERE "key" LIKE ${p(1)}`, [`%${child.studentNumber}%`]),
    ).to.equal(1);
    // As the admin's edit of a child or family writes it: the before and after values.
    await inTransaction(ctx.db.ds, (em) =>
      recordAudit(em, SYSTEM, {
        action: "student.update",
        entity: "student",
        entityId: child.id,
        details: { before: { studentNumber: child.studentNumber, guardianName: child.guardianName } },
      }),
    );
    // The family's own actions carried the guardian's name before the deletion.
    expect(
      await count(`SELECT COUNT(*) AS n FROM audit_log WHERE "actorLabel" = ${p(1)}`, [child.guardianName]),
    ).to.be.greaterThan(0);
    expect(
      await count(`SELECT COUNT(*) AS n FROM http_session WHERE "data" LIKE ${p(1)}`, [`%${child.guardianName}%`]),
    ).to.be.greaterThan(0);

    await deleteChild(child);

    expect(
      await count(`SELECT COUNT(*) AS n FROM audit_log WHERE "actorLabel" LIKE ${p(1)}`, [`%${child.guardianName}%`]),
    ).to.equal(0);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM audit_log WHERE "actorKind" = 'family' AND "actorId" = ${child.familyId}`,
        [],
      ),
    ).to.be.greaterThan(0);
    expect(
      await count(`SELECT COUNT(*) AS n FROM audit_log WHERE "details" LIKE ${p(1)} OR "details" LIKE ${p(2)}`, [
        `%${child.guardianName}%`,
        `%${child.studentNumber}%`,
      ]),
    ).to.equal(0);
    expect(
      await count(`SELECT COUNT(*) AS n FROM http_session WHERE "data" LIKE ${p(1)}`, [`%${child.guardianName}%`]),
    ).to.equal(0);
    expect(
      await count(`SELECT COUNT(*) AS n FROM login_throttle WHERE "key" LIKE ${p(1)}`, [`%${child.studentNumber}%`]),
    ).to.equal(0);
    expect(
      await count(`SELECT COUNT(*) AS n FROM http_session WHERE "data" LIKE ${p(1)}`, [
        `%"kind":"family","id":${child.familyId},%`,
      ]),
    ).to.equal(0);
    const home = await family.get("/");
    expect(home.status).to.equal(302);
    expect(home.headers.location).to.match(/^\/login/);
  });

  it("When a family's session names a family that no longer exists, then / logs it out and sends it to the login page instead of failing", async function () {
    this.timeout(60_000);
    const child = await onlyChild(1);
    const family = await familyAgent(child.studentNumber);
    // As if the family had been removed while this session was open elsewhere.
    const rows: { sid: string; data: string }[] = await ctx.db.ds.query(
      `SELECT sid, "data" FROM http_session WHERE "data" LIKE ${p(1)}`,
      [`%"kind":"family","id":${child.familyId},%`],
    );
    expect(rows.length).to.equal(1);
    const data = JSON.parse(rows[0].data) as { user?: Record<string, unknown> };
    data.user = { ...data.user, id: 987654321, studentId: 987654321 };
    await ctx.db.ds.query(`UPDATE http_session SET "data" = ${p(1)} WHERE sid = ${p(2)}`, [
      JSON.stringify(data),
      rows[0].sid,
    ]);

    const home = await family.get("/");
    expect(home.status).to.equal(302);
    expect(home.headers.location).to.match(/^\/login/);
    expect(await count(`SELECT COUNT(*) AS n FROM http_session WHERE "data" LIKE ${p(1)}`, ["%987654321%"])).to.equal(
      0,
    );
    const again = await family.get("/");
    expect(again.status).to.equal(302);
    expect(again.headers.location).to.match(/^\/login/);
  });

  it("When a run is made, then its input and output hashes are stored with it, and a run without a deleted child still verifies byte for byte", async function () {
    this.timeout(60_000);
    // A fresh run: children deleted by earlier tests are no longer in the round.
    const [round] = await ctx.db.ds.query<{ roundId: number | string }[]>(
      `SELECT "roundId" FROM allocation_run ORDER BY id LIMIT 1`,
    );
    const made = await createRun(
      ctx.db.ds,
      Number(round.roundId),
      { mechanism: "lottery", seed: 11, note: "hashes" },
      SYSTEM,
    );
    const [run] = await ctx.db.ds.query<
      { id: number; instance: string; result: string; instanceHash: string; resultHash: string }[]
    >(`SELECT * FROM allocation_run WHERE id = ${made.id}`);
    expect(run.instanceHash).to.equal(sha256(run.instance));
    expect(run.resultHash).to.equal(sha256(run.result));
    const page = await admin.get(`/admin/runs/${run.id}/verify`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain("flash-ok verification");
    expect(page.text).to.contain("复核通过：重新运行得到逐字节相同的结果");
  });

  it("When a child in stored runs is deleted, then every run carries one stable pseudonym instead of the student number, and verify re-checks feasibility and the objective", async function () {
    this.timeout(120_000);
    const child = await onlyChild(2);
    const [first] = await ctx.db.ds.getRepository(AllocationRun).find({ order: { id: "ASC" }, take: 1 });
    const second = await createRun(ctx.db.ds, first.roundId, { mechanism: "lottery", seed: 7, note: "second" }, SYSTEM);
    const quoted = `"${child.studentNumber}"`;
    for (const run of [first, second]) expect(run.instance + run.result).to.contain(quoted);
    // Children deleted by earlier tests are already pseudonyms in the first run.
    const ids = (text: string): string[] => text.match(/"deleted-[0-9a-f]+"/g) ?? [];
    const earlier = new Set(ids(first.instance));

    await deleteChild(child);

    const runs = await ctx.db.ds.getRepository(AllocationRun).find({ order: { id: "ASC" } });
    const pseudonyms = new Set<string>();
    for (const run of runs) {
      expect(run.instance).to.not.contain(quoted);
      expect(run.result).to.not.contain(quoted);
      const inInstance = ids(run.instance).filter((id) => !earlier.has(id));
      const inResult = ids(run.result).filter((id) => !earlier.has(id));
      expect(inInstance.length).to.equal(1);
      expect(inResult.length).to.be.greaterThan(0);
      for (const id of [...inInstance, ...inResult]) pseudonyms.add(id);
      // The stored metrics still describe the stored result.
      expect((JSON.parse(run.result) as { metrics: { students: number } }).metrics.students).to.equal(
        (JSON.parse(run.instance) as { students: unknown[] }).students.length,
      );
    }
    expect(pseudonyms.size).to.equal(1);

    for (const run of runs) {
      const page = await admin.get(`/admin/runs/${run.id}/verify`);
      expect(page.status).to.equal(200);
      expect(page.text).to.contain("flash-ok verification");
      expect(page.text).to.contain("复核通过：本次分配中已删除学生的学号已化名");
    }

    // Verify can fail: a pseudonymised run whose stored result was changed afterwards is caught.
    const tampered = JSON.parse(runs[0].result) as { metrics: { sumOfRanks: number } };
    tampered.metrics.sumOfRanks += 1;
    await ctx.db.ds
      .getRepository(AllocationRun)
      .update({ id: runs[0].id }, { result: JSON.stringify(tampered) + "\n" });
    const bad = await admin.get(`/admin/runs/${runs[0].id}/verify`);
    expect(bad.status).to.equal(200);
    expect(bad.text).to.contain("flash-error verification");
  });

  it("When one of two children is deleted, then the family stays under its name, and only the session looking at the deleted child ends", async function () {
    this.timeout(60_000);
    const ds = ctx.db.ds;
    const [younger, elder] = await ds
      .getRepository(Student)
      .find({ where: { studentNumber: In(["20250201", "20220201"]) }, order: { studentNumber: "DESC" } });
    expect(younger.familyId).to.equal(elder.familyId);
    const family = await ds.getRepository(Family).findOneByOrFail({ id: elder.familyId });
    const onElder = await loginAs(app, { studentNumber: elder.studentNumber, code: "KH26SIBS" });
    const accepted = await onElder
      .post("/privacy/accept")
      .type("form")
      .send({ _csrf: await formToken(onElder, "/privacy"), accept: "1" });
    expect(accepted.status).to.equal(302);
    const onYounger = await loginAs(app, { studentNumber: elder.studentNumber, code: "KH26SIBS" });
    const switched = await onYounger
      .post("/family/child")
      .type("form")
      .send({ _csrf: await formToken(onYounger, "/privacy"), studentId: String(younger.id) });
    expect(switched.status).to.equal(302);
    expect(switched.headers.location).to.equal("/");

    await deleteChild(younger);

    expect(await ds.getRepository(Family).existsBy({ id: family.id })).to.equal(true);
    // Ended by the deletion itself, before either session makes another request.
    // The session's JSON may hold more after studentId (version, lifetime): read it, don't pattern-match it.
    const sessionsOn = async (studentId: number) =>
      (await ds.query<{ data: string }[]>(`SELECT "data" FROM http_session`)).filter(
        (row) => (JSON.parse(row.data) as { user?: { studentId?: number } }).user?.studentId === studentId,
      ).length;
    expect(await sessionsOn(younger.id)).to.equal(0);
    expect(await sessionsOn(elder.id)).to.be.greaterThan(0);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM audit_log WHERE "actorKind" = 'family' AND "actorId" = ${family.id} AND "actorLabel" = ${p(1)}`,
        [family.guardianName],
      ),
    ).to.be.greaterThan(0);
    const ended = await onYounger.get("/");
    expect(ended.status).to.equal(302);
    expect(ended.headers.location).to.match(/^\/login/);
    const kept = await onElder.get("/");
    expect(kept.status).to.equal(200);
  });

  it("When a child's data is exported, then every table that refers to the child or the family is in it, row for row", async function () {
    this.timeout(60_000);
    const ds = ctx.db.ds;
    const child = await onlyChild(3);
    const student = await ds.getRepository(Student).findOneByOrFail({ id: child.id });
    const [entry] = await ds.getRepository(WaitlistEntry).find({ where: { studentId: child.id }, take: 1 });
    const now = new Date().toISOString();
    // Rows the demo does not make for this child: a pin, an offer and a notification.
    await ds.getRepository(AllocationPin).insert({
      roundId: entry.roundId,
      studentId: child.id,
      clubId: entry.clubId,
      reason: "测试指定",
      createdById: null,
      createdAt: now,
    });
    await ds.getRepository(WaitlistOffer).insert({
      roundId: entry.roundId,
      clubId: entry.clubId,
      studentId: child.id,
      entryId: entry.id,
      status: "open",
      createdAt: now,
      expiresAt: now,
      respondedAt: null,
    });
    await ds
      .getRepository(Notification)
      .insert({ familyId: student.familyId, kind: "offer", payload: { club: "测试" }, createdAt: now, readAt: null });
    await familyAgent(child.studentNumber); // a survey receipt may exist already; acceptance adds an audit line

    const res = await admin.get(`/admin/students/${child.id}/export.json`);
    expect(res.status).to.equal(200);
    const data = res.body as Record<string, unknown>;

    const referring = ds.entityMetadatas.filter(
      (m) =>
        m.tableName !== "student" &&
        m.columns.some((c) => c.propertyName === "studentId" || c.propertyName === "familyId"),
    );
    expect(referring.length).to.be.greaterThan(5);
    // A foreign key to a child or family under another column name must be listed (and exported) too.
    for (const meta of ds.entityMetadatas) {
      for (const relation of meta.relations) {
        if (
          !relation.isOwning ||
          meta.tableName === "student" ||
          !["student", "family"].includes(relation.inverseEntityMetadata.tableName)
        )
          continue;
        expect(
          EXPORT_KEY[meta.tableName],
          `table ${meta.tableName} points at ${relation.inverseEntityMetadata.tableName}`,
        ).to.be.a("string");
        expect(
          relation.joinColumns.map((c) => c.propertyName),
          `${meta.tableName}.${relation.propertyName}`,
        ).to.satisfy((cols: string[]) => cols.every((c) => c === "studentId" || c === "familyId"));
      }
    }
    for (const meta of referring) {
      const key = EXPORT_KEY[meta.tableName];
      expect(key, `table ${meta.tableName} refers to a child or family but is not in the export list`).to.be.a(
        "string",
      );
      const byStudent = meta.columns.some((c) => c.propertyName === "studentId");
      const held = await count(
        `SELECT COUNT(*) AS n FROM "${meta.tableName}" WHERE "${byStudent ? "studentId" : "familyId"}" = ${p(1)}`,
        [byStudent ? child.id : child.familyId],
      );
      expect(data[key], `export section ${key}`).to.be.an("array");
      expect((data[key] as unknown[]).length, `rows of ${meta.tableName}`).to.equal(held);
    }
    for (const key of [
      "preferences",
      "placements",
      "waitlistEntries",
      "waitlistOffers",
      "pins",
      "notifications",
      "serviceEnrollments",
    ]) {
      expect((data[key] as unknown[]).length, key).to.be.greaterThan(0);
    }
    const receipts = await count(`SELECT COUNT(*) AS n FROM survey_receipt WHERE "familyId" = ${p(1)}`, [
      child.familyId,
    ]);
    expect((data.surveyReceipts as unknown[]).length).to.equal(receipts);
    // The family's own actions are part of what the school holds about it.
    expect(JSON.stringify(data.auditTrail)).to.contain("privacy.accept");
  });
});
