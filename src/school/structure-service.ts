// Periods and daily sport of a term. Each change is audit-logged.
import type { DataSource, EntityManager } from "typeorm";
import { type DailySport, type Period, type Term, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import { minutesOf } from "./form-helpers";
import { fieldError, FormError } from "../http";
import { overlappingPeriod } from "./core/period-rules";
import type { PeriodFormData, SportCell } from "./structure-forms";
import {
  deletePeriodRow,
  insertPeriod,
  insertSport,
  periodById,
  periodsOf,
  periodUses,
  setPeriodPosition,
  sportOf as sportRows,
  updatePeriodRow,
  updateSport,
} from "./store/structure";

export { periodById, periodsOf };

// Positions follow the clock, so every page lists periods in time order.
async function renumber(em: EntityManager, termId: number): Promise<void> {
  const periods = await periodsOf(em, termId);
  periods.sort((a, b) => minutesOf(a.startTime) - minutesOf(b.startTime) || a.id - b.id);
  for (const [position, p] of periods.entries())
    if (p.position !== position) await setPeriodPosition(em, p.id, position);
}

export async function savePeriod(
  ds: DataSource,
  term: Term,
  id: number | null,
  data: PeriodFormData,
  actor: Actor,
): Promise<void> {
  await inTransaction(ds, async (em) => {
    const others = await periodsOf(em, term.id);
    const clash = overlappingPeriod({ ...data, ...(id !== null && { id }) }, others);
    if (clash)
      throw fieldError("startTime", "school.period.overlaps", {
        name: clash.period.name,
        grade: clash.grade,
        start: clash.period.startTime,
        end: clash.period.endTime,
      });
    const row = { name: data.name, startTime: data.startTime, endTime: data.endTime, grades: data.grades };
    const saved =
      id === null
        ? await insertPeriod(em, { ...row, termId: term.id, position: others.length })
        : (await updatePeriodRow(em, id, term.id, row), { id });
    await renumber(em, term.id);
    await recordAudit(em, actor, {
      action: id === null ? "period.create" : "period.update",
      entity: "period",
      entityId: saved.id,
      details: { termId: term.id, ...row },
    });
  });
}

// A period the timetable still uses cannot go: its sessions would lose their time.
export async function deletePeriod(ds: DataSource, period: Period, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    const used = await periodUses(em, period.id);
    if (used)
      throw new FormError({ _form: { key: "school.period.inUse", params: { name: period.name, count: used } } });
    await deletePeriodRow(em, period.id);
    await recordAudit(em, actor, {
      action: "period.delete",
      entity: "period",
      entityId: period.id,
      details: { ...period },
    });
  });
}

export const sportOf = (ds: DataSource, termId: number): Promise<DailySport[]> => sportRows(ds, termId);

export async function saveSport(ds: DataSource, term: Term, cells: SportCell[], actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    const existing = new Map((await sportRows(em, term.id)).map((s) => [`${s.grade}-${s.weekday}`, s]));
    let changed = 0;
    for (const cell of cells) {
      const row = existing.get(`${cell.grade}-${cell.weekday}`);
      if (!row) await insertSport(em, term.id, cell);
      else if (row.peMinutes !== cell.peMinutes || row.breakMinutes !== cell.breakMinutes) {
        await updateSport(em, row.id, { peMinutes: cell.peMinutes, breakMinutes: cell.breakMinutes });
      } else continue;
      changed++;
    }
    await recordAudit(em, actor, { action: "sport.update", entity: "term", entityId: term.id, details: { changed } });
  });
}
