// What the registers say of a child on a day, from the child's marks that day.
export type DayMark = "absent" | "excused" | null;

// A child marked absent in any session that day is absent; otherwise excused in one is on leave.
export function markOf(statuses: string[]): DayMark {
  return statuses.includes("absent") ? "absent" : statuses.includes("excused") ? "excused" : null;
}

// Away from the service that day: the registers say so, or the family asked leave
// (请假, asked or confirmed). Leave is known in the morning, long before any
// register is taken, and the class teacher plans the afternoon on this count.
export function isAway(mark: DayMark, onLeave: boolean): boolean {
  return mark !== null || onLeave;
}
