import { ClashContext, Placement } from "../../../../src/timetable/core/clashes";

// A placement with sensible defaults: Thursday period 2, grade 3, a club.
export function placement(entryId: string, over: Partial<Placement> = {}): Placement {
  return { entryId, weekday: 4, periodId: "p2", kind: "club", grades: [3], ...over };
}

export const homework = (entryId: string, over: Partial<Placement> = {}) =>
  placement(entryId, { kind: "homework", ...over });

// A school where everyone is available and every grade has service Mon–Fri.
export function context(over: Partial<ClashContext> = {}): ClashContext {
  return {
    venues: [
      { id: "music", capacity: 30 },
      { id: "gym", capacity: 60 },
    ],
    staff: [
      { id: "T1", availableWeekdays: [1, 2, 3, 4, 5] },
      { id: "T2", availableWeekdays: [1, 2, 3, 4, 5] },
    ],
    clubs: [
      { id: "choir", maxSize: 30 },
      { id: "chess", maxSize: 20 },
    ],
    serviceDays: [1, 2, 3, 4, 5, 6].map((grade) => ({ grade, weekdays: [1, 2, 3, 4, 5] })),
    ...over,
  };
}
