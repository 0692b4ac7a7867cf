// The admin home: a to-do list for today and this week. Each figure comes from
// its owner's index (choices, policy, timetable, clubs, attendance, allocation);
// the list itself is home/core's. Independent figures are asked at once.
import type { DataSource } from "typeorm";
import type { SessionUser } from "../http";
import { openRoundsProgress } from "../choices";
import { policyCounts } from "../policy";
import { draftStatus } from "../timetable";
import { clubSizeWarnings } from "../clubs";
import { absencesOn, homeAlerts } from "../attendance";
import { roundsAwaitingPublication } from "../allocation";
import { addDays, formatLocal, schoolToday, schoolZone, toLocalInput, weekStartOf } from "../kernel";
import { adminTodo, type AdminFigures } from "./core";
import { schoolCounts } from "./store";

export async function adminHome(ds: DataSource, user: SessionUser) {
  const [today, zone] = await Promise.all([schoolToday(ds), schoolZone(ds)]);
  const [rounds, policy, timetable, clubs, absences, alerts, awaitingRuns, counts] = await Promise.all([
    openRoundsProgress(ds),
    // The counts, not the whole run: under writes they may come from a run a few seconds old, and then say so.
    policyCounts(ds),
    draftStatus(ds),
    clubSizeWarnings(ds),
    absencesOn(ds, today),
    homeAlerts(ds, user),
    roundsAwaitingPublication(ds),
    schoolCounts(ds),
  ]);
  const figures: AdminFigures = {
    today,
    weekEnd: addDays(weekStartOf(today), 6),
    rounds: rounds.map((r) => ({
      ...r,
      closesDate: toLocalInput(r.closesAt, zone).slice(0, 10),
      closesLocal: formatLocal(r.closesAt, zone),
    })),
    policy: policy && {
      errors: policy.errors,
      warnings: policy.warnings,
      checkedAt: policy.checkedAt && toLocalInput(policy.checkedAt, zone).slice(11),
    },
    timetable: timetable && {
      changes: timetable.changes,
      clashes: timetable.clashes,
      entries: timetable.entries,
      published: timetable.publishedAt !== null,
    },
    clubs,
    absences,
    alerts: { open: alerts.total },
    awaitingRuns,
    // Failed notices (issue 21's outbox, src/notifications) join here: its owner's count, and an item in core/todo.ts.
  };
  const todo = adminTodo(figures);
  return {
    today,
    todo: { today: todo.filter((i) => i.when === "today"), week: todo.filter((i) => i.when === "week") },
    counts,
    attendanceAlerts: alerts,
  };
}
