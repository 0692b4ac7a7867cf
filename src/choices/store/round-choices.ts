// Export hook for the allocation service (src/allocation): one round's
// answers and offer, ready to turn into an allocation instance.
//
// Slots: when every club meets in one period, slots are weekday codes
// ("thu"); when clubs meet in different periods they are weekday-period ids
// ("thu-2", the period's 1-based position in the term's day). `slotMode`
// says which; clubs' and students' `slots` are already expanded accordingly.
import { type EntityManager, In } from "typeorm";
import { Period, ServiceEnrollment, Student } from "../../db";
import { ChoiceRound, Mechanism, Preference } from "../entities";
import { loadClubOffer } from "./club-offer";
import { cleanWeekdays, weekdayCode, type OfferedClub, type WeekdayCode } from "../core";

type Repos = Pick<EntityManager, "getRepository">;

export interface RoundChoiceStudent {
  studentId: number;
  studentNumber: string;
  grade: number;
  classId: number;
  familyId: number;
  /** Weekdays the child attends the service (ServiceEnrollment of the round's term). */
  weekdays: WeekdayCode[];
  slots: string[];
  /** Ranked, best first, as submitted. */
  clubIds: number[];
  maxClubs: number;
  placeWithSiblings: boolean;
  submittedAt: string;
  updatedAt: string;
  source: "family" | "staff";
}

export interface RoundChoiceClub {
  clubId: number;
  code: string;
  name: string;
  maxSize: number;
  minSize: number;
  grades: number[];
  cancelled: boolean;
  weekdays: WeekdayCode[];
  meetings: { weekday: WeekdayCode; periodId: number; periodNo: number }[];
  slots: string[];
}

export interface RoundChoices {
  round: {
    id: number;
    termId: number;
    name: string;
    mechanism: Mechanism;
    opensAt: string;
    closesAt: string;
    grades: number[];
    minChoices: number;
    maxChoices: number;
    maxClubsPerChild: number;
  };
  slotMode: "weekday" | "weekday-period";
  students: RoundChoiceStudent[];
  clubs: RoundChoiceClub[];
}

/**
 * The round's preferences and clubs, or null when the round does not exist.
 * Students: every non-archived child of the round's grades with a preference
 * that ranks at least one club (a family that opted out asks for nothing),
 * ordered by student id. Clubs: every club of the round's term, cancelled
 * ones included (flagged) so that every ranked id resolves.
 */
export async function loadRoundChoices(em: Repos, roundId: number): Promise<RoundChoices | null> {
  const round = await em.getRepository(ChoiceRound).findOneBy({ id: roundId });
  if (!round) return null;
  const [offer, periods, prefs] = await Promise.all([
    loadClubOffer(em, round.termId),
    em
      .getRepository(Period)
      .find({ where: { termId: round.termId }, order: { position: "ASC", startTime: "ASC", id: "ASC" } }),
    em.getRepository(Preference).find({ where: { roundId }, order: { studentId: "ASC" } }),
  ]);
  const ranked = prefs.filter((p) => p.clubIds.length > 0);
  const ids = ranked.map((p) => p.studentId);
  const [students, enrollments] = ids.length
    ? await Promise.all([
        em.getRepository(Student).find({ where: { id: In(ids), archived: false }, relations: { schoolClass: true } }),
        em.getRepository(ServiceEnrollment).find({ where: { termId: round.termId, studentId: In(ids) } }),
      ])
    : [[], []];
  const studentOf = new Map(students.map((s) => [s.id, s]));
  const daysOf = new Map(enrollments.map((e) => [e.studentId, cleanWeekdays(e.weekdays)]));
  const periodNos = periods.map((_, i) => i + 1);
  const slotMode =
    new Set(offer.flatMap((c) => c.meetings.map((m) => m.periodId))).size > 1 ? "weekday-period" : "weekday";
  const slot = (weekday: number, periodNo: number) =>
    slotMode === "weekday" ? weekdayCode(weekday) : `${weekdayCode(weekday)}-${periodNo}`;

  return {
    round: {
      id: round.id,
      termId: round.termId,
      name: round.name,
      mechanism: round.mechanism,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      grades: [...round.grades],
      minChoices: round.minChoices,
      maxChoices: round.maxChoices,
      maxClubsPerChild: round.maxClubsPerChild,
    },
    slotMode,
    students: ranked.flatMap((p) => {
      const s = studentOf.get(p.studentId);
      if (!s || !round.grades.includes(s.schoolClass.grade)) return [];
      const days = daysOf.get(p.studentId) ?? [];
      return [
        {
          studentId: s.id,
          studentNumber: s.studentNumber,
          grade: s.schoolClass.grade,
          classId: s.classId,
          familyId: s.familyId,
          weekdays: days.map(weekdayCode),
          slots: slotMode === "weekday" ? days.map(weekdayCode) : days.flatMap((d) => periodNos.map((n) => slot(d, n))),
          clubIds: [...p.clubIds],
          maxClubs: p.maxClubs,
          placeWithSiblings: p.placeWithSiblings,
          submittedAt: p.submittedAt,
          updatedAt: p.updatedAt,
          source: p.source,
        },
      ];
    }),
    clubs: offer.map((c: OfferedClub) => ({
      clubId: c.id,
      code: c.code,
      name: c.name,
      maxSize: c.maxSize,
      minSize: c.minSize,
      grades: [...c.grades],
      cancelled: c.cancelled,
      weekdays: [...new Set(c.meetings.map((m) => weekdayCode(m.weekday)))],
      meetings: c.meetings.map((m) => ({
        weekday: weekdayCode(m.weekday),
        periodId: m.periodId,
        periodNo: m.periodNo,
      })),
      slots: [...new Set(c.meetings.map((m) => slot(m.weekday, m.periodNo)))],
    })),
  };
}
