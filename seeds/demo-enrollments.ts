// Demo data for attendance and the reports: about 96 % of the demo children opt
// in to the service on a realistic mix of weekdays, registers for the first two
// weeks of term, and a satisfaction survey with about 900 replies (about 99 %
// 满意 + 基本满意). Deterministic (a hash of each student number decides), and
// idempotent: a marker setting records that it ran; a second run changes nothing.
import { type DataSource, type EntityManager, IsNull, Not } from "typeorm";
import { randomUUID } from "node:crypto";
import { Family, SchoolClass, ServiceEnrollment, Setting, Student, Term } from "../src/db/entities";
import { inTransaction } from "../src/db/transaction";
import { recordAudit, SYSTEM } from "../src/audit";
import { Attendance, AttendanceStatus } from "../src/attendance/entities";
import { rosterOf, RosterContext } from "../src/attendance/roster";
import { currentTermCalendar } from "../src/kernel";
import { publishedTimetable } from "../src/timetable";
import { Survey, SurveyReceipt, SurveyResponse } from "../src/surveys/entities";
import type { SurveyQuestion } from "../src/surveys/core";

const MARKER = "demo.enrollments.seeded";
export const DEMO_SURVEY_TITLE = "2026 年秋季学期课后服务家长满意度调查";

// FNV-1a: the same text always lands in the same bucket (0 … 999).
export function bucket(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h % 1000;
}

// Most families take every day; some skip a day or two; a few only come for Thursday's clubs; ~4 % opt out.
export function demoWeekdays(studentNumber: string): number[] {
  const b = bucket(`days:${studentNumber}`);
  if (b < 40) return [];
  if (b < 640) return [1, 2, 3, 4, 5];
  if (b < 790) return [1, 2, 3, 4];
  if (b < 880) return [1, 3, 4];
  if (b < 950) return [2, 4];
  return [4];
}

function demoStatus(key: string): AttendanceStatus {
  const b = bucket(`mark:${key}`);
  return b < 962 ? "present" : b < 988 ? "excused" : "absent";
}

