// The demo week, published: homework help in every class in period 1; in
// period 2 sport on the days a grade has no PE lesson, clubs on Thursday, and
// game / practice activities otherwise (the example week in the design notes).
// On Thursday each grade also has a supervised activity (自主活动/托管) beside its
// clubs: the place for the children enrolled that day who have no club, so their
// day runs to the end of the service like everyone else's.
import type { EntityManager } from "typeorm";
import { Club, Period, SchoolClass, Staff, Timetable, TimetableEntry, Venue } from "../src/db/entities";
import type { SessionKind } from "../src/db/entities/timetable";
import { nowIso } from "../src/db/entities/columns";
import { GRADE_NAMES } from "./demo-data";

// Days each grade gets a service sport session: those without a PE lesson.
export const SPORT_DAYS: Record<number, number[]> = { 1: [3], 2: [3], 3: [2, 5], 4: [2, 5], 5: [2, 5], 6: [2, 5] };
const SPORT_VENUES = ["东操场", "西操场", "田径场", "体育馆"];

export async function seedTimetable(em: EntityManager, termId: number, teachers: Staff[]): Promise<void> {
  const [p1, p2] = await em.getRepository(Period).find({ where: { termId }, order: { position: "ASC" } });
  const classes = await em.getRepository(SchoolClass).find({ order: { grade: "ASC", id: "ASC" } });
  const clubs = await em.getRepository(Club).find({ where: { termId }, order: { id: "ASC" } });
  const venues = new Map((await em.getRepository(Venue).find()).map((v) => [v.name, v.id]));
  const now = nowIso();
  const rows: Partial<TimetableEntry>[] = [];
  const add = (
    weekday: number,
    periodId: number,
    kind: SessionKind,
    title: string,
    grades: number[],
    extra: Partial<TimetableEntry>,
  ) =>
    rows.push({
      termId,
      weekday,
      periodId,
      kind,
      title,
      grades,
      classId: null,
      clubId: null,
      staffId: null,
      venueId: null,
      sequence: 0,
      updatedAt: now,
      ...extra,
    });

  for (let weekday = 1; weekday <= 5; weekday++) {
    // Homework help in the class's own room with its class teacher (作业不出校门).
    for (const c of classes)
      add(weekday, p1.id, "homework", `作业辅导 · ${c.name}`, [c.grade], { classId: c.id, staffId: c.classTeacherId });
    if (weekday === 4) {
      for (const club of clubs)
        add(weekday, p2.id, "club", club.name, club.grades, {
          clubId: club.id,
          staffId: club.staffId,
          venueId: club.venueId,
        });
      const leading = new Set(clubs.map((c) => c.staffId));
      const free = teachers.filter((s) => !leading.has(s.id));
      for (let grade = 1; grade <= 6; grade++) {
        add(weekday, p2.id, "activity", `${GRADE_NAMES[grade - 1]}自主活动（托管）`, [grade], {
          staffId: free[(grade - 1) % free.length].id,
        });
      }
      continue;
    }
    // Teachers take turns so nobody is in two places in one slot.
    let t = (weekday * 7) % teachers.length;
    let v = 0;
    for (let grade = 1; grade <= 6; grade++) {
      const staffId = teachers[t++ % teachers.length].id;
      if (SPORT_DAYS[grade].includes(weekday)) {
        add(weekday, p2.id, "sport", `${GRADE_NAMES[grade - 1]}体育活动`, [grade], {
          staffId,
          venueId: venues.get(SPORT_VENUES[v++])!,
        });
      } else {
        add(weekday, p2.id, "activity", `${GRADE_NAMES[grade - 1]}游戏与实践活动`, [grade], { staffId });
      }
    }
  }
  const saved = await em.getRepository(TimetableEntry).save(rows, { chunk: 100 });
  await em
    .getRepository(Timetable)
    .save({ termId, publishedAt: now, published: saved.map((e) => ({ ...e })), updatedAt: now });
}
