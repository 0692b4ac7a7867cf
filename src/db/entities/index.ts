// The entities every capability shares (students, staff, terms, the timetable…).
import { AuditEntry } from "./audit-entry";
import { Club } from "./club";
import { Family } from "./family";
import { HttpSession } from "./http-session";
import { LoginThrottle } from "./login-throttle";
import { SchoolClass } from "./school-class";
import { Setting } from "./setting";
import { Staff } from "./staff";
import { DailySport, Period, Venue } from "./structure";
import { Student } from "./student";
import { CalendarDay, Term } from "./term";
import { ServiceEnrollment, Timetable, TimetableEntry } from "./timetable";

export {
  AuditEntry,
  Club,
  Family,
  HttpSession,
  LoginThrottle,
  SchoolClass,
  Setting,
  Staff,
  DailySport,
  Period,
  Venue,
  Student,
  CalendarDay,
  Term,
  ServiceEnrollment,
  Timetable,
  TimetableEntry,
};

// The school's shared entities. The data source's full list is the app's
// (src/entities.ts): db/ imports no capability.
export const coreEntities = [
  AuditEntry,
  Club,
  Family,
  HttpSession,
  LoginThrottle,
  SchoolClass,
  Setting,
  Staff,
  DailySport,
  Period,
  Venue,
  Student,
  CalendarDay,
  Term,
  ServiceEnrollment,
  Timetable,
  TimetableEntry,
];
