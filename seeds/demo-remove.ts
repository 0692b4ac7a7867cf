// `kehou demo remove`: how the demo school's rows are recognised, and their removal.
//
// Recognising the demo (seeds/demo.ts writes all of these, nothing else does):
// - staff: an e-mail address at @kehou.demo (".demo" is not a delegated top-level
//   domain, so no real account can have one);
// - children: a student number AND name from the demo roster (demoRoster() makes
//   the same list the seed made), so a real child who happens to share a number stays;
// - families: those whose children are all demo children;
// - the term: the demo term's name and dates; everything under it (clubs,
//   periods, calendar, timetable, choice rounds, allocations, opt-ins, registers)
//   goes with it;
// - classes and venues: the demo's names, once no real child or club uses them;
// - the survey: the demo survey's title; settings: the demo.* markers, and the
//   school.* settings while the school name is the demo's.
// Demo accounts are present while a demo staff account exists or the marker is set.
import { type DataSource, type EntityManager, In, Like } from "typeorm";
import {
  Club,
  Family,
  HttpSession,
  LoginThrottle,
  SchoolClass,
  ServiceEnrollment,
  Setting,
  Staff,
  Student,
  Term,
  TimetableEntry,
  Venue,
  nowIso,
  inTransaction,
} from "../src/db";
import { FeedToken } from "../src/feeds";
import { Attendance, AttendanceAlert, AttendanceAlertAudience } from "../src/attendance";
import { Survey } from "../src/surveys";
import { ImportBatch } from "../src/school/entities";
import { SCHOOL_ZONE_KEY } from "../src/kernel";
import { recordAudit, SYSTEM } from "../src/audit";
import { DEMO_EMAIL_DOMAIN, DEMO_REMOVED_KEY } from "../src/setup";
import * as demoData from "./demo-data";
import { demoRoster } from "./demo";
import { DEMO_SURVEY_TITLE } from "./demo-enrollments";

// The demo's own data (names, term, roster).
type DemoData = typeof demoData;

export interface DemoRemoval {
  staff: number;
  families: number;
  students: number;
  classes: number;
  terms: number;
  venues: number;
  surveys: number;
}

