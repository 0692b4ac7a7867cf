// The absence alerts' rows: the alert (one per child, session and date) and its
// audience (who must acknowledge it). alerts.ts decides; this reads and writes.
import { type DataSource, type EntityManager, In } from "typeorm";
import { SchoolClass, Staff, Student } from "../db";
import { AttendanceAlert, AttendanceAlertAudience, type AudienceKind } from "./entities";

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

export function createAlert(em: Repos, values: Omit<AttendanceAlert, "id" | "student">): Promise<AttendanceAlert> {
  const repo = em.getRepository(AttendanceAlert);
  return repo.save(repo.create(values));
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
