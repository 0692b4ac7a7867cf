// Club report (社团): how full each club is, who waits, whether children come,
// and how well the allocation met families' ranked choices.
import { rate, Rate } from "./rate";
import { attendanceFigure, type SessionAttendance } from "./register-attendance";

export interface ClubInput {
  id: string;
  name: string;
  maxSize: number;
}
/** The published Allocation result (see the allocation contract in design.md). */
export interface AllocationInput {
  assignments: Record<string, string[]>;
  waitlists: Record<string, string[]>;
  metrics: { placements: number; rankCounts: number[] };
}

export interface ClubReportInput {
  clubs: ClubInput[];
  allocation: AllocationInput;
  /** The club sessions that happened, with their registers (see register-attendance.ts). */
  attendance: SessionAttendance[];
  /** Each child's ranked list as submitted; when given, each club gets its own rank profile. */
  choices?: Record<string, string[]>;
}

export interface RankShare {
  rank: number;
  count: number;
  share: Rate;
}
/** Placements at 1st, 2nd … choice; `unranked` holds pinned placements that were not on the child's list. */
export interface RankProfile {
  placements: number;
  ranks: RankShare[];
  unranked: { count: number; share: Rate };
}

export interface ClubRow {
  clubId: string;
  name: string;
  members: number;
  maxSize: number;
  fill: Rate;
  waitlist: number;
  /** Attended ÷ expected members over the club's sessions with a register. */
  attendance: Rate;
  /** Registers taken of the club's sessions that happened, as "taken/held". */
  registers: string;
  rankProfile?: RankProfile;
}
export interface ClubReport {
  clubs: ClubRow[];
  rankProfile: RankProfile;
}

// The share of placements at each choice shows whether families got what they asked for.
export function rankProfile(placements: number, rankCounts: number[]): RankProfile {
  const ranked = rankCounts.reduce((a, b) => a + b, 0);
  return {
    placements,
    ranks: rankCounts.map((count, i) => ({ rank: i + 1, count, share: rate(count, placements) })),
    unranked: { count: placements - ranked, share: rate(placements - ranked, placements) },
  };
}

// Fill rate: members over seats; a club with no seats has no figure.
export function fillRate(members: number, maxSize: number): Rate {
  return rate(members, maxSize);
}

function clubAttendance(rows: SessionAttendance[]): { attendance: Rate; registers: string } {
  const f = attendanceFigure(rows);
  return { attendance: f.rate, registers: `${f.registers}/${f.sessions}` };
}

function membersByClub(assignments: Record<string, string[]>): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const [studentId, clubIds] of Object.entries(assignments)) {
    for (const clubId of new Set(clubIds)) members.set(clubId, [...(members.get(clubId) ?? []), studentId]);
  }
  return members;
}

// A club's own profile: at which place on their lists its members had put it.
function clubRankProfile(clubId: string, members: string[], choices: Record<string, string[]>): RankProfile {
  const counts: number[] = [];
  for (const studentId of members) {
    const rank = (choices[studentId] ?? []).indexOf(clubId);
    if (rank < 0) continue;
    while (counts.length <= rank) counts.push(0);
    counts[rank]++;
  }
  return rankProfile(members.length, counts);
}

export function clubReport(input: ClubReportInput): ClubReport {
  const members = membersByClub(input.allocation.assignments);
  const clubs = input.clubs.map((club): ClubRow => {
    const ids = members.get(club.id) ?? [];
    return {
      clubId: club.id,
      name: club.name,
      members: ids.length,
      maxSize: club.maxSize,
      fill: fillRate(ids.length, club.maxSize),
      waitlist: input.allocation.waitlists[club.id]?.length ?? 0,
      ...clubAttendance(input.attendance.filter((r) => r.clubId === club.id)),
      ...(input.choices ? { rankProfile: clubRankProfile(club.id, ids, input.choices) } : {}),
    };
  });
  const { placements, rankCounts } = input.allocation.metrics;
  return { clubs, rankProfile: rankProfile(placements, rankCounts) };
}
