// `kehou demo remove` on a database where a real school started beside the demo:
// only the demo's rows go (recognition rules in seeds/demo-remove.ts).
import { expect } from "chai";
import { forEachDatabase } from "../../support/databases";
import { seedDemo } from "../../../seeds/demo";
import { removeDemo } from "../../../seeds/demo-remove";
import { demoPresent } from "../../../src/setup";
import { createStaff } from "../../../src/school/staff-service";
import { SYSTEM } from "../../../src/audit";
import { Family, SchoolClass, Setting, Staff, Student, Term } from "../../../src/db/entities";

forEachDatabase("Removing the demo beside a real school", (ctx) => {
  it("When demo remove runs, then the real admin, class, family and child stay and no demo row is left", async function () {
    this.timeout(120_000);
    await seedDemo(ctx.db.ds);
    const ds = ctx.db.ds;
    const admin = await createStaff(
      ds,
      {
        staffNumber: "R001",
        name: "真管理员",
        email: "admin@real-school.cn",
        role: "admin",
        password: "a-long-real-password",
        vettedOn: null,
        availableDays: [],
      },
      SYSTEM,
    );
    // A real class that shares a demo class's name, with the demo's class teacher, and a real child in a demo-named class.
    const demoClass = await ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(1)班" });
    const real = await ds
      .getRepository(SchoolClass)
      .save({ grade: 3, name: "三年级(9)班", classTeacherId: demoClass.classTeacherId, archived: false });
    const family = await ds.getRepository(Family).save({
      familyKey: "REAL1",
      guardianName: "真家长",
      phone: "13800000000",
      accessCodeHash: null,
      codeIssuedAt: null,
      privacyAcceptedAt: null,
      privacyVersion: null,
      locale: null,
    });
    await ds
      .getRepository(Student)
      .insert({ studentNumber: "20249901", name: "真学生", classId: real.id, familyId: family.id, archived: false });
    await ds.getRepository(Student).insert({
      studentNumber: "20240199",
      name: "真学生二",
      classId: demoClass.id,
      familyId: family.id,
      archived: false,
    });
    expect(await demoPresent(ds)).to.equal(true);

    const removed = await removeDemo(ds);
    expect(removed.students).to.equal(952);
    expect(await demoPresent(ds)).to.equal(false);
    expect((await ds.getRepository(Staff).find()).map((s) => s.id)).to.deep.equal([admin.id]);
    expect((await ds.getRepository(Student).find({ order: { name: "ASC" } })).map((s) => s.name)).to.deep.equal([
      "真学生",
      "真学生二",
    ]);
    expect(await ds.getRepository(Family).count()).to.equal(1);
    // The demo class a real child sits in stays (without its demo teacher); the other 23 go.
    expect(
      (await ds.getRepository(SchoolClass).find({ order: { name: "ASC" } })).map((c) => [c.name, c.classTeacherId]),
    ).to.deep.equal([
      ["三年级(1)班", null],
      ["三年级(9)班", null],
    ]);
    expect(await ds.getRepository(Term).count()).to.equal(0);
    expect(await ds.getRepository(Setting).existsBy({ key: "school.setupAt" })).to.equal(false);
  });
});
