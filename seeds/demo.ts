// Seeds the demo school into an empty database. Idempotent: a marker setting
// records that it ran, and a second run changes nothing. A database that holds
// any staff member or student is never seeded (its school is real), and
// `npm start` never calls this under NODE_ENV=production (seeds/start.ts).
// How the demo's rows are recognised again for `kehou demo remove`: seeds/demo-remove.ts.
import type { DataSource, EntityManager } from "typeorm";
import {
  CalendarDay,
  Club,
  DailySport,
  Family,
  Period,
  SchoolClass,
  Setting,
  Staff,
  Student,
  Term,
  Venue,
} from "../src/db/entities";
import { nowIso } from "../src/db/entities/columns";
import { inTransaction } from "../src/db/transaction";
import { hashSecret } from "../src/http/auth/passwords";
import { recordAudit, SYSTEM } from "../src/audit";
import * as d from "./demo-data";
import { DEMO_MARKER, isEmptySchool, type DemoLogins } from "../src/setup";
import { seedTimetable } from "./demo-timetable";

const MARKER = DEMO_MARKER;

export { DEMO_MARKER, isEmptySchool };
export type { DemoLogins };

export async function seedDemo(ds: DataSource): Promise<{ seeded: boolean; logins: DemoLogins }> {
  const logins = demoLogins();
  if (await ds.getRepository(Setting).existsBy({ key: MARKER })) return { seeded: false, logins };
  if (!(await isEmptySchool(ds))) return { seeded: false, logins };
  // One hash for all demo staff and one per demo family: argon2 is slow on purpose.
  const [passwordHash, ...codeHashes] = await Promise.all([
    hashSecret(d.DEMO_PASSWORD),
    ...d.DEMO_FAMILY_CODES.map(hashSecret),
  ]);
  const seeded = await inTransaction(ds, async (em) => {
    if ((await em.getRepository(Setting).existsBy({ key: MARKER })) || !(await isEmptySchool(em))) return false;
    const staff = await seedStaff(em, passwordHash);
    const term = await seedTerm(em);
    const venues = await seedVenues(em);
    const classes = await seedClasses(em, staff.classTeachers);
    await seedStudents(em, classes, codeHashes);
    await seedClubs(em, term, venues, staff);
    await seedTimetable(em, term.id, staff.teachers);
    await em.getRepository(Setting).insert([
      { key: "school.name", value: d.SCHOOL_NAME },
      { key: "school.timezone", value: "Asia/Shanghai" },
      { key: MARKER, value: nowIso() },
      // The demo school needs no first-run setup; `kehou demo remove` takes these settings away again.
      { key: "school.setupAt", value: nowIso() },
    ]);
    await recordAudit(em, SYSTEM, { action: "seed.demo", entity: "school", details: { classes: classes.length } });
    return true;
  });
  return { seeded, logins };
}

export function demoLogins(): DemoLogins {
  return {
    staff: [
      { role: "admin", email: d.DEMO_LOGINS.admin, password: d.DEMO_PASSWORD },
      { role: "class_teacher", email: d.DEMO_LOGINS.classTeacher, password: d.DEMO_PASSWORD },
      { role: "teacher", email: d.DEMO_LOGINS.teacher, password: d.DEMO_PASSWORD },
      { role: "external", email: d.DEMO_LOGINS.external, password: d.DEMO_PASSWORD },
    ],
    families: [
      { studentNumber: studentNumber(3, 1, 1), code: d.DEMO_FAMILY_CODES[0], children: [studentNumber(3, 1, 1)] },
      {
        studentNumber: studentNumber(5, 2, 1),
        code: d.DEMO_FAMILY_CODES[1],
        children: [studentNumber(5, 2, 1), studentNumber(2, 2, 1)],
      },
    ],
  };
}

/** Every demo child's student number and name, in the order seedStudents makes them (names are generated from that order). */
export function demoRoster(): { studentNumber: string; name: string }[] {
  const roster: { studentNumber: string; name: string }[] = [];
  let n = 0;
  for (let grade = 6; grade >= 1; grade--)
    for (let classNo = 1; classNo <= d.CLASSES_PER_GRADE; classNo++) {
      for (let seq = 1; seq <= d.STUDENTS_PER_CLASS[grade - 1]; seq++)
        roster.push({ studentNumber: studentNumber(grade, classNo, seq), name: d.childName(n++) });
    }
  return roster;
}

