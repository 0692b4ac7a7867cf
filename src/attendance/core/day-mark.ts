// What the registers say of a child on a day, from the child's marks that day.
export type DayMark = "absent" | "excused" | null;

// A child marked absent in any session that day is absent; otherwise excused in one is on leave.
export function markOf(statuses: string[]): DayMark {
  return statuses.includes("absent") ? "absent" : statuses.includes("excused") ? "excused" : null;
}
