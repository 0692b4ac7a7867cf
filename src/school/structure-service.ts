// Periods and daily sport of a term. Each change is audit-logged.
import type { DataSource, EntityManager } from "typeorm";
import { DailySport, Period, Term, TimetableEntry, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit/audit-service";
import { minutesOf } from "./form-helpers";
import { fieldError, FormError } from "../http";
import { overlappingPeriod } from "./core/period-rules";
import type { PeriodFormData, SportCell } from "./structure-forms";

export const periodsOf = (ds: DataSource | EntityManager, termId: number): Promise<Period[]> =>
  ds.getRepository(Period).find({ where: { termId }, order: { position: "ASC", startTime: "ASC" } });

// Positions follow the clock, so every page lists periods in time order.
async function renumber(em: EntityManager, termId: number): Promise<void> {
  const periods = await periodsOf(em, termId);
  periods.sort((a, b) => minutesOf(a.startTime) - minutesOf(b.startTime) || a.id - b.id);
  for (const [position, p] of periods.entries()) if (p.position !== position) await em.getRepository(Period).update({ id: p.id }, { position });
}

export async function savePeriod(ds: DataSource, term: Term, id: number | null, data: PeriodFormData, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    const others = await periodsOf(em, term.id);
    const clash = overlappingPeriod({ ...data, ...(id !== null && { id }) }, others);
    if (clash) throw fieldError("startTime", "school.period.overlaps", { name: clash.period.name, grade: clash.grade, start: clash.period.startTime, end: clash.period.endTime });
    const row = { name: data.name, startTime: data.startTime, endTime: data.endTime, grades: data.grades };
    const saved = id === null
      ? await em.getRepository(Period).save({ ...row, termId: term.id, position: others.length })
      : (await em.getRepository(Period).update({ id, termId: term.id }, row), { id });
    await renumber(em, term.id);
    await recordAudit(em, actor, { action: id === null ? "period.create" : "period.update", entity: "period", entityId: saved.id, details: { termId: term.id, ...row } });
  });
}

// A period the timetable still uses cannot go: its sessions would lose their time.
export async function deletePeriod(ds: DataSource, period: Period, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    const used = await em.getRepository(TimetableEntry).countBy({ periodId: period.id });
    if (used) throw new FormError({ _form: { key: "school.period.inUse", params: { name: period.name, count: used } } });
    await em.getRepository(Period).delete({ id: period.id });
    await recordAudit(em, actor, { action: "period.delete", entity: "period", entityId: period.id, details: { ...period } });
  });
}

export const sportOf = (ds: DataSource, termId: number): Promise<DailySport[]> => ds.getRepository(DailySport).findBy({ termId });

export async function saveSport(ds: DataSource, term: Term, cells: SportCell[], actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    const repo = em.getRepository(DailySport);
    const existing = new Map((await repo.findBy({ termId: term.id })).map((s) => [`${s.grade}-${s.weekday}`, s]));
    let changed = 0;
    for (const cell of cells) {
      const row = existing.get(`${cell.grade}-${cell.weekday}`);
      if (!row) await repo.insert({ termId: term.id, ...cell });
      else if (row.peMinutes !== cell.peMinutes || row.breakMinutes !== cell.breakMinutes) {
        await repo.update({ id: row.id }, { peMinutes: cell.peMinutes, breakMinutes: cell.breakMinutes });
      } else continue;
      changed++;
    }
    await recordAudit(em, actor, { action: "sport.update", entity: "term", entityId: term.id, details: { changed } });
  });
}