export async function seedDemoEnrollments(ds: DataSource): Promise<{ seeded: boolean }> {
  if (await ds.getRepository(Setting).existsBy({ key: MARKER })) return { seeded: false };
  const cal = await currentTermCalendar(ds);
  if (!cal) return { seeded: false };
  const seeded = await inTransaction(ds, async (em) => {
    if (await em.getRepository(Setting).existsBy({ key: MARKER })) return false;
    const enrolled = await seedEnrollments(em, cal.term);
    const marks = await seedAttendance(
      em,
      cal.term,
      cal.dates.filter((d) => d < addDays(cal.term.startDate, 14)),
      (d) => cal.weekdayOf.get(d)!,
    );
    const replies = await seedSurvey(em);
    await em.getRepository(Setting).insert({ key: MARKER, value: new Date().toISOString() });
    await recordAudit(em, SYSTEM, {
      action: "seed.demo-enrollments",
      entity: "school",
      details: { enrolled, marks, replies },
    });
    return true;
  });
  return { seeded };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function seedEnrollments(em: EntityManager, term: Term): Promise<number> {
  const students = await em
    .getRepository(Student)
    .find({ where: { archived: false }, order: { studentNumber: "ASC" } });
  const existing = new Set(
    (await em.getRepository(ServiceEnrollment).find({ where: { termId: term.id }, select: { studentId: true } })).map(
      (e) => e.studentId,
    ),
  );
  const at = `${term.startDate}T00:00:00.000Z`;
  const rows = students
    .filter((s) => !existing.has(s.id))
    .map((s) => ({ s, days: demoWeekdays(s.studentNumber) }))
    .filter((r) => r.days.length > 0)
    .map(({ s, days }) => ({
      termId: term.id,
      studentId: s.id,
      weekdays: days,
      source: "family" as const,
      enteredByStaffId: null,
      updatedAt: at,
    }));
  for (let i = 0; i < rows.length; i += 200) await em.getRepository(ServiceEnrollment).insert(rows.slice(i, i + 200));
  return rows.length;
}

// Registers of the first weeks for every non-club session (clubs have no members until an allocation is published).
// No alerts are made for these old absences: alerts are for the day they happen.
async function seedAttendance(
  em: EntityManager,
  term: Term,
  dates: string[],
  weekdayOf: (d: string) => number,
): Promise<number> {
  const { rows: entries } = await publishedTimetable(em);
  const classes = new Map((await em.getRepository(SchoolClass).find()).map((c) => [c.id, c]));
  const students = await em
    .getRepository(Student)
    .find({ where: { archived: false }, order: { studentNumber: "ASC" } });
  const enrollments = await em.getRepository(ServiceEnrollment).find({ where: { termId: term.id } });
  const ctx: RosterContext = {
    children: students
      .filter((s) => classes.has(s.classId))
      .map((s) => ({
        id: s.id,
        name: s.name,
        studentNumber: s.studentNumber,
        classId: s.classId,
        className: classes.get(s.classId)!.name,
        grade: classes.get(s.classId)!.grade,
        familyId: s.familyId,
      })),
    enrolledDays: new Map(enrollments.map((e) => [e.studentId, e.weekdays])),
    membersOf: new Map(),
  };
  const rows: Partial<Attendance>[] = [];
  for (const date of dates) {
    const weekday = weekdayOf(date);
    for (const entry of entries.filter((e) => e.weekday === weekday && e.kind !== "club")) {
      for (const child of rosterOf(entry, weekday, ctx)) {
        const status = demoStatus(`${child.studentNumber}:${date}:${entry.id}`);
        rows.push({
          entryId: entry.id,
          date,
          studentId: child.id,
          status,
          note: status === "excused" ? "家长请假" : null,
          markedByStaffId: entry.staffId,
          markedAt: `${date}T09:${String(entry.periodId % 60).padStart(2, "0")}:00.000Z`,
        });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 300) await em.getRepository(Attendance).insert(rows.slice(i, i + 300));
  return rows.length;
}

const QUESTIONS: SurveyQuestion[] = [
  {
    id: "q1",
    kind: "single",
    text: "您对学校课后服务的总体评价是？",
    satisfaction: true,
    options: [
      { id: "q1o1", label: "满意", satisfied: true },
      { id: "q1o2", label: "基本满意", satisfied: true },
      { id: "q1o3", label: "不满意" },
    ],
  },
  {
    id: "q2",
    kind: "single",
    text: "孩子每周参加课后服务的天数是否合适？",
    options: [
      { id: "q2o1", label: "合适" },
      { id: "q2o2", label: "偏多" },
      { id: "q2o3", label: "偏少" },
    ],
  },
  {
    id: "q3",
    kind: "rating",
    text: "请为社团活动打分（1–5 分）",
    options: [1, 2, 3, 4, 5].map((v) => ({ id: `q3o${v}`, label: String(v), value: v })),
  },
  { id: "q4", kind: "text", text: "您对课后服务还有什么建议？" },
];
const SUGGESTIONS = [
  "希望增加更多体育类社团。",
  "作业辅导时间可以再长一点。",
  "老师很负责，孩子很喜欢。",
  "希望周五也有社团活动。",
  "接孩子的时间能否再灵活一些？",
  "建议增加编程和科学类活动。",
];

function demoReply(key: string): Record<string, string> {
  const b = bucket(`q1:${key}`);
  const answers: Record<string, string> = { q1: b < 921 ? "q1o1" : b < 992 ? "q1o2" : "q1o3" };
  const b2 = bucket(`q2:${key}`);
  answers.q2 = b2 < 850 ? "q2o1" : b2 < 900 ? "q2o2" : "q2o3";
  const b3 = bucket(`q3:${key}`);
  answers.q3 = b3 < 700 ? "q3o5" : b3 < 920 ? "q3o4" : b3 < 980 ? "q3o3" : b3 < 995 ? "q3o2" : "q3o1";
  const b4 = bucket(`q4:${key}`);
  if (b4 < 100) answers.q4 = SUGGESTIONS[b4 % SUGGESTIONS.length];
  return answers;
}

// An open survey: almost every family has replied, but the two demo families have not, so they can try it.
async function seedSurvey(em: EntityManager): Promise<number> {
  if (await em.getRepository(Survey).existsBy({ title: DEMO_SURVEY_TITLE })) return 0;
  const survey = await em.getRepository(Survey).save({
    title: DEMO_SURVEY_TITLE,
    intro: "为了解家长对课后服务的意见，请您花一分钟填写。问卷匿名。",
    state: "open",
    questions: QUESTIONS,
    openedAt: "2026-09-21T00:00:00.000Z",
    closedAt: null,
    createdAt: "2026-09-18T00:00:00.000Z",
    updatedAt: "2026-09-21T00:00:00.000Z",
  });
  // The demo logins are the families that were given an access code.
  const demoFamilies = new Set(
    (await em.getRepository(Family).find({ where: { accessCodeHash: Not(IsNull()) }, select: { id: true } })).map(
      (f) => f.id,
    ),
  );
  const families = (
    await em.getRepository(Family).find({ select: { id: true, familyKey: true }, order: { id: "ASC" } })
  ).filter((f) => !demoFamilies.has(f.id) && bucket(`reply:${f.familyKey}`) >= 10);
  const receipts = families.map((f, i) => ({
    surveyId: survey.id,
    familyId: f.id,
    submittedAt: new Date(Date.parse("2026-09-21T02:00:00Z") + i * 97_000).toISOString(),
  }));
  // Responses go in a different order from the receipts, so row order links no reply to a family.
  const responses = families
    .map((f) => ({ key: bucket(`order:${f.familyKey}`), answers: demoReply(f.familyKey) }))
    .sort((a, b) => a.key - b.key)
    .map((r) => ({ id: randomUUID(), surveyId: survey.id, answers: r.answers }));
  for (let i = 0; i < receipts.length; i += 300)
    await em.getRepository(SurveyReceipt).insert(receipts.slice(i, i + 300));
  for (let i = 0; i < responses.length; i += 300)
    await em.getRepository(SurveyResponse).insert(responses.slice(i, i + 300));
  return responses.length;
}
