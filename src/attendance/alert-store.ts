// The absence alerts' rows: the alert (one per child, session and date) and its
// audience (who must acknowledge it). alerts.ts decides; this reads and writes.
import { type DataSource, type EntityManager, In, IsNull, LessThanOrEqual, MoreThanOrEqual, And } from "typeorm";
import { Family, SchoolClass, Staff, Student } from "../db";
import { Attendance, AttendanceAlert, AttendanceAlertAudience, type AudienceKind } from "./entities";

type Repos = DataSource | EntityManager;
export interface AlertKey {
  entryId: number;
  date: string;
  studentId: number;
}
export interface Audience {
  kind: AudienceKind;
  id: number;
}

/** Who is told of a child's alert among staff: the class's teacher and every active admin (ids, may repeat). */
export async function alertStaffOf(em: Repos, classId: number): Promise<number[]> {
  const cls = await em.getRepository(SchoolClass).findOneBy({ id: classId });
  const admins = await em.getRepository(Staff).find({ where: { role: "admin", active: true }, select: { id: true } });
  return [...(cls?.classTeacherId != null ? [cls.classTeacherId] : []), ...admins.map((a) => a.id)];
}

export const alertOf = (em: Repos, key: AlertKey): Promise<AttendanceAlert | null> =>
  em.getRepository(AttendanceAlert).findOneBy(key);

export async function saveAlert(em: Repos, alert: AttendanceAlert): Promise<void> {
  await em.getRepository(AttendanceAlert).save(alert);
}

export function createAlert(
  em: Repos,
  values: Omit<AttendanceAlert, "id" | "student" | "answer" | "answerNote" | "answeredAt" | "escalatedAt">,
): Promise<AttendanceAlert> {
  const repo = em.getRepository(AttendanceAlert);
  return repo.save(repo.create({ ...values, answer: null, answerNote: null, answeredAt: null, escalatedAt: null }));
}

/** Replaces nothing: adds the audience of an alert, none acknowledged yet. */
export async function addAudience(em: Repos, alertId: number, audience: Audience[]): Promise<void> {
  await em
    .getRepository(AttendanceAlertAudience)
    .insert(audience.map((a) => ({ alertId, audienceKind: a.kind, audienceId: a.id, acknowledgedAt: null })));
}

export async function clearAudience(em: Repos, alertId: number): Promise<void> {
  await em.getRepository(AttendanceAlertAudience).delete({ alertId });
}

/** The open alerts of some sessions on a date, oldest first. */
export function openAlertsOf(em: Repos, entryIds: number[], date: string): Promise<AttendanceAlert[]> {
  return em
    .getRepository(AttendanceAlert)
    .find({ where: { entryId: In(entryIds), date, state: "open" }, order: { id: "ASC" } });
}

export const studentsByIds = (em: Repos, ids: number[]): Promise<Student[]> =>
  em.getRepository(Student).findBy({ id: In(ids) });

/** Children with their class (for the alert list's names). */
export function studentsWithClass(ds: Repos, ids: number[]): Promise<Student[]> {
  return ds.getRepository(Student).find({ where: { id: In(ids) }, relations: { schoolClass: true } });
}

/** One person's copies of alerts (with the alert), open ones first, newest first, a page at a time, and how many there are. */
export function audienceRowsOf(
  ds: Repos,
  who: Audience,
  skip: number,
  take: number,
  onlyUnacknowledged: boolean,
): Promise<[AttendanceAlertAudience[], number]> {
  const qb = ds
    .getRepository(AttendanceAlertAudience)
    .createQueryBuilder("a")
    .innerJoinAndSelect("a.alert", "alert")
    .where("a.audienceKind = :kind AND a.audienceId = :id", { kind: who.kind, id: who.id });
  if (onlyUnacknowledged) qb.andWhere("a.acknowledgedAt IS NULL").andWhere("alert.state = :open", { open: "open" });
  return qb
    .orderBy("alert.state", "ASC")
    .addOrderBy("alert.updatedAt", "DESC")
    .addOrderBy("alert.id", "DESC")
    .skip(skip)
    .take(take)
    .getManyAndCount();
}

/** One person's copy of one alert, or null. */
export function audienceRow(em: Repos, alertId: number, who: Audience): Promise<AttendanceAlertAudience | null> {
  return em.getRepository(AttendanceAlertAudience).findOneBy({ alertId, audienceKind: who.kind, audienceId: who.id });
}

