// Everything the weekly grid and its clash checks need about the current
// term, loaded in one place so the editor, the publisher and the clubs pages
// read the same picture.
import type { EntityManager } from "typeorm";
import { Club, Period, SchoolClass, Staff, Student, Term, Timetable, TimetableEntry, Venue, keptRead } from "../../db";

export interface Week {
  term: Term;
  periods: Period[];
  entries: TimetableEntry[];
  staff: Staff[];
  venues: Venue[];
  clubs: Club[];
  classes: SchoolClass[];
  /** Children per class (not archived): the most a class-bound session can hold. */
  classSizes: Map<number, number>;
  timetable: Timetable | null;
}

// Only one term is current (Term.current): the one the admin plans.
export { currentTerm } from "../../db";

/** The term's week; outside a transaction kept until the next write (callers must not change it). */
export function loadWeek(em: EntityManager, term: Term): Promise<Week> {
  return keptRead(em, `week|${term.id}`, () => readWeek(em, term));
}

async function readWeek(em: EntityManager, term: Term): Promise<Week> {
  // One query after another: inside a transaction all share one connection,
  // and PostgreSQL's client must not be sent a query while it runs another.
  const periods = await em
    .getRepository(Period)
    .find({ where: { termId: term.id }, order: { position: "ASC", startTime: "ASC", id: "ASC" } });
  const entries = await em
    .getRepository(TimetableEntry)
    .find({ where: { termId: term.id }, order: { weekday: "ASC", periodId: "ASC", id: "ASC" } });
  const staff = await em.getRepository(Staff).find({ order: { staffNumber: "ASC" } });
  const venues = await em.getRepository(Venue).find({ order: { name: "ASC" } });
  const clubs = await em.getRepository(Club).find({ where: { termId: term.id }, order: { id: "ASC" } });
  const classes = await em
    .getRepository(SchoolClass)
    .find({ where: { archived: false }, order: { grade: "ASC", id: "ASC" } });
  const sizes = await em
    .getRepository(Student)
    .createQueryBuilder("s")
    .select("s.classId", "classId")
    .addSelect("COUNT(*)", "n")
    .where("s.archived = :archived", { archived: false })
    .groupBy("s.classId")
    .getRawMany<{ classId: number; n: string | number }>();
  const timetable = await em.getRepository(Timetable).findOneBy({ termId: term.id });
  const classSizes = new Map(sizes.map((r) => [Number(r.classId), Number(r.n)]));
  return { term, periods, entries, staff, venues, clubs, classes, classSizes, timetable };
}

// Display names for ids, shared by the grid chips and the clash messages.
export interface Names {
  staff: Map<number, string>;
  venues: Map<number, string>;
  clubs: Map<number, string>;
  classes: Map<number, string>;
  periods: Map<number, string>;
}

export function namesOf(week: Pick<Week, "staff" | "venues" | "clubs" | "classes" | "periods">): Names {
  return {
    staff: new Map(week.staff.map((s) => [s.id, s.name])),
    venues: new Map(week.venues.map((v) => [v.id, v.name])),
    clubs: new Map(week.clubs.map((c) => [c.id, c.name])),
    classes: new Map(week.classes.map((c) => [c.id, c.name])),
    periods: new Map(week.periods.map((p) => [p.id, p.name])),
  };
}
