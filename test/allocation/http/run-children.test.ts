import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, type Agent } from "../../support/http";
import { Club, SchoolClass, Student, Term } from "../../../src/db/entities";
import { ChoiceRound } from "../../../src/choices/entities";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { AllocationRun } from "../../../src/allocation/entities";
import { childOutcomes, movedChildren, parseRun, unplacedStudents } from "../../../src/allocation/run-report";
import { schoolToday } from "../../../src/kernel";

const rowsOf = (html: string, attr: string): string[] =>
  [...html.matchAll(new RegExp(`data-${attr}="([^"]+)"`, "g"))].map((m) => m[1]);

forEachDatabase("allocation run pages: per-child views, run numbers, product words", (ctx) => {
  let app: Express;
  let admin: Agent;
  let round: ChoiceRound;
  let optimal: AllocationRun;
  let lottery: AllocationRun;

  before(async function () {
    this.timeout(180_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    ({ round } = await seedDemoChoices(ctx.db.ds, { students: 200, seed: 7, clubSize: 8 }));
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    // Another round's run first, so this round's first run has a global id above 1.
    const other = await ctx.db.ds
      .getRepository(ChoiceRound)
      .save({ ...round, id: undefined, name: "另一轮" } as Partial<ChoiceRound>);
    const run = async (roundId: number, mechanism: string, seed: string) => {
      const res = await admin
        .post(`/admin/rounds/${roundId}/runs`)
        .type("form")
        .send({ mechanism, seed, _csrf: await formToken(admin, `/admin/rounds/${roundId}/runs`) });
      expect(res.status, res.text.slice(0, 300)).to.equal(302);
      const id = Number(/\/admin\/runs\/(\d+)$/.exec(res.headers.location)![1]);
      return ctx.db.ds.getRepository(AllocationRun).findOneByOrFail({ id });
    };
    const first = await run(round.id, "optimal", "1");
    // The other round has no preferences of its own: its run is the first run copied over.
    await ctx.db.ds.getRepository(AllocationRun).update({ id: first.id }, { roundId: other.id });
    optimal = await run(round.id, "optimal", "42");
    lottery = await run(round.id, "lottery", "42");
  });

  it("When the admin opens a round's first run, then it is called 第 1 次分配 while its URL keeps the global id", async () => {
    expect(optimal.id).to.be.greaterThan(1);
    const page = await admin.get(`/admin/runs/${optimal.id}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain("<title>第 1 次分配");
    expect(page.text).to.match(/<h1>第 1 次分配/);
    const second = await admin.get(`/admin/runs/${lottery.id}`);
    expect(second.text).to.match(/<h1>第 2 次分配/);
    const roundPage = await admin.get(`/admin/rounds/${round.id}/runs`);
    expect(roundPage.text).to.contain(`<a href="/admin/runs/${optimal.id}">第 1 次分配</a>`);
    expect(roundPage.text).to.contain(`<a href="/admin/runs/${lottery.id}">第 2 次分配</a>`);
  });

  it("When the run page is read, then mechanisms are in words, and the downloads and the cmp command sit in a details fold", async () => {
    const page = (await admin.get(`/admin/runs/${optimal.id}`)).text;
    expect(page).to.contain("在名额之内让尽可能多的孩子进入社团");
    expect(page).not.to.contain("求解方式");
    expect(page).not.to.contain("instance.json</a>");
    const fold = page.slice(
      page.indexOf('<details class="card it-details"'),
      page.indexOf("</details>", page.indexOf("it-details")),
    );
    expect(fold).to.contain("给技术人员");
    expect(fold).to.contain("精确计算");
    expect(fold).to.contain("下载输入文件（JSON）");
    expect(fold).to.match(
      /kehou allocate --input kehou-run-\d+-instance-[^ ]+\.json --mechanism optimal --seed 42 \| cmp - kehou-run-\d+-result-/,
    );
    expect(page).to.contain(`href="/admin/runs/${optimal.id}/children"`);
  });

  it("When a run's file is downloaded, then its name carries the term and the run's date, with an ASCII fallback", async () => {
    const res = await admin.get(`/admin/runs/${optimal.id}/instance.json`);
    expect(res.status).to.equal(200);
    const term = await ctx.db.ds.getRepository(Term).findOneByOrFail({ id: round.termId });
    const date = await schoolToday(ctx.db.ds);
    const name = `kehou-run-${optimal.id}-instance-${term.name.replace(/\s+/g, "")}-${date}.json`;
    const header = res.headers["content-disposition"];
    expect(header).to.contain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(header).to.match(new RegExp(`filename="kehou-run-${optimal.id}-instance-2026-2027-${date}\\.json"`));
  });

  it("When the admin opens the per-child view, then every child of the run is listed with what it gets, a page at a time", async () => {
    const parsed = parseRun(optimal);
    const all = childOutcomes(parsed);
    const res = await admin.get(`/admin/runs/${optimal.id}/children`);
    expect(res.status).to.equal(200);
    expect(res.text).to.contain(`data-total="${all.length}"`);
    expect(rowsOf(res.text, "child")).to.deep.equal(all.slice(0, 50).map((c) => c.number));
    const page2 = await admin.get(`/admin/runs/${optimal.id}/children?page=2`);
    expect(rowsOf(page2.text, "child")).to.deep.equal(all.slice(50, 100).map((c) => c.number));
    // A child's row names the club it got.
    const placed = all.find((c) => c.got.length > 0)!;
    const club = await ctx.db.ds.getRepository(Club).findOneByOrFail({ code: placed.got[0], termId: round.termId });
    const row = res.text.slice(res.text.indexOf(`data-child="${placed.number}"`));
    expect(row.slice(0, row.indexOf("</tr>"))).to.contain(`<strong>${club.name}`);
  });

  it("When the per-child view is filtered by club, class and outcome, then only those children are listed and the pager keeps the filter", async () => {
    const parsed = parseRun(optimal);
    const all = childOutcomes(parsed);
    const code = parsed.instance.clubs[0].id;
    const byClub = await admin.get(`/admin/runs/${optimal.id}/children?club=${code}`);
    const wanted = all.filter((c) => c.choices.includes(code) || c.got.includes(code));
    expect(byClub.text).to.contain(`data-total="${wanted.length}"`);
    if (wanted.length > 50) expect(byClub.text).to.contain(`&amp;club=${code}`);

    const unplaced = await admin.get(`/admin/runs/${optimal.id}/children?outcome=unplaced`);
    expect(unplaced.text).to.contain(`data-total="${unplacedStudents(parsed).length}"`);

    const student = await ctx.db.ds.getRepository(Student).findOneByOrFail({ studentNumber: all[0].number });
    const classmates = new Set(
      (await ctx.db.ds.getRepository(Student).findBy({ classId: student.classId })).map((s) => s.studentNumber),
    );
    const byClass = await admin.get(`/admin/runs/${optimal.id}/children?class=${student.classId}`);
    const inClass = all.filter((c) => classmates.has(c.number));
    expect(byClass.text).to.contain(`data-total="${inClass.length}"`);
    const name = (await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ id: student.classId })).name;
    expect(byClass.text).to.contain(`selected>${name}</option>`);

    // A stale or made-up filter shows every child instead of failing.
    const junk = await admin.get(`/admin/runs/${optimal.id}/children?club=nope&class=abc&outcome=x`);
    expect(junk.status).to.equal(200);
    expect(junk.text).to.contain(`data-total="${all.length}"`);
    expect((await admin.get(`/admin/runs/999999/children`)).status).to.equal(404);
  });

  it("When two runs are compared, then the page lists each child who moves, from what to what, filterable by club", async () => {
    const [pa, pb] = [parseRun(optimal), parseRun(lottery)];
    const moved = movedChildren(pa, pb);
    const res = await admin.get(`/admin/runs/compare?a=${optimal.id}&b=${lottery.id}`);
    expect(res.status).to.equal(200);
    expect(res.text).to.contain(`data-changed="${moved.length}"`);
    expect(rowsOf(res.text, "change")).to.deep.equal(moved.slice(0, 50).map((m) => m.key));
    expect(res.text).to.contain("第 1 次 · 最优分配");
    expect(res.text).to.contain("第 2 次 · 抽签分配");
    const code = moved[0].from[0] ?? moved[0].to[0];
    const filtered = await admin.get(`/admin/runs/compare?a=${optimal.id}&b=${lottery.id}&club=${code}`);
    const wanted = moved.filter((m) => m.from.includes(code) || m.to.includes(code));
    expect(rowsOf(filtered.text, "change")).to.deep.equal(wanted.slice(0, 50).map((m) => m.key));
  });

  it("When the page is English, then counts are plural-aware and mechanisms are named in words", async () => {
    await admin
      .post("/lang")
      .type("form")
      .send({ lang: "en", _csrf: await formToken(admin, `/admin/runs/${optimal.id}`) });
    const page = await admin.get(`/admin/runs/${optimal.id}/children?outcome=unplaced`);
    const count = unplacedStudents(parseRun(optimal)).length;
    expect(page.text).to.contain(count === 1 ? "1 child<" : `${count} children<`);
    const run = await admin.get(`/admin/runs/${optimal.id}`);
    expect(run.text).to.contain("For IT staff");
    expect(run.text).to.contain("Places as many children as the seats allow");
    await admin
      .post("/lang")
      .type("form")
      .send({ lang: "zh-CN", _csrf: await formToken(admin, `/admin/runs/${optimal.id}`) });
  });
});
