// The pure half of the kernel: dates, the school's zone, the school calendar.
export * from "./dates";
export * from "./zone";
export * from "./school-day";
export * from "./term-weeks";
export * from "./date-changes";
export { availableAt, windowOn, windowProblem, type HoursWindow, type StaffHours } from "./staff-hours";
