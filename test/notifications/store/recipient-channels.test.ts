// Issue 21, the people's side of recipientChannels: entitlement (a notice that
// names a child or an absence reaches only class teachers and admins) and a
// staff member's own e-mail choices, with the mandatory kind kept on every channel.
import { expect } from "chai";
import type { DataSource } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { Setting, Staff, inTransaction } from "../../../src/db";
import { Notification, NoticeOptOut, OutboxDelivery, notifyStaff, recipientChannels } from "../../../src/notifications";

const AT = "2026-12-01T09:00:00.000Z";

forEachDatabase("recipient channels: entitlement and staff choices", (ctx) => {
  let ds: DataSource;
  const staff: Record<string, Staff> = {};

  before(async () => {
    ds = ctx.db.ds;
    const roles: [string, Staff["role"], boolean][] = [
      ["teacher", "teacher", true],
      ["external", "external", true],
      ["class", "class_teacher", true],
      ["admin", "admin", true],
      ["gone", "class_teacher", false],
    ];
    for (const [n, role, active] of roles)
      staff[n] = await ds.getRepository(Staff).save({
        staffNumber: `R-${n}`,
        name: `Staff ${n}`,
        email: `${n}@school.example`,
        passwordHash: null,
        role,
        active,
        availableDays: [1, 2, 3, 4, 5],
        locale: null,
        createdAt: AT,
        updatedAt: AT,
      });
    await ds.getRepository(Setting).save([
      { key: "notify.smtp.host", value: "127.0.0.1" },
      { key: "notify.smtp.from", value: "kehou@school.example" },
    ]);
  });

  it("When an absence notice is written for each staff role, then only the class teacher and the admin get it (inbox and e-mail); a teacher, an external instructor and a deactivated account get nothing", async () => {
    await inTransaction(ds, async (em) => {
      for (const s of Object.values(staff))
        await notifyStaff(em, s.id, "attendance.absent", { child: "王小明", session: "合唱" }, AT);
    });
    const inbox = await ds.getRepository(Notification).findBy({ kind: "attendance.absent" });
    expect(inbox.map((n) => n.staffId).sort()).to.deep.equal([staff.class.id, staff.admin.id].sort());
    const mail = await ds.getRepository(OutboxDelivery).findBy({ kind: "attendance.absent" });
    expect(mail.map((d) => d.address).sort()).to.deep.equal(["admin@school.example", "class@school.example"]);
  });

  it("When a notice names no child, then any active staff member gets it", async () => {
    expect(await recipientChannels(ds, { kind: "staff", id: staff.teacher.id }, "notice.test")).to.deep.equal([
      { channel: "app", address: null },
      { channel: "email", address: "teacher@school.example" },
    ]);
  });

  it("When a class teacher opted out of e-mail for leave requests and absences, then leave requests stay in the app and absences still go by e-mail", async () => {
    await ds.getRepository(NoticeOptOut).insert(
      ["leave.requested", "attendance.absent"].map((kind) => ({
        familyId: null,
        staffId: staff.class.id,
        kind,
        channel: "email",
        createdAt: AT,
      })),
    );
    const who = { kind: "staff" as const, id: staff.class.id };
    expect((await recipientChannels(ds, who, "leave.requested")).map((c) => c.channel)).to.deep.equal(["app"]);
    expect((await recipientChannels(ds, who, "attendance.absent")).map((c) => c.channel)).to.deep.equal([
      "app",
      "email",
    ]);
  });
});