// 2026 entrants are grade 1: the number carries entry year, class and seat.
export function studentNumber(grade: number, classNo: number, seq: number): string {
  return `${2026 - (grade - 1)}${String(classNo).padStart(2, "0")}${String(seq).padStart(2, "0")}`;
}

async function seedStaff(em: EntityManager, passwordHash: string) {
  const repo = em.getRepository(Staff);
  const now = nowIso();
  const all = [1, 2, 3, 4, 5];
  const make = (staffNumber: string, name: string, email: string, role: Staff["role"], extra: Partial<Staff> = {}) =>
    repo.create({
      staffNumber,
      name,
      email,
      role,
      passwordHash,
      active: true,
      vettedOn: null,
      availableDays: all,
      locale: null,
      createdAt: now,
      updatedAt: now,
      ...extra,
    });
  const rows: Staff[] = [
    make("A001", d.adultName(900), d.DEMO_LOGINS.admin, "admin"),
    make("A002", d.adultName(901), "admin02@kehou.demo", "admin"),
  ];
  for (let g = 1; g <= 6; g++)
    for (let c = 1; c <= d.CLASSES_PER_GRADE; c++) {
      rows.push(make(`B${g}${c}`, d.adultName(100 + g * 10 + c), `bzr.g${g}c${c}@kehou.demo`, "class_teacher"));
    }
  for (let i = 1; i <= 30; i++)
    rows.push(
      make(
        `T${String(i).padStart(3, "0")}`,
        d.adultName(200 + i),
        `teacher${String(i).padStart(2, "0")}@kehou.demo`,
        "teacher",
      ),
    );
  for (let i = 1; i <= 3; i++) {
    rows.push(
      make(
        `E${String(i).padStart(3, "0")}`,
        d.adultName(300 + i),
        `external${String(i).padStart(2, "0")}@kehou.demo`,
        "external",
        {
          vettedOn: `2026-08-2${i}`,
          availableDays: d.EXTERNAL_HOURS[i].days,
          availableHours: d.EXTERNAL_HOURS[i].hours,
        },
      ),
    );
  }
  const saved = await repo.save(rows, { chunk: 50 });
  return {
    classTeachers: saved.filter((s) => s.role === "class_teacher"),
    teachers: saved.filter((s) => s.role === "teacher"),
    externals: saved.filter((s) => s.role === "external"),
  };
}

async function seedTerm(em: EntityManager): Promise<Term> {
  const term = await em.getRepository(Term).save({ ...d.TERM, current: true });
  await em.getRepository(CalendarDay).insert(
    d.CALENDAR.map((c) => ({
      termId: term.id,
      date: c.date,
      kind: c.kind,
      runsWeekday: c.runsWeekday ?? null,
      name: c.name,
    })),
  );
  await em
    .getRepository(Period)
    .insert(d.PERIODS.map((p, i) => ({ termId: term.id, ...p, grades: [1, 2, 3, 4, 5, 6], position: i })));
  const sport: Partial<DailySport>[] = [];
  for (let grade = 1; grade <= 6; grade++)
    for (let weekday = 1; weekday <= 5; weekday++) {
      // Grades 1–2 have four PE lessons a week, grades 3–6 three; 大课间 is daily.
      // The service adds a grade-wide sport session on the days without PE.
      const peDays = grade <= 2 ? [1, 2, 4, 5] : [1, 3, 4];
      sport.push({ termId: term.id, grade, weekday, peMinutes: peDays.includes(weekday) ? 40 : 0, breakMinutes: 30 });
    }
  await em.getRepository(DailySport).insert(sport);
  return term;
}

async function seedVenues(em: EntityManager): Promise<Venue[]> {
  return em.getRepository(Venue).save(d.VENUES);
}

async function seedClasses(em: EntityManager, classTeachers: Staff[]): Promise<SchoolClass[]> {
  const rows: Partial<SchoolClass>[] = [];
  let i = 0;
  for (let g = 1; g <= 6; g++)
    for (let c = 1; c <= d.CLASSES_PER_GRADE; c++) {
      rows.push({
        grade: g,
        name: `${d.GRADE_NAMES[g - 1]}(${c})班`,
        classTeacherId: classTeachers[i++].id,
        archived: false,
      });
    }
  return em.getRepository(SchoolClass).save(rows);
}

