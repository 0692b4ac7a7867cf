// The pure half of attendance: the edit window's rule and a child's mark of the day.
export * from "./edit-window";
export * from "./day-mark";
export * from "./escalation";
