// The notices API (issue 21): every call writes its inbox rows and outbox
// deliveries inside the caller's transaction, on SQLite and PostgreSQL.
import { expect } from "chai";
import type { DataSource } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { Family, Setting, Staff, inTransaction } from "../../../src/db";
import {
  ChildNameInGroupNotice,
  Notification,
  OutboxDelivery,
  escalateAfterMinutes,
  noticeSetting,
  notify,
  notifyAdmins,
  notifyMany,
  notifyStaff,
  notifyStaffGroup,
  recipientChannels,
} from "../../../src/notifications";

const AT = "2026-12-01T09:00:00.000Z";

async function addStaff(ds: DataSource, n: string, role: Staff["role"], email: string | null, active = true) {
  return ds.getRepository(Staff).save({
    staffNumber: `T${n}`,
    name: `Teacher ${n}`,
    email,
    passwordHash: null,
    role,
    active,
    availableDays: [1, 2, 3, 4, 5],
    locale: n === "2" ? "en" : null,
    createdAt: AT,
    updatedAt: AT,
  });
}

async function configure(ds: DataSource, values: Record<string, string>) {
  await ds.getRepository(Setting).save(Object.entries(values).map(([key, value]) => ({ key, value })));
}

forEachDatabase("notices API: inbox rows and outbox deliveries", (ctx) => {
  let ds: DataSource;
  let family: Family;
  let teacher: Staff;
  let admin: Staff;
  let admin2: Staff;

  before(async () => {
    ds = ctx.db.ds;
    family = await ds.getRepository(Family).save({ familyKey: "F-1", guardianName: "王女士", locale: "en" });
    teacher = await addStaff(ds, "1", "class_teacher", "teacher1@school.example");
    admin = await addStaff(ds, "2", "admin", "admin@school.example");
    admin2 = await addStaff(ds, "3", "admin", null);
    await addStaff(ds, "4", "admin", "gone@school.example", false);
  });

  beforeEach(async () => {
    await ds.getRepository(OutboxDelivery).deleteAll();
    await ds.getRepository(Notification).deleteAll();
    await ds.getRepository(Setting).delete({ key: "notify.smtp.host" });
  });

  it("When nothing is configured, then a family and a staff member get inbox rows only and the groups get nothing", async () => {
    await inTransaction(ds, async (em) => {
      await notify(em, family.id, "attendance.absent", { child: "王小明", session: "合唱" }, AT);
      await notifyStaff(em, teacher.id, "leave.requested", { count: 1 }, AT);
      await notifyStaffGroup(em, "attendance.daySummary", { count: 2, className: "三年级2班" }, AT);
    });
    const inbox = await ds.getRepository(Notification).find({ order: { id: "ASC" } });
    expect(inbox.map((n) => [n.familyId, n.staffId, n.kind])).to.deep.equal([
      [family.id, null, "attendance.absent"],
      [null, teacher.id, "leave.requested"],
    ]);
    expect(await ds.getRepository(OutboxDelivery).count()).to.equal(0);
  });

  it("When SMTP and both robots are configured, then staff with an address get an e-mail delivery and the groups one per robot", async () => {
    await configure(ds, {
      "notify.smtp.host": "127.0.0.1",
      "notify.smtp.from": "kehou@school.example",
      "notify.wecom.webhook": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
      "notify.dingtalk.webhook": "https://oapi.dingtalk.com/robot/send?access_token=t",
    });
    await inTransaction(ds, async (em) => {
      await notifyStaff(em, teacher.id, "leave.requested", { count: 1, link: "/x" }, AT);
      await notifyAdmins(em, "attendance.absent.escalated", { count: 1 }, AT);
      await notifyStaffGroup(em, "attendance.daySummary", { count: 2, className: "三年级2班" }, AT);
    });
    const rows = await ds.getRepository(OutboxDelivery).find({ order: { id: "ASC" } });
    expect(rows.map((r) => [r.recipientKind, r.recipientId, r.channel, r.address, r.locale])).to.deep.equal([
      ["staff", teacher.id, "email", "teacher1@school.example", "zh-CN"],
      ["staff", admin.id, "email", "admin@school.example", "en"],
      ["group", null, "wecom", null, "zh-CN"],
      ["group", null, "dingtalk", null, "zh-CN"],
    ]);
    for (const r of rows) {
      expect(r).to.include({ status: "pending", attempts: 0, nextAttemptAt: AT, createdAt: AT, sentAt: null });
      expect(r.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
    }
    expect(new Set(rows.map((r) => r.idempotencyKey)).size).to.equal(rows.length);
    expect(rows[0].payload).to.deep.equal({ count: 1, link: "/x" });
    // Both active admins have the notice in their inbox, the one without e-mail too; the inactive admin none.
    const staffInbox = await ds.getRepository(Notification).find({ where: { kind: "attendance.absent.escalated" } });
    expect(staffInbox.map((n) => n.staffId).sort()).to.deep.equal([admin.id, admin2.id].sort());
  });

  it("When the transaction that wrote a notice rolls back, then neither its inbox row nor its deliveries exist", async () => {
    await configure(ds, { "notify.smtp.host": "127.0.0.1", "notify.smtp.from": "kehou@school.example" });
    const boom = new Error("the change failed");
    const attempt = inTransaction(ds, async (em) => {
      await notifyStaff(em, teacher.id, "leave.requested", { count: 1 }, AT);
      throw boom;
    });
    await attempt.then(
      () => expect.fail("the transaction should fail"),
      (e: unknown) => expect(e).to.equal(boom),
    );
    expect(await ds.getRepository(Notification).count()).to.equal(0);
    expect(await ds.getRepository(OutboxDelivery).count()).to.equal(0);
  });

  it("When a group notice names a child, then notifyStaffGroup throws and writes nothing", async () => {
    await configure(ds, { "notify.wecom.webhook": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k" });
    for (const key of ["studentName", "childName", "name"]) {
      const attempt = inTransaction(ds, (em) => notifyStaffGroup(em, "attendance.daySummary", { [key]: "王小明" }, AT));
      await attempt.then(
        () => expect.fail(`${key} should be refused`),
        (e: unknown) => expect(e).to.be.instanceOf(ChildNameInGroupNotice),
      );
    }
    expect(await ds.getRepository(OutboxDelivery).count()).to.equal(0);
  });

  it("When many families are told at once, then each has its inbox row, as before", async () => {
    const other = await ds.getRepository(Family).save({ familyKey: "F-2", guardianName: "李先生" });
    await inTransaction(ds, (em) =>
      notifyMany(
        em,
        [family.id, other.id].map((familyId) => ({ familyId, kind: "allocation.published", payload: { round: "R" } })),
        AT,
      ),
    );
    const rows = await ds.getRepository(Notification).find({ order: { familyId: "ASC" } });
    expect(rows.map((r) => r.familyId)).to.deep.equal([family.id, other.id]);
  });

  it("When recipientChannels is asked, then a family has the app, staff app + e-mail, the groups the robots", async () => {
    await configure(ds, {
      "notify.smtp.host": "127.0.0.1",
      "notify.smtp.from": "kehou@school.example",
      "notify.wecom.webhook": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
      "notify.dingtalk.webhook": "",
    });
    const em = ds.manager;
    expect(await recipientChannels(em, { kind: "family", id: family.id }, "attendance.absent")).to.deep.equal([
      { channel: "app", address: null },
    ]);
    expect(await recipientChannels(em, { kind: "staff", id: teacher.id }, "attendance.absent")).to.deep.equal([
      { channel: "app", address: null },
      { channel: "email", address: "teacher1@school.example" },
    ]);
    expect(await recipientChannels(em, { kind: "staff", id: admin2.id }, "x")).to.deep.equal([
      { channel: "app", address: null },
    ]);
    expect(await recipientChannels(em, { kind: "group" }, "x")).to.deep.equal([{ channel: "wecom", address: null }]);
  });

  it("When a notice setting is absent, then its default is read; a stored one wins", async () => {
    expect(await noticeSetting(ds.manager, "notify.smtp.port")).to.equal("587");
    expect(await escalateAfterMinutes(ds.manager)).to.equal(15);
    await configure(ds, { "notify.escalateAfterMinutes": "5" });
    expect(await escalateAfterMinutes(ds.manager)).to.equal(5);
  });
});
