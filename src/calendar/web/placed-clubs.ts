// The clubs a child has been placed in by the published allocation.
import type { DataSource } from "typeorm";

/**
 * Hook for the allocation capability: the ids of the clubs `studentId` is
 * placed in this term. Until allocations are stored it returns [], so a
 * child's feed carries no club meetings yet.
 *
 * When it starts reading allocations, add the published allocation's stamp
 * (e.g. its publishedAt) to the context query in context-query.ts, or cached
 * feeds will not notice a new allocation.
 */
export async function placedClubIds(_ds: DataSource, _studentId: number): Promise<number[]> {
  return [];
}
