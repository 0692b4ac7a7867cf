import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, Agent } from "../../support/http";
import { AuditEntry, Club } from "../../../src/db/entities";

// A Chinese admin creates a club by its name only: the code is made from the name
// (an ASCII slug, else club-<n>), shown on the form before saving, and still
// validated when typed.
forEachDatabase("clubs: codes made from names", (ctx) => {
  let app: Express;
  let admin: Agent;

  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
  });

  const clubs = () => ctx.db.ds.getRepository(Club);
  const post = async (path: string, body: Record<string, unknown>) =>
    admin
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(admin, "/admin/clubs/new") });
  const byName = (name: string) => ({
    code: "",
    name,
    category: "arts",
    grades: ["3", "4"],
    minSize: "0",
    maxSize: "20",
    staffId: "",
    venueId: "",
  });

  it("When the admin opens the new club form, then the code is optional and the form shows the code a blank one gets", async () => {
    const count = await clubs().count();
    const res = await admin.get("/admin/clubs/new");
    expect(res.status).to.equal(200);
    expect(res.text).to.match(/<input id="f-code" name="code" value=""/);
    expect(res.text).to.contain(`留空则自动生成：club-${count + 1}`);
  });

  it("When a club is created with a Chinese name and no code, then it gets club-<n>, lands on its card and the message names the code", async () => {
    const count = await clubs().count();
    const res = await post("/admin/clubs", byName("竹笛"));
    expect(res.status).to.equal(302);
    const club = await clubs().findOneByOrFail({ name: "竹笛" });
    expect(club.code).to.equal(`club-${count + 1}`);
    expect(res.headers.location).to.match(new RegExp(`^/admin/clubs(\\?page=\\d+)?#club-${club.id}$`));
    const list = await admin.get(res.headers.location.replace(/#.*/, ""));
    expect(list.text)
      .to.contain(`id="club-${club.id}"`)
      .and.to.contain(`（编号 club-${count + 1}）`);
    // Its card offers the way forward: place it in the timetable.
    expect(list.text).to.contain(`href="/admin/clubs/${club.id}/place"`);
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "club.create", entityId: String(club.id) });
    expect(audit.details).to.include({ code: club.code });
  });

  it("When the name has ASCII words, then the code is their slug, numbered when the slug is taken", async () => {
    expect((await post("/admin/clubs", byName("Lego 机器人"))).status).to.equal(302);
    expect((await post("/admin/clubs", byName("LEGO 搭建"))).status).to.equal(302);
    expect((await clubs().findOneByOrFail({ name: "Lego 机器人" })).code).to.equal("lego");
    expect((await clubs().findOneByOrFail({ name: "LEGO 搭建" })).code).to.equal("lego-2");
  });

  it("When a refused form is shown again, then the suggestion follows the name typed", async () => {
    const res = await post("/admin/clubs", { ...byName("Ukulele 尤克里里"), grades: [] });
    expect(res.status).to.equal(400);
    expect(res.text).to.contain('id="err-grades"').and.to.contain("留空则自动生成：ukulele");
  });

  it("When the admin types a code, then it is kept, and a bad or taken one is still refused naming the field", async () => {
    expect((await post("/admin/clubs", { ...byName("口琴"), code: "harmonica" })).status).to.equal(302);
    expect((await clubs().findOneByOrFail({ name: "口琴" })).code).to.equal("harmonica");
    const before = await clubs().count();
    for (const code of ["bad code!", "harmonica", "x".repeat(41)]) {
      const res = await post("/admin/clubs", { ...byName("另一个"), code });
      expect(res.status, code).to.equal(400);
      expect(res.text, code).to.contain('id="err-code"');
    }
    expect(await clubs().count()).to.equal(before);
  });

  it("When an edit clears the code, then a new one is made from the name, not clashing with the others", async () => {
    const club = await clubs().findOneByOrFail({ name: "口琴" });
    const res = await post(`/admin/clubs/${club.id}`, { ...byName("Lego 口琴"), code: "" });
    expect(res.status).to.equal(302);
    expect((await clubs().findOneByOrFail({ id: club.id })).code).to.equal("lego-3");
  });
});
