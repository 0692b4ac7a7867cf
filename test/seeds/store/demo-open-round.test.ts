// Issue 22, the newcomer: the demo that `npm start` (and `kehou seed demo`) seeds
// has an open top-up round (补选) for the seats the autumn allocation left, so
// both demo families can open the choice form at once and send a ranking.
// The suites that build the demo (seedDemo, seedDemoActivity) get no such round.
import { expect } from "chai";
import type { Express } from "express";
import type { DataSource } from "typeorm";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { forEachDatabase } from "../../support/databases";
import { familyLogin } from "../../support/demo-app";
import { csrfFrom, formToken, loginAs, testApp, type Agent } from "../../support/http";
import type { DemoLogins } from "../../../seeds/demo";
import { seedStep } from "../../../seeds/start";
import { DEMO_TOP_UP_DAYS, DEMO_TOP_UP_NAME, seedDemoOpenRound } from "../../../seeds/demo-open-round";
import { projectRoot } from "../../../src/config";
import { AuditEntry, Club, Student } from "../../../src/db/entities";
import { ChoiceRound, Preference } from "../../../src/choices/entities";
import { roundKindOf, roundState } from "../../../src/choices/core";
import { clubSlots, roundSeats } from "../../../src/allocation";

const DAY = 24 * 3600 * 1000;

forEachDatabase("the demo's open top-up round (issue 22)", (ctx) => {
  let ds: DataSource;
  let app: Express;
  let logins: DemoLogins;
  let round: ChoiceRound;

  before(async function () {
    this.timeout(900_000);
    ds = ctx.db.ds;
    // npm start's seed step, as `node dist/seeds/cli.js start` runs it on an empty development database.
    const seeded = await seedStep(ds, { production: false });
    expect(seeded, "the demo was seeded").to.not.equal(null);
    logins = seeded!;
    app = testApp(ds);
    round = await ds.getRepository(ChoiceRound).findOneByOrFail({ name: DEMO_TOP_UP_NAME });
  });

  it("When npm start seeds the demo, then a top-up round is open from today for two weeks, covering only clubs with seats left, for their grades", async () => {
    const now = new Date().toISOString();
    expect(roundState(round, now)).to.equal("open");
    expect(roundKindOf(await ds.getRepository(ChoiceRound).findBy({ termId: round.termId }), round)).to.equal("topUp");
    expect(Date.parse(round.opensAt)).to.be.above(Date.now() - DAY);
    expect(Date.parse(round.closesAt) - Date.parse(round.opensAt)).to.be.within(
      DEMO_TOP_UP_DAYS * DAY,
      (DEMO_TOP_UP_DAYS + 1) * DAY,
    );
    // The allocation's own count of the seats the round offers agrees: every covered club has seats.
    const seats = await roundSeats(ds.manager, round, await clubSlots(ds.manager, round.termId));
    expect(seats.kind).to.equal("topUp");
    expect(seats.clubs.map((c) => c.club.id).sort((a, b) => a - b)).to.deep.equal(round.clubIds);
    expect(seats.clubs.every((c) => c.seats > 0)).to.equal(true);
    const grades = [...new Set(seats.clubs.flatMap((c) => c.club.grades))].sort((a, b) => a - b);
    expect(round.grades).to.deep.equal(grades);
    // Opened as an admin's form would: audited.
    expect(await ds.getRepository(AuditEntry).countBy({ action: "round.create", entityId: String(round.id) })).to.equal(
      1,
    );
  });

  async function signIn(i: number): Promise<Agent> {
    const family = await loginAs(app, familyLogin(logins, i));
    const accepted = await family
      .post("/privacy/accept")
      .type("form")
      .send({ accept: "1", _csrf: await formToken(family, "/privacy") });
    expect(accepted.status).to.equal(302);
    return family;
  }

  for (const i of [0, 1]) {
    it(`When demo family ${i + 1} signs in, then its child's choice form is open and a ranking is saved`, async () => {
      const family = await signIn(i);
      const go = await family.get("/choices");
      expect(go.status).to.equal(302);
      const child = await ds.getRepository(Student).findOneOrFail({
        where: { studentNumber: logins.families[i].studentNumber },
        relations: { schoolClass: true },
      });
      expect(go.headers.location).to.equal(`/choices/${child.id}`);
      const form = await family.get(go.headers.location);
      expect(form.status).to.equal(200);
      expect(form.text).to.contain(DEMO_TOP_UP_NAME).and.contain("state-open").and.contain('action="/choices"');
      expect(form.text).to.not.contain("本轮选择已于");
      const clubs = await ds.getRepository(Club).findBy({ termId: round.termId });
      const club = clubs.find((c) => round.clubIds!.includes(c.id) && c.grades.includes(child.schoolClass.grade))!;
      expect(club, "a covered club open to the child's grade").to.not.equal(undefined);
      expect(form.text).to.contain(`<option value="${club.id}"`);
      const saved = await family
        .post("/choices")
        .type("form")
        .send({
          _csrf: csrfFrom(form.text),
          studentId: String(child.id),
          roundId: String(round.id),
          version: /name="version" value="(\d+)"/.exec(form.text)![1],
          weekdays: ["1", "2", "3", "4", "5"],
          rank1: String(club.id),
          maxClubs: "1",
        });
      expect(saved.status, saved.text).to.equal(302);
      expect(saved.headers.location).to.equal(`/choices/${child.id}/receipt?round=${round.id}`);
      const pref = await ds.getRepository(Preference).findOneByOrFail({ roundId: round.id, studentId: child.id });
      expect(pref.clubIds).to.deep.equal([club.id]);
      expect(pref.source).to.equal("family");
      const receipt = await family.get(saved.headers.location);
      expect(receipt.status).to.equal(200);
      expect(receipt.text).to.contain(club.name);
    });
  }

  it("When the step runs again, then no second round is opened", async () => {
    expect(await seedDemoOpenRound(ds)).to.equal(null);
    expect(await ds.getRepository(ChoiceRound).countBy({ name: DEMO_TOP_UP_NAME })).to.equal(1);
  });
});

describe("`kehou seed demo` opens the demo's top-up round", function () {
  this.timeout(600_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "kehou-open-round-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("When `kehou seed demo` seeds an empty database, then its top-up round is open and the output says until when", () => {
    const file = join(dir, "demo.sqlite");
    const res = spawnSync(process.execPath, [join(projectRoot(), "bin", "kehou.js"), "seed", "demo"], {
      env: {
        ...process.env,
        LOG_LEVEL: "silent",
        DATABASE_URL: `sqlite:${file}`,
        NODE_ENV: "development",
        SESSION_SECRET: "cli-test-secret-cli-test",
      },
      encoding: "utf8",
      timeout: 540_000,
    });
    expect(res.status, res.stderr).to.equal(0);
    expect(res.stdout)
      .to.contain("admin@kehou.demo")
      .and.contain(`Try the family form: the top-up round "${DEMO_TOP_UP_NAME}"`);
    const db = new Database(file, { readonly: true });
    try {
      const rows = db
        .prepare(`SELECT "opensAt", "closesAt" FROM choice_round WHERE name = ?`)
        .all(DEMO_TOP_UP_NAME) as { opensAt: string; closesAt: string }[];
      expect(rows).to.have.length(1);
      expect(roundState(rows[0], new Date().toISOString())).to.equal("open");
    } finally {
      db.close();
    }
  });
});
