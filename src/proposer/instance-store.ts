// Reads what a proposal is built from, each fact from its owner: the draft
// week, its staff, venues and clubs (the timetable), the children's wishes
// (choices: the term's last round). The instance itself is built by the pure
// core (core/from-school.ts).
import type { DataSource, EntityManager } from "typeorm";
import { planningWeek, type PlanningWeek } from "../timetable";
import { slotKind } from "../timetable/core";
import { lastRoundChoices } from "../choices";
import { interestDemand } from "../interest";
import { defaultClubSlots, type SlotKey, type Wish } from "./core/from-school";

type Db = DataSource | EntityManager;

const DAYS = ["", "mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export interface Demand {
  /**
   * "round": the term's last round's rankings; "interest": no round yet, so the
   * latest interest survey's ticks (most wanted first, one club a child, as a
   * round's default); "none": neither, so no wishes.
   */
  source: "round" | "interest" | "none";
  roundId: number | null;
  roundName: string | null;
  wishes: Wish[];
}

/**
 * Where the children's wishes come from: the one place that chooses. The
 * term's last round; without one, the interest survey (意向调查); with neither,
 * nothing (the page says so).
 */
export async function chooseDemand(db: Db, termId: number): Promise<Demand> {
  const em = "manager" in db ? db.manager : db;
  const round = await lastRoundChoices(em, termId);
  if (!round) {
    const interest = await interestDemand(em, termId);
    if (!interest) return { source: "none", roundId: null, roundName: null, wishes: [] };
    return {
      source: "interest",
      roundId: null,
      roundName: null,
      wishes: interest.students.map((s) => ({
        studentNumber: s.studentNumber,
        grade: s.grade,
        familyId: s.familyId,
        weekdays: s.weekdays,
        clubIds: [...s.clubIds],
        maxClubs: 1,
      })),
    };
  }
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