// IN lists stay well under both engines' bound-parameter limits.
const CHUNK = 500;
async function inChunks(ids: number[], run: (chunk: number[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) await run(ids.slice(i, i + CHUNK));
}

/** Deletes every demo row in one transaction, children before parents (student → family/class is RESTRICT), and audits it. */
export async function removeDemo(ds: DataSource): Promise<DemoRemoval> {
  const [d, roster] = [demoData, demoRoster()];
  return inTransaction(ds, async (em) => {
    const terms = await removeDemoTerms(em, d);
    const { students, families } = await removeDemoChildren(em, roster);
    const staffIds = await em
      .getRepository(Staff)
      .find({ where: { email: Like(`%${DEMO_EMAIL_DOMAIN}`) }, select: { id: true, email: true } });
    await removeStaffTraces(
      em,
      staffIds.map((s) => s.id),
      staffIds.map((s) => s.email!),
    );
    await forgetSessions(em, new Set(staffIds.map((s) => s.id)), new Set(families));
    await inChunks(
      staffIds.map((s) => s.id),
      (ids) => em.getRepository(Staff).delete({ id: In(ids) }),
    );
    const classes = await removeUnusedByName(em, SchoolClass, demoClassNames(d), async (id) =>
      em.getRepository(Student).existsBy({ classId: id }),
    );
    const venues = await removeUnusedByName(
      em,
      Venue,
      d.VENUES.map((v) => v.name),
      async (id) =>
        (await em.getRepository(Club).existsBy({ venueId: id })) ||
        (await em.getRepository(TimetableEntry).existsBy({ venueId: id })),
    );
    const surveys = (await em.getRepository(Survey).delete({ title: DEMO_SURVEY_TITLE })).affected ?? 0;
    await removeDemoSettings(em, d);
    const counts = { staff: staffIds.length, families: families.length, students, classes, terms, venues, surveys };
    // Someone removed it on purpose: a later development start must not seed it back.
    if (staffIds.length + students > 0)
      await em.getRepository(Setting).save({ key: DEMO_REMOVED_KEY, value: nowIso() });
    await recordAudit(em, SYSTEM, { action: "demo.remove", entity: "school", details: { ...counts } });
    return counts;
  });
}

async function removeDemoTerms(em: EntityManager, d: DemoData): Promise<number> {
  const terms = await em
    .getRepository(Term)
    .findBy({ name: d.TERM.name, startDate: d.TERM.startDate, endDate: d.TERM.endDate });
  for (const term of terms) {
    // Rows that name the term without a foreign key go first; the rest cascade from the term.
    const entryIds = (
      await em.getRepository(TimetableEntry).find({ where: { termId: term.id }, select: { id: true } })
    ).map((e) => e.id);
    await inChunks(entryIds, async (ids) => {
      await em.getRepository(Attendance).delete({ entryId: In(ids) });
      await em.getRepository(AttendanceAlert).delete({ entryId: In(ids) });
    });
    const clubIds = (await em.getRepository(Club).find({ where: { termId: term.id }, select: { id: true } })).map(
      (c) => c.id,
    );
    await inChunks(clubIds, (ids) => em.getRepository(FeedToken).delete({ kind: "club", subjectId: In(ids) }));
    await em.getRepository(TimetableEntry).delete({ termId: term.id });
    await em.getRepository(ServiceEnrollment).delete({ termId: term.id });
    await em.getRepository(ImportBatch).delete({ termId: term.id });
    await em.getRepository(Term).delete({ id: term.id });
  }
  return terms.length;
}

async function removeDemoChildren(
  em: EntityManager,
  demoRoster: { studentNumber: string; name: string }[],
): Promise<{ students: number; families: number[] }> {
  const roster = new Set(demoRoster.map((s) => `${s.studentNumber}|${s.name}`));
  const all = await em
    .getRepository(Student)
    .find({ select: { id: true, studentNumber: true, name: true, familyId: true } });
  const demo = all.filter((s) => roster.has(`${s.studentNumber}|${s.name}`));
  const demoIds = new Set(demo.map((s) => s.id));
  const keptFamilies = new Set(all.filter((s) => !demoIds.has(s.id)).map((s) => s.familyId));
  const families = [...new Set(demo.map((s) => s.familyId))].filter((id) => !keptFamilies.has(id));
  await inChunks([...demoIds], async (ids) => {
    await em.getRepository(ServiceEnrollment).delete({ studentId: In(ids) });
    await em.getRepository(FeedToken).delete({ kind: "student", subjectId: In(ids) });
    await em.getRepository(Student).delete({ id: In(ids) });
  });
  await inChunks(families, async (ids) => {
    await em.getRepository(AttendanceAlertAudience).delete({ audienceKind: "family", audienceId: In(ids) });
    await em.getRepository(Family).delete({ id: In(ids) });
  });
  return { students: demoIds.size, families };
}

// Staff ids that other rows keep without a foreign key are cleared or deleted with the account.
async function removeStaffTraces(em: EntityManager, ids: number[], emails: string[]): Promise<void> {
  await inChunks(ids, async (chunk) => {
    await em.getRepository(TimetableEntry).update({ staffId: In(chunk) }, { staffId: null });
    await em.getRepository(FeedToken).delete({ kind: "staff", subjectId: In(chunk) });
    await em.getRepository(AttendanceAlertAudience).delete({ audienceKind: "staff", audienceId: In(chunk) });
    await em.getRepository(ImportBatch).delete({ staffId: In(chunk) });
  });
  await inChunks(
    emails.map((_, i) => i),
    (idx) => em.getRepository(LoginThrottle).delete({ key: In(idx.map((i) => `staff:${emails[i].toLowerCase()}`)) }),
  );
}

// A signed-in demo user must not keep a session that names a deleted account.
async function forgetSessions(em: EntityManager, staffIds: Set<number>, familyIds: Set<number>): Promise<void> {
  const sessions = await em.getRepository(HttpSession).find({ select: { sid: true, data: true } });
  const doomed = sessions
    .filter((s) => {
      try {
        const user = (JSON.parse(s.data) as { user?: { kind: string; id: number } }).user;
        return user !== undefined && (user.kind === "staff" ? staffIds.has(user.id) : familyIds.has(user.id));
      } catch {
        return false;
      }
    })
    .map((s) => s.sid);
  for (let i = 0; i < doomed.length; i += CHUNK)
    await em.getRepository(HttpSession).delete({ sid: In(doomed.slice(i, i + CHUNK)) });
}

function demoClassNames(d: DemoData): string[] {
  const names: string[] = [];
  for (let g = 1; g <= 6; g++)
    for (let c = 1; c <= d.CLASSES_PER_GRADE; c++) names.push(`${d.GRADE_NAMES[g - 1]}(${c})班`);
  return names;
}

async function removeUnusedByName(
  em: EntityManager,
  entity: typeof SchoolClass | typeof Venue,
  names: string[],
  inUse: (id: number) => Promise<boolean>,
): Promise<number> {
  const rows = await em.getRepository(entity).find({ where: { name: In(names) }, select: { id: true } });
  let removed = 0;
  for (const row of rows) {
    if (await inUse(row.id)) continue;
    if (entity === Venue) await em.getRepository(FeedToken).delete({ kind: "venue", subjectId: row.id });
    await em.getRepository(entity).delete({ id: row.id });
    removed++;
  }
  return removed;
}

async function removeDemoSettings(em: EntityManager, d: DemoData): Promise<void> {
  await em.getRepository(Setting).delete({ key: Like("demo.%") });
  const name = await em.getRepository(Setting).findOneBy({ key: "school.name" });
  // The school settings are the demo's only while the name is; a school that renamed itself keeps them.
  if (name?.value === d.SCHOOL_NAME)
    await em.getRepository(Setting).delete({ key: In(["school.name", SCHOOL_ZONE_KEY, "school.setupAt"]) });
}
