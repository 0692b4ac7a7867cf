// Reads what a proposal is built from, each fact from its owner: the draft
// week, its staff, venues and clubs (the timetable), the children's wishes
// (choices: the term's last round). The instance itself is built by the pure
// core (core/from-school.ts).
import type { DataSource, EntityManager } from "typeorm";
import { planningWeek, type PlanningWeek } from "../timetable";
import { slotKind } from "../timetable/core";
import { lastRoundChoices } from "../choices";
import { defaultClubSlots, type SlotKey, type Wish } from "./core/from-school";

type Db = DataSource | EntityManager;

const DAYS = ["", "mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export interface Demand {
  /** "round": the term's last round's rankings; "none": the term has no round yet, so no wishes. */
  source: "round" | "none";
  roundId: number | null;
  roundName: string | null;
  wishes: Wish[];
}

/**
 * Where the children's wishes come from: the one place that chooses. Today the
 * term's last round; with none, nothing (the page says so). The interest survey
 * (意向调查, src/interest: interestDemand(db, termId)) is meant to answer here
 * when the term has no round.
 */
export async function chooseDemand(db: Db, termId: number): Promise<Demand> {
  const em = "manager" in db ? db.manager : db;
  const round = await lastRoundChoices(em, termId);
  if (!round) return { source: "none", roundId: null, roundName: null, wishes: [] };
  return {
    source: "round",
    roundId: round.round.id,
    roundName: round.round.name,
    wishes: round.students.map((s) => ({
      studentNumber: s.studentNumber,
      grade: s.grade,
      familyId: s.familyId,
      weekdays: s.weekdays.map((d) => DAYS.indexOf(d)).filter((d) => d > 0),
      clubIds: [...s.clubIds],
      maxClubs: s.maxClubs,
    })),
  };
}

export { planningWeek, type PlanningWeek };

/** The slots that may hold clubs unless the admin says otherwise: those the draft mostly fills with clubs. */
export function defaultSlots(week: PlanningWeek): SlotKey[] {
  return defaultClubSlots(week.periods, (weekday, periodId) => slotKind(week.entries, weekday, periodId));
}

/** The clubs placed unless the admin says otherwise: every club of the term that is not cancelled. */
export function defaultClubIds(week: PlanningWeek): number[] {
  return week.clubs.filter((c) => !c.cancelled).map((c) => c.id);
}