export async function saveAudienceRow(em: Repos, row: AttendanceAlertAudience): Promise<void> {
  await em.getRepository(AttendanceAlertAudience).save(row);
}

// The absence loop (issue 21): who to call, the teacher's note, the answer, the escalation.

/** The families of some children: the guardian's name and phone, for the staff's alert. */
export function familiesByIds(ds: Repos, ids: number[]): Promise<Family[]> {
  return ids.length ? ds.getRepository(Family).findBy({ id: In(ids) }) : Promise.resolve([]);
}

/** The register marks the alerts were raised from (their notes), matched by session, date and child. */
export async function marksOfAlerts(ds: Repos, alerts: AttendanceAlert[]): Promise<Attendance[]> {
  if (!alerts.length) return [];
  const rows = await ds.getRepository(Attendance).find({
    where: {
      entryId: In([...new Set(alerts.map((a) => a.entryId))]),
      date: In([...new Set(alerts.map((a) => a.date))]),
      studentId: In([...new Set(alerts.map((a) => a.studentId))]),
    },
  });
  return rows.filter((m) =>
    alerts.some((a) => a.entryId === m.entryId && a.date === m.date && a.studentId === m.studentId),
  );
}

export const alertById = (em: Repos, id: number): Promise<AttendanceAlert | null> =>
  em.getRepository(AttendanceAlert).findOneBy({ id });

/**
 * Open alerts raised between `floor` and `cutoff`, not yet escalated and not answered,
 * that no one has acknowledged: the escalation sweep's candidates, oldest first.
 */
export async function unacknowledgedAlerts(ds: Repos, floor: string, cutoff: string): Promise<AttendanceAlert[]> {
  const alerts = await ds.getRepository(AttendanceAlert).find({
    where: {
      state: "open",
      escalatedAt: IsNull(),
      answer: IsNull(),
      updatedAt: And(MoreThanOrEqual(floor), LessThanOrEqual(cutoff)),
    },
    order: { updatedAt: "ASC", id: "ASC" },
  });
  if (!alerts.length) return [];
  const acked = await ds
    .getRepository(AttendanceAlertAudience)
    .createQueryBuilder("a")
    .select("DISTINCT a.alertId", "alertId")
    .where("a.alertId IN (:...ids)", { ids: alerts.map((a) => a.id) })
    .andWhere("a.acknowledgedAt IS NOT NULL")
    .getRawMany<{ alertId: number | string }>();
  const seen = new Set(acked.map((r) => Number(r.alertId)));
  return alerts.filter((a) => !seen.has(a.id));
}

/**
 * Marks one alert escalated if it still may be: still open, unanswered, not escalated,
 * due, and acknowledged by nobody. The conditions are in the UPDATE itself, so of several
 * instances sweeping at once exactly one changes the row (and writes the notices), and an
 * acknowledgement that commits first wins.
 */
export async function markEscalated(em: EntityManager, id: number, at: string, cutoff: string): Promise<boolean> {
  const result = await em
    .createQueryBuilder()
    .update(AttendanceAlert)
    .set({ escalatedAt: at })
    .where(
      `id = :id AND state = 'open' AND "escalatedAt" IS NULL AND answer IS NULL AND "updatedAt" <= :cutoff
       AND NOT EXISTS (SELECT 1 FROM attendance_alert_audience x WHERE x."alertId" = :id AND x."acknowledgedAt" IS NOT NULL)`,
      { id, cutoff },
    )
    .execute();
  return (result.affected ?? 0) === 1;
}

/** The class's teacher to tell of a child's absence, unless they are an admin (the admins are told anyway). */
export async function classTeacherToTell(em: Repos, classId: number): Promise<number | null> {
  const cls = await em.getRepository(SchoolClass).findOneBy({ id: classId });
  if (cls?.classTeacherId == null) return null;
  const staff = await em.getRepository(Staff).findOneBy({ id: cls.classTeacherId });
  if (!staff?.active) return null;
  return staff.role === "admin" ? null : staff.id;
}

/** How many of a class's children a session's open alerts name on a date (the staff group's count). */
export function openAlertCount(em: Repos, entryId: number, date: string, classId: number): Promise<number> {
  return em
    .getRepository(AttendanceAlert)
    .createQueryBuilder("a")
    .innerJoin("a.student", "s")
    .where("a.entryId = :entryId AND a.date = :date AND a.state = :open AND s.classId = :classId", {
      entryId,
      date,
      open: "open",
      classId,
    })
    .getCount();
}
