// A small generated school for the whole-term play-through (issue 17): two
// grades of two classes of eight children (six sibling families), six clubs on
// two club days in their own late period (so the dismissal list shows who stays
// for a club), and an autumn term with a holiday week, a one-day holiday, two
// make-up days (one running the club day) and an exam day. Only the school's
// rows are written here, as the import and the term pages would leave them; the
// timetable is a draft until the test publishes it through the admin page, and
// every change to membership goes through the app (a child leaving excepted: see the test).
import type { DataSource } from "typeorm";
import {
  CalendarDay,
  Club,
  Family,
  Period,
  SchoolClass,
  Setting,
  Staff,
  Student,
  Term,
  TimetableEntry,
  Venue,
} from "../../src/db/entities";
import { nowIso } from "../../src/db/entities/columns";
import { inTransaction } from "../../src/db/transaction";
import { hashSecret } from "../../src/http/auth/passwords";
import { PRIVACY_VERSION } from "../../src/privacy/service";

export const PASSWORD = "generated-school-2026";
export const FAMILY_CODE = "KHGENSCH";
export const GRADES = [3, 4];
const CLASSES_PER_GRADE = 2;
const CHILDREN_PER_CLASS = 8;
/** Club days: clubs 0–2 meet on Tuesday, clubs 3–5 on Thursday. */
export const CLUB_DAYS = [2, 4];

export const TERM = { name: "2026 秋季学期（生成）", startDate: "2026-09-01", endDate: "2026-11-13" };
export const CALENDAR: { date: string; kind: CalendarDay["kind"]; runsWeekday?: number; name: string }[] = [
  { date: "2026-09-25", kind: "holiday", name: "中秋节" },
  { date: "2026-09-27", kind: "makeup", runsWeekday: 1, name: "调休（补周一）" },
  ...["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"].map((date) => ({
    date,
    kind: "holiday" as const,
    name: "国庆节",
  })),
  { date: "2026-10-10", kind: "makeup", runsWeekday: 4, name: "调休（补周四）" },
  { date: "2026-11-12", kind: "exam", name: "期中考试" },
];

export interface GeneratedSchool {
  termId: number;
  adminEmail: string;
  classes: SchoolClass[];
  children: Student[];
  /** Family id → its children's ids (siblings share a family). */
  families: Map<number, number[]>;
  clubs: Club[];
  /** Club id → its weekly session's entry id. */
  clubEntry: Map<number, number>;
  /** A teacher free in the club hour (they lead an activity before it), for cover. */
  coverTeacherId: number;
}

const childName = (grade: number, classNo: number, seat: number) =>
  `生成${grade}${classNo}${String(seat).padStart(2, "0")}`;

