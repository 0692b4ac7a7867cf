// Importing what the timetable proposer needs (issue 23), from real CSV and XLSX
// files: a club's eligible staff, sessions a week and venue kind; staff hours.
import { expect } from "chai";
import ExcelJS from "exceljs";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { csrfFrom, loginAs, Agent } from "../../support/http";
import { uploadImportFile } from "../../support/import-upload";
import { csvText } from "../../fixtures/import/builders";
import { Club, Staff } from "../../../src/db/entities";
import { ImportBatch } from "../../../src/school/entities";

const clubHeader = ["名称", "类别", "年级", "最多人数", "教师工号", "场地", "可带教工号", "每周次数", "场地类型"];

async function staffXlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("教职工");
  sheet.addRow(["工号", "姓名", "类型", "审查日期", "可用日", "可用时间"]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

forEachDatabase("imports: the proposer's columns", (ctx) => {
  let admin: Agent;
  let token: string;
  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    admin = await loginAs(demo.app, staffLogin(demo.logins, "admin"));
    token = csrfFrom((await admin.get("/admin/import")).text);
  });
  const upload = (kind: string, name: string, data: Buffer) => uploadImportFile(admin, token, kind, name, data);
  const commit = async (location: string) => {
    const id = Number(/\/admin\/import\/batch\/(\d+)$/.exec(location)![1]);
    const batch = await ctx.db.ds.getRepository(ImportBatch).findOneByOrFail({ id });
    return admin.post(`/admin/import/batch/${id}/commit`).type("form").send({ hash: batch.fileHash, _csrf: token });
  };
  const staffId = async (staffNumber: string) =>
    (await ctx.db.ds.getRepository(Staff).findOneByOrFail({ staffNumber })).id;

  it("When a clubs CSV has eligible staff, sessions a week and a venue kind, then the preview shows them and the commit stores them, the leader among the eligible", async () => {
    const csv = Buffer.from(
      csvText([
        clubHeader,
        ["童声合唱", "艺术", "2-4", "40", "T007", "音乐教室", "T012、E001", "每周2次", "音乐教室"],
        ["小小足球", "体育", "1-3", "30", "", "", "T020; T021", "1", "field"],
      ]),
      "utf8",
    );
    const res = await upload("clubs", "社团.csv", csv);
    expect(res.status, res.text.slice(0, 500)).to.equal(302);
    const preview = await admin.get(res.headers.location);
    expect(preview.text)
      .to.contain("<th>可带教工号</th>")
      .and.to.contain("<th>每周次数</th>")
      .and.to.contain("<th>场地类型</th>");
    expect(preview.text).to.contain("T012, E001").and.to.contain("室外场地（操场、球场）");
    expect((await commit(res.headers.location)).status).to.equal(302);

    const clubs = ctx.db.ds.getRepository(Club);
    const choir = await clubs.findOneByOrFail({ name: "童声合唱" });
    expect(choir).to.include({ sessionsPerWeek: 2, venueKind: "music", staffId: await staffId("T007") });
    const ids = await Promise.all(["T007", "T012", "E001"].map(staffId));
    expect(choir.eligibleStaffIds).to.deep.equal(ids.sort((a, b) => a - b));
    const football = await clubs.findOneByOrFail({ name: "小小足球" });
    expect(football).to.include({ sessionsPerWeek: 1, venueKind: "field" });
    expect(football.eligibleStaffIds).to.have.length(2);

    // A sheet without the columns keeps what is stored.
    const again = await upload(
      "clubs",
      "社团2.csv",
      Buffer.from(
        csvText([
          ["名称", "类别", "年级", "最多人数"],
          ["童声合唱", "艺术", "2-4", "40"],
        ]),
        "utf8",
      ),
    );
    expect((await commit(again.headers.location)).status).to.equal(302);
    const kept = await clubs.findOneByOrFail({ name: "童声合唱" });
    expect([kept.sessionsPerWeek, kept.venueKind, kept.eligibleStaffIds]).to.deep.equal([
      2,
      "music",
      choir.eligibleStaffIds,
    ]);
  });

  it("When a clubs CSV has a bad planning cell, or a venue not of the kind it needs, then nothing is imported and each problem names its column", async () => {
    const before = await ctx.db.ds.getRepository(Club).count();
    const csv = Buffer.from(
      csvText([
        clubHeader,
        ["陶艺", "手工", "3-5", "20", "", "", "T007、X999", "6", "泳池"],
        ["版画", "艺术", "3-5", "20", "", "美术教室", "", "", "音乐教室"],
      ]),
      "utf8",
    );
    const res = await upload("clubs", "bad.csv", csv);
    expect(res.status).to.equal(400);
    expect(res.text).to.contain("找不到工号为“X999”的教职工").and.to.contain("<td>可带教工号</td>");
    expect(res.text).to.contain("6 超出范围（1–5）").and.to.contain("<td>每周次数</td>");
    expect(res.text).to.contain("场地类型“泳池”无法识别").and.to.contain("<td>场地类型</td>");
    // The venue is checked against the kind only once the cells themselves are good.
    const kind = await upload(
      "clubs",
      "kind.csv",
      Buffer.from(csvText([clubHeader, ["版画", "艺术", "3-5", "20", "", "美术教室", "", "", "音乐教室"]]), "utf8"),
    );
    expect(kind.status).to.equal(400);
    expect(kind.text).to.contain("场地“美术教室”不是所需类型（音乐教室）的场地。").and.to.contain("<td>场地</td>");
    expect(await ctx.db.ds.getRepository(Club).count()).to.equal(before);
  });

  it("When a staff XLSX has available hours, then the preview shows them by weekday and the commit stores them; a bad window is a row error", async () => {
    const res = await upload(
      "staff",
      "staff.xlsx",
      await staffXlsx([
        ["E020", "孙教练", "校外人员", "2026-08-25", "二,四", "周二 16:30-17:50; 周四 16:30-17:50"],
        ["E021", "Coach Lee", "external", "2026-08-25", "mon", "Mon 15:40-16:40"],
      ]),
    );
    expect(res.status, res.text.slice(0, 500)).to.equal(302);
    const preview = await admin.get(res.headers.location);
    expect(preview.text).to.contain("<th>可用时间</th>").and.to.contain("周二 16:30–17:50; 周四 16:30–17:50");
    expect((await commit(res.headers.location)).status).to.equal(302);
    const sun = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ staffNumber: "E020" });
    expect(sun.availableDays).to.deep.equal([2, 4]);
    expect(sun.availableHours).to.deep.equal({
      "2": { from: "16:30", to: "17:50" },
      "4": { from: "16:30", to: "17:50" },
    });

    const bad = await upload(
      "staff",
      "bad.xlsx",
      await staffXlsx([
        ["E022", "周教练", "校外人员", "2026-08-25", "二", "周三 16:30-17:50"],
        ["E023", "吴教练", "校外人员", "2026-08-25", "", "周一 18:00-16:00"],
      ]),
    );
    expect(bad.status).to.equal(400);
    expect(bad.text).to.contain("可用时间写了周三，但这一天不在可用日里。");
    expect(bad.text).to.contain("可用时间“周一 18:00-16:00”无法识别");
    expect(await ctx.db.ds.getRepository(Staff).existsBy({ staffNumber: "E022" })).to.equal(false);
  });

  it("When the admin opens the import page, then the help lists the new columns with their formats and offers templates to download", async () => {
    const page = await admin.get("/admin/import");
    expect(page.text).to.contain("可带教工号").and.to.contain("每周次数").and.to.contain("可用时间");
    expect(page.text).to.contain("周二 16:30-17:50; 周四 16:30-17:50").and.to.contain("计算机教室");
    expect(page.text).to.contain('href="/admin/import/template/clubs"');
    const template = await admin.get("/admin/import/template/clubs");
    expect(template.status).to.equal(200);
    expect(template.headers["content-type"]).to.match(/^text\/csv/);
    expect(template.headers["content-disposition"]).to.contain("kehou-clubs-template.csv");
    const text = template.text.replace(/^\uFEFF/, "");
    expect(text.split("\r\n")[0]).to.equal("名称,类别,简介,年级,最少,最多,教师工号,场地,可带教工号,每周次数,场地类型");
    expect((await admin.get("/admin/import/template/staff")).text).to.contain("可用时间");
    expect((await admin.get("/admin/import/template/teachers")).status).to.equal(404);
  });
});
