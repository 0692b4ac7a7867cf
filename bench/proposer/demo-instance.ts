// The demo school as a proposal instance: seeded into a scratch SQLite file by
// the demo's own entry point, then read straight from its tables (a bench may
// read a database; src/ never would). The demo has no venue kinds, eligible
// staff lists or slot availability yet (a later change adds them), so:
//   slots     the club period (period 2) on each weekday;
//   venues    each venue is its own kind: a club keeps its room and only its day may move;
//   staff     a club's one leader, available on their `availableDays`, minus the days
//             they lead a non-club session in period 2 (sport, supervised activity);
//   students  the autumn main round's ranked lists, maxClubs as submitted, staying on
//             their service weekdays; siblings share their family as group;
//   current   the published timetable's club sessions (all on Thursday in the demo).

import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import type { Entry, ProposalInstance } from "../../src/proposer/core";
import { tempSqliteUrl } from "../support/processes";

const root = resolve(__dirname, "../../..");

interface Row {
  [key: string]: string | number | null;
}

export function demoInstance(): { instance: ProposalInstance; note: string } {
  const url = tempSqliteUrl();
  const seeded = spawnSync(process.execPath, [resolve(root, "dist/seeds/cli.js"), "seed", "demo"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: "development" },
    encoding: "utf8",
  });
  if (seeded.status !== 0) throw new Error(`seeding the demo failed: ${seeded.stderr}`);
  const db = new Database(url.slice("sqlite:".length), { readonly: true });
  const all = (sql: string): Row[] => db.prepare(sql).all() as Row[];
  const term = all("SELECT id FROM term WHERE current = 1")[0].id;
  const clubPeriod = all(`SELECT id FROM period WHERE termId = ${term} ORDER BY position`)[1].id;
  const slotOf = (weekday: number) => `${["mon", "tue", "wed", "thu", "fri"][weekday - 1]}-2`;
  const slots = [1, 2, 3, 4, 5].map((weekday) => ({ id: slotOf(weekday), weekday }));
  const venues = all("SELECT id, name, capacity FROM venue ORDER BY id").map((v) => ({
    id: String(v.name),
    kind: String(v.name),
    capacity: Number(v.capacity),
  }));
  const venueName = new Map(all("SELECT id, name FROM venue").map((v) => [v.id, String(v.name)]));
  const entries = all(
    `SELECT weekday, kind, clubId, staffId, venueId FROM timetable_entry WHERE termId = ${term} AND periodId = ${clubPeriod}`,
  );
  const busy = new Set(
    entries.filter((e) => e.kind !== "club" && e.staffId !== null).map((e) => `${e.staffId}|${e.weekday}`),
  );
  const clubs = all(`SELECT * FROM club WHERE termId = ${term} AND cancelled = 0 ORDER BY id`);
  const leaders = new Set(clubs.map((c) => c.staffId));
  const staffRows = all("SELECT id, staffNumber, availableDays FROM staff ORDER BY id").filter((s) =>
    leaders.has(s.id),
  );
  const staffNumber = new Map(staffRows.map((s) => [s.id, String(s.staffNumber)]));
  const staff = staffRows.map((s) => ({
    id: String(s.staffNumber),
    slots: (JSON.parse(String(s.availableDays ?? "[1,2,3,4,5]")) as number[])
      .filter((d) => d <= 5 && !busy.has(`${s.id}|${d}`))
      .map(slotOf),
  }));
  const clubCode = new Map(clubs.map((c) => [c.id, String(c.code)]));
  const proposalClubs = clubs.map((c) => ({
    id: String(c.code),
    grades: JSON.parse(String(c.grades)) as number[],
    capacity: Number(c.maxSize),
    minSize: Number(c.minSize),
    sessions: 1,
    venueKind: venueName.get(c.venueId)!,
    staff: [staffNumber.get(c.staffId)!],
    fixed: [],
  }));
  const round = all(`SELECT id FROM choice_round WHERE termId = ${term} ORDER BY id`)[0].id;
  const stays = new Map(
    all(`SELECT studentId, weekdays FROM service_enrollment WHERE termId = ${term}`).map((e) => [
      e.studentId,
      JSON.parse(String(e.weekdays)) as number[],
    ]),
  );
  const students = all(
    `SELECT p.studentId, p.clubIds, p.maxClubs, s.studentNumber, s.familyId, k.grade FROM preference p JOIN student s ON s.id = p.studentId JOIN school_class k ON k.id = s.classId WHERE p.roundId = ${round} ORDER BY p.studentId`,
  ).map((p) => ({
    id: String(p.studentNumber),
    grade: Number(p.grade),
    slots: (stays.get(p.studentId) ?? []).filter((d) => d <= 5).map(slotOf),
    maxClubs: Number(p.maxClubs),
    choices: (JSON.parse(String(p.clubIds)) as number[])
      .filter((id) => clubCode.has(id))
      .map((id) => clubCode.get(id)!),
    group: `F${p.familyId}`,
    pinned: [],
  }));
  const current: Entry[] = entries
    .filter((e) => e.kind === "club" && clubCode.has(e.clubId))
    .map((e) => ({
      club: clubCode.get(e.clubId)!,
      slot: slotOf(Number(e.weekday)),
      venue: venueName.get(e.venueId)!,
      staff: staffNumber.get(e.staffId)!,
    }));
  const clubRooms = new Set(proposalClubs.map((c) => c.venueKind));
  const sharedRooms = entries.filter(
    (e) => e.kind !== "club" && e.venueId !== null && clubRooms.has(venueName.get(e.venueId)!),
  ).length;
  db.close();
  return {
    instance: { seed: 1, slots, venues, staff, clubs: proposalClubs, students, current },
    note:
      `${students.length} children with a ranked list, ${proposalClubs.length} clubs, 5 slots` +
      (sharedRooms > 0 ? `; ${sharedRooms} non-club period-2 sessions use a club's room (not blocked)` : ""),
  };
}