export async function buildGeneratedSchool(ds: DataSource): Promise<GeneratedSchool> {
  const [passwordHash, codeHash] = await Promise.all([hashSecret(PASSWORD), hashSecret(FAMILY_CODE)]);
  return inTransaction(ds, async (em) => {
    const now = nowIso();
    const staffRepo = em.getRepository(Staff);
    const person = (staffNumber: string, role: Staff["role"], email: string) =>
      staffRepo.create({
        staffNumber,
        name: `教师${staffNumber}`,
        email,
        role,
        passwordHash,
        active: true,
        vettedOn: null,
        availableDays: [1, 2, 3, 4, 5],
        locale: null,
        createdAt: now,
        updatedAt: now,
      });
    const adminEmail = "admin@generated.test";
    const teachers = await staffRepo.save([
      person("G-A1", "admin", adminEmail),
      ...GRADES.flatMap((g) => [1, 2].map((c) => person(`G-B${g}${c}`, "class_teacher", `bzr${g}${c}@generated.test`))),
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => person(`G-T${i}`, "teacher", `t${i}@generated.test`)),
    ]);
    const classTeachers = teachers.filter((s) => s.role === "class_teacher");
    const plain = teachers.filter((s) => s.role === "teacher");
    const term = await em.getRepository(Term).save({ ...TERM, current: true });
    await em.getRepository(CalendarDay).insert(
      CALENDAR.map((c) => ({
        termId: term.id,
        date: c.date,
        kind: c.kind,
        runsWeekday: c.runsWeekday ?? null,
        name: c.name,
      })),
    );
    const [homework, activity, clubHour] = await em.getRepository(Period).save([
      { termId: term.id, name: "作业辅导", startTime: "16:00", endTime: "16:40", grades: GRADES, position: 0 },
      { termId: term.id, name: "活动", startTime: "16:50", endTime: "17:30", grades: GRADES, position: 1 },
      { termId: term.id, name: "社团", startTime: "17:40", endTime: "18:30", grades: GRADES, position: 2 },
    ]);
    const venues = await em
      .getRepository(Venue)
      .save([1, 2, 3, 4, 5, 6].map((i) => ({ name: `生成教室${i}`, capacity: 40, indoor: true })));
    const classes = await em.getRepository(SchoolClass).save(
      GRADES.flatMap((grade, gi) =>
        Array.from({ length: CLASSES_PER_GRADE }, (_, ci) => ({
          grade,
          name: `${grade === 3 ? "三" : "四"}年级(${ci + 1})班`,
          classTeacherId: classTeachers[gi * CLASSES_PER_GRADE + ci].id,
          archived: false,
        })),
      ),
    );
    // Seats 1–3 of each grade-3 class share a family with the same seat of the grade-4 class of the same number.
    const families = new Map<number, number[]>();
    const familyOf = new Map<string, Family>();
    const children: Student[] = [];
    for (const cls of classes) {
      const classNo = Number(/\((\d)\)/.exec(cls.name)![1]);
      for (let seat = 1; seat <= CHILDREN_PER_CLASS; seat++) {
        const key = seat <= 3 ? `sib-${classNo}-${seat}` : `fam-${cls.grade}-${classNo}-${seat}`;
        let family = familyOf.get(key);
        if (!family) {
          family = await em.getRepository(Family).save({
            familyKey: `gen-${key}`,
            guardianName: `家长${key}`,
            phone: null,
            accessCodeHash: codeHash,
            codeIssuedAt: now,
            privacyAcceptedAt: now,
            privacyVersion: PRIVACY_VERSION,
            locale: null,
          });
          familyOf.set(key, family);
        }
        const child = await em.getRepository(Student).save({
          studentNumber: `G${cls.grade}${classNo}${String(seat).padStart(2, "0")}`,
          name: childName(cls.grade, classNo, seat),
          classId: cls.id,
          familyId: family.id,
          archived: false,
        });
        children.push(child);
        families.set(family.id, [...(families.get(family.id) ?? []), child.id]);
      }
    }
    const clubs = await em.getRepository(Club).save(
      ["合唱", "围棋", "机器人", "书法", "篮球", "剪纸"].map((name, i) => ({
        termId: term.id,
        code: `gen-${i + 1}`,
        name: `${name}社`,
        category: "arts",
        description: "",
        grades: GRADES,
        minSize: 2,
        maxSize: 6,
        staffId: plain[i].id,
        venueId: venues[i].id,
        cancelled: false,
      })),
    );
    const entry = (
      weekday: number,
      periodId: number,
      kind: TimetableEntry["kind"],
      title: string,
      grades: number[],
      extra: Partial<TimetableEntry>,
    ) => ({
      termId: term.id,
      weekday,
      periodId,
      kind,
      title,
      grades,
      classId: null,
      clubId: null,
      staffId: null,
      venueId: null,
      sequence: 0,
      updatedAt: now,
      ...extra,
    });
    const rows: Partial<TimetableEntry>[] = [];
    for (let weekday = 1; weekday <= 5; weekday++) {
      for (const cls of classes)
        rows.push(
          entry(weekday, homework.id, "homework", `作业辅导 · ${cls.name}`, [cls.grade], {
            classId: cls.id,
            staffId: cls.classTeacherId,
          }),
        );
      GRADES.forEach((g, i) =>
        rows.push(entry(weekday, activity.id, "activity", `${g}年级活动`, [g], { staffId: plain[6 + i].id })),
      );
    }
    clubs.forEach((club, i) =>
      rows.push(
        entry(CLUB_DAYS[i < 3 ? 0 : 1], clubHour.id, "club", club.name, club.grades, {
          clubId: club.id,
          staffId: club.staffId,
          venueId: club.venueId,
        }),
      ),
    );
    const saved = await em.getRepository(TimetableEntry).save(rows);
    const clubEntry = new Map(saved.filter((e) => e.clubId != null).map((e) => [e.clubId!, e.id]));
    await em.getRepository(Setting).insert([
      { key: "school.name", value: "生成小学" },
      { key: "school.timezone", value: "Asia/Shanghai" },
      { key: "school.setupAt", value: now },
    ]);
    return { termId: term.id, adminEmail, classes, children, families, clubs, clubEntry, coverTeacherId: plain[7].id };
  });
}
