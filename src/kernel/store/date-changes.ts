// The only reader of the per-date changes to the week. The timetable's
// sessionsOn asks for one date's changes on every register, dismissal list and
// home page, so they are a kept read (db/kept-reads): kept until the database
// changes, which any new or removed change does.
import type { DataSource, EntityManager } from "typeorm";
import { Period, Staff, keptRead } from "../../db";
import { SessionCancellation, SessionCover } from "./date-change-entities";
import type { CancellationFact, CoverFact, DateChangeFacts } from "../core/date-changes";
import type { IsoDate } from "../core/dates";

type Repos = Pick<EntityManager, "getRepository"> | DataSource;

const cancellationFact = (c: SessionCancellation): CancellationFact => ({
  id: c.id,
  date: c.date,
  entryId: c.entryId,
  grade: c.grade,
  reason: c.reason,
  note: c.note,
});
const coverFact = (c: SessionCover): CoverFact => ({ id: c.id, date: c.date, entryId: c.entryId, staffId: c.staffId });

/** A term's changes on one date (kept values are shared: frozen). */
export function dateChangesOn(em: Repos, termId: number, date: IsoDate): Promise<DateChangeFacts> {
  return keptRead(em, `date-changes|${termId}|${date}`, async () => {
    const [cancellations, covers] = [
      await em.getRepository(SessionCancellation).find({ where: { termId, date }, order: { id: "ASC" } }),
      await em.getRepository(SessionCover).find({ where: { termId, date }, order: { id: "ASC" } }),
    ];
    return Object.freeze({
      cancellations: Object.freeze(cancellations.map(cancellationFact)),
      covers: Object.freeze(covers.map(coverFact)),
    });
  });
}

export type DateChangeKind = "cancel" | "cover";
export interface DateChangeRow {
  kind: DateChangeKind;
  id: number;
  date: IsoDate;
  entryId: number | null;
  grade: number | null;
  reason: string | null;
  note: string | null;
  staffId: number | null;
  createdAt: string;
}

/** A term's changes, newest date first, a page at a time (the admin's list). */
export async function termDateChanges(
  em: Repos,
  termId: number,
  skip: number,
  take: number,
): Promise<{ rows: DateChangeRow[]; total: number }> {
  // Two small tables of one term: merged here, so the page order spans both.
  const [cancellations, covers] = [
    await em.getRepository(SessionCancellation).find({ where: { termId } }),
    await em.getRepository(SessionCover).find({ where: { termId } }),
  ];
  const rows: DateChangeRow[] = [
    ...cancellations.map((c) => ({
      kind: "cancel" as const,
      id: c.id,
      date: c.date,
      entryId: c.entryId,
      grade: c.grade,
      reason: c.reason,
      note: c.note,
      staffId: null,
      createdAt: c.createdAt,
    })),
    ...covers.map((c) => ({
      kind: "cover" as const,
      id: c.id,
      date: c.date,
      entryId: c.entryId,
      grade: null,
      reason: null,
      note: null,
      staffId: c.staffId,
      createdAt: c.createdAt,
    })),
  ].sort((a, b) => b.date.localeCompare(a.date) || a.kind.localeCompare(b.kind) || a.id - b.id);
  return { rows: rows.slice(skip, skip + take), total: rows.length };
}

/** One change by kind and id (the remove confirm page), or null. */
export async function dateChangeById(em: Repos, kind: DateChangeKind, id: number): Promise<DateChangeRow | null> {
  if (kind === "cancel") {
    const c = await em.getRepository(SessionCancellation).findOneBy({ id });
    return (
      c && {
        kind,
        id: c.id,
        date: c.date,
        entryId: c.entryId,
        grade: c.grade,
        reason: c.reason,
        note: c.note,
        staffId: null,
        createdAt: c.createdAt,
      }
    );
  }
  const c = await em.getRepository(SessionCover).findOneBy({ id });
  return (
    c && {
      kind,
      id: c.id,
      date: c.date,
      entryId: c.entryId,
      grade: null,
      reason: null,
      note: null,
      staffId: c.staffId,
      createdAt: c.createdAt,
    }
  );
}

// Writes (date-changes-service.ts calls them inside its transaction).

/** A term's whole-day cancellations (no entry) on one date. */
export async function dayCancellationsOn(em: Repos, termId: number, date: IsoDate): Promise<CancellationFact[]> {
  const rows = await em.getRepository(SessionCancellation).find({ where: { termId, date } });
  return rows.filter((c) => c.entryId === null).map(cancellationFact);
}

export async function insertCancellation(
  em: Repos,
  values: Omit<SessionCancellation, "id" | "term">,
): Promise<SessionCancellation> {
  const repo = em.getRepository(SessionCancellation);
  return repo.save(repo.create(values));
}

export async function insertCover(
  em: Repos,
  values: Omit<SessionCover, "id" | "term" | "staff">,
): Promise<SessionCover> {
  const repo = em.getRepository(SessionCover);
  return repo.save(repo.create(values));
}

/** Deletes one change; the row as it was (without its relations), or null when there is no such change. */
export async function deleteDateChange(
  em: Repos,
  kind: DateChangeKind,
  id: number,
): Promise<Record<string, unknown> | null> {
  const repo = kind === "cancel" ? em.getRepository(SessionCancellation) : em.getRepository(SessionCover);
  const row = await repo.findOneBy({ id });
  if (!row) return null;
  await repo.delete({ id });
  const { term: _term, ...fields } = row as unknown as Record<string, unknown>;
  return fields;
}

/** A term's periods by id (a cover's clash check; read inside the change's transaction). */
export async function periodsById(em: Repos, termId: number): Promise<Map<number, Period>> {
  return new Map((await em.getRepository(Period).findBy({ termId })).map((p) => [p.id, p]));
}

/** One staff member (a cover's teacher), or null. */
export function staffById(em: Repos, id: number): Promise<Staff | null> {
  return em.getRepository(Staff).findOneBy({ id });
}
