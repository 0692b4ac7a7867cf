// The rank profile's counts from the published allocation: a placement's rank is
// the club's place on the child's list; a pinned club not on it has none.
export function rankCounts(assignments: Record<string, string[]>, choices: Record<string, string[]>): number[] {
  const counts: number[] = [];
  for (const [studentId, clubs] of Object.entries(assignments)) {
    for (const club of clubs) {
      const rank = (choices[studentId] ?? []).indexOf(club);
      if (rank < 0) continue;
      while (counts.length <= rank) counts.push(0);
      counts[rank]++;
    }
  }
  return counts;
}
