// The kernel: the school clock and time zone, and the school calendar
// (schoolDay: school, holiday, exam, event, make-up following weekday N,
// weekend). The only place that knows them; every capability asks here.
export * from "./core";
export { setSchoolClock, schoolNow, schoolToday } from "./clock";
export { calendarEntries, currentSchoolCalendar, schoolCalendar, schoolZone } from "./store";
export { currentTermCalendar, type CurrentTermCalendar } from "./term-calendar";
// Per-date changes to the week: cancelled sessions and days, cover (代课). Read by the
// timetable's sessionsOn; written through these store functions by the timetable's date-changes service.
export {
  SessionCancellation,
  SessionCover,
  dateChangeEntities,
  dateChangeById,
  dateChangesOn,
  termDateChanges,
  dateChangesSql,
  type DateChangeKind,
  type DateChangeRow,
} from "./store";
export { dayCancellationsOn, deleteDateChange, insertCancellation, insertCover, periodsById, staffById } from "./store";