// About one child in ten in grades 4–6 has a younger sibling three grades below.
function olderSiblingOf(grade: number, classNo: number, seq: number): [number, number, number] | null {
  if (grade === 2 && classNo === 2 && seq === 1) return [5, 2, 1];
  if (grade <= 3 && seq % 10 === 3) return [grade + 3, classNo, seq];
  return null;
}

async function seedStudents(em: EntityManager, classes: SchoolClass[], codeHashes: string[]): Promise<void> {
  const familyKeyOf = new Map<string, string>();
  const families: Partial<Family>[] = [];
  const students: (Partial<Student> & { familyKey: string })[] = [];
  const demo = demoLogins().families;
  let n = 0;
  // Older grades first, so a younger sibling finds the family already made.
  for (const cls of [...classes].sort((a, b) => b.grade - a.grade || a.id - b.id)) {
    const classNo = Number(/\((\d+)\)/.exec(cls.name)![1]);
    for (let seq = 1; seq <= d.STUDENTS_PER_CLASS[cls.grade - 1]; seq++) {
      const number = studentNumber(cls.grade, classNo, seq);
      const older = olderSiblingOf(cls.grade, classNo, seq);
      const name = d.childName(n++);
      let familyKey = older ? familyKeyOf.get(studentNumber(...older)) : undefined;
      if (familyKey === undefined) {
        familyKey = `F${number}`;
        const demoIndex = demo.findIndex((f) => f.studentNumber === number);
        families.push({
          familyKey,
          guardianName: d.adultName(n, name[0]),
          phone: `139${String(10000000 + n * 7919).slice(-8)}`,
          accessCodeHash: demoIndex >= 0 ? codeHashes[demoIndex] : null,
          codeIssuedAt: demoIndex >= 0 ? nowIso() : null,
          privacyAcceptedAt: null,
          privacyVersion: null,
          locale: null,
        });
      }
      familyKeyOf.set(number, familyKey);
      students.push({ studentNumber: number, name, classId: cls.id, familyKey, archived: false });
    }
  }
  for (let i = 0; i < families.length; i += 100) await em.getRepository(Family).insert(families.slice(i, i + 100));
  const ids = new Map(
    (await em.getRepository(Family).find({ select: { id: true, familyKey: true } })).map((f) => [f.familyKey, f.id]),
  );
  const rows = students.map(({ familyKey, ...s }) => ({ ...s, familyId: ids.get(familyKey)! }));
  for (let i = 0; i < rows.length; i += 100) await em.getRepository(Student).insert(rows.slice(i, i + 100));
}

async function seedClubs(
  em: EntityManager,
  term: Term,
  venues: Venue[],
  staff: { teachers: Staff[]; externals: Staff[] },
): Promise<void> {
  let t = 0;
  let e = 0;
  // Who else may lead a club: teachers T021–T030 lead none on Thursday, so the
  // proposer has a real choice for about two clubs in three (1–3 eligible each).
  const spare = staff.teachers.slice(20);
  const othersFor = (i: number) => [
    ...(i % 3 !== 0 ? [spare[i % spare.length].id] : []),
    ...(i % 4 === 1 ? [spare[(i + 5) % spare.length].id] : []),
  ];
  await em.getRepository(Club).insert(
    d.CLUBS.map((c, i) => {
      const staffId = c.external
        ? staff.externals[e++ % staff.externals.length].id
        : staff.teachers[t++ % staff.teachers.length].id;
      const venue = venues.find((v) => v.name === c.venue)!;
      return {
        termId: term.id,
        code: c.code,
        name: c.name,
        category: c.category,
        description: c.description,
        grades: c.grades,
        minSize: c.min,
        maxSize: c.max,
        cancelled: false,
        staffId,
        venueId: venue.id,
        eligibleStaffIds: [staffId, ...othersFor(i)].sort((a, b) => a - b),
        sessionsPerWeek: d.TWICE_A_WEEK.includes(c.code) ? 2 : 1,
        venueKind: venue.kind,
      };
    }),
  );
}
