// Clubs whose size needs the admin (the admin home's to-do list): over-full
// ones (the capacity guard's flag) and running ones under their minimum today.
import type { DataSource } from "typeorm";
import { currentTerm } from "../db";
import { dateInTerm, memberCountsOn } from "../membership";
import { schoolToday } from "../kernel";
import { overFullClubs } from "./capacity";
import { clubsOfTerm } from "./store";

export interface ClubSize {
  id: number;
  name: string;
  members: number;
  minSize: number;
  maxSize: number;
}

export async function clubSizeWarnings(ds: DataSource): Promise<{ overFull: ClubSize[]; underMin: ClubSize[] }> {
  const term = await currentTerm(ds);
  if (!term) return { overFull: [], underMin: [] };
  const clubs = (await clubsOfTerm(ds, term.id)).filter((c) => !c.cancelled);
  const date = dateInTerm(await schoolToday(ds), term.startDate, term.endDate);
  const [over, counts] = await Promise.all([overFullClubs(ds, term, clubs), memberCountsOn(ds, term.id, date)]);
  const size = (c: (typeof clubs)[number], members: number): ClubSize => ({
    id: c.id,
    name: c.name,
    members,
    minSize: c.minSize,
    maxSize: c.maxSize,
  });
  // Before any allocation is published every club is empty: that is not yet a club under its minimum.
  const anyMembers = [...counts.values()].some((n) => n > 0);
  return {
    overFull: clubs.filter((c) => over.has(c.id)).map((c) => size(c, over.get(c.id)!.count)),
    underMin: anyMembers
      ? clubs
          .filter((c) => c.minSize > 0 && (counts.get(c.id) ?? 0) < c.minSize)
          .map((c) => size(c, counts.get(c.id) ?? 0))
      : [],
  };
}
