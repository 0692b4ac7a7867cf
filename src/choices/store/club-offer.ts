// What a round offers: the term's clubs with the meetings families can see.
// A club meets on the weekdays of its rows in the PUBLISHED timetable
// (Timetable.published), never the admin's draft, so families rank what runs.
import { type EntityManager, In } from "typeorm";
import { Club, Period, Staff, Venue, keptRead } from "../../db";
import { publishedOf } from "../../timetable";
import type { ClubMeeting, OfferedClub } from "../core";

type Repos = Pick<EntityManager, "getRepository">;

const int = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

// The club slots of the published timetable, as the timetable reads it (a bad row is left out
// there, for every reader alike); one meeting per club, weekday and period.
async function publishedClubSlots(
  em: Repos,
  termId: number,
): Promise<{ clubId: number; weekday: number; periodId: number }[]> {
  const seen = new Set<string>();
  return (await publishedOf(em, termId)).rows.flatMap((r) => {
    const key = `${r.clubId}|${r.weekday}|${r.periodId}`;
    if (r.clubId === null || seen.has(key)) return [];
    seen.add(key);
    return [{ clubId: r.clubId, weekday: r.weekday, periodId: r.periodId }];
  });
}

/** The term's clubs as families see them (kept until the next write: callers must not change them). */
export function loadClubOffer(em: Repos, termId: number): Promise<OfferedClub[]> {
  return keptRead(em, `clubOffer|${termId}`, () => readClubOffer(em, termId));
}

async function readClubOffer(em: Repos, termId: number): Promise<OfferedClub[]> {
  // One query after another: inside a transaction they share one connection.
  const clubs = await em.getRepository(Club).find({ where: { termId }, order: { name: "ASC", id: "ASC" } });
  const periods = await em
    .getRepository(Period)
    .find({ where: { termId }, order: { position: "ASC", startTime: "ASC", id: "ASC" } });
  const staffIds = [...new Set(clubs.map((c) => c.staffId).filter(int))];
  const venueIds = [...new Set(clubs.map((c) => c.venueId).filter(int))];
  const staff = staffIds.length
    ? await em.getRepository(Staff).find({ select: { id: true, name: true }, where: { id: In(staffIds) } })
    : [];
  const venues = venueIds.length
    ? await em.getRepository(Venue).find({ select: { id: true, name: true }, where: { id: In(venueIds) } })
    : [];
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const venueName = new Map(venues.map((v) => [v.id, v.name]));
  const periodOf = new Map(periods.map((p, i) => [p.id, { p, no: i + 1 }]));
  const meetings = new Map<number, ClubMeeting[]>();
  const slots = await publishedClubSlots(em, termId);
  for (const s of slots) {
    const period = periodOf.get(s.periodId);
    if (!period) continue;
    const list = meetings.get(s.clubId) ?? [];
    list.push({
      weekday: s.weekday,
      periodId: s.periodId,
      periodNo: period.no,
      startTime: period.p.startTime,
      endTime: period.p.endTime,
    });
    meetings.set(s.clubId, list);
  }
  return clubs.map((c) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    category: c.category,
    description: c.description,
    grades: [...c.grades],
    minSize: c.minSize,
    maxSize: c.maxSize,
    cancelled: c.cancelled,
    staffName: c.staffId == null ? null : (staffName.get(c.staffId) ?? null),
    venueName: c.venueId == null ? null : (venueName.get(c.venueId) ?? null),
    meetings: (meetings.get(c.id) ?? []).sort((a, b) => a.weekday - b.weekday || a.periodNo - b.periodNo),
  }));
}
