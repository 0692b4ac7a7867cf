// Every entity the data source knows; migrations are generated from these.
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
import { feedEntities } from "../../calendar/web/entities";
import { choiceEntities } from "../../choices/entities";
import { assignmentEntities } from "../../assignment/web/entities";
import { homeworkEntities } from "../../homework/entities";
import { attendanceEntities } from "../../attendance/entities";
import { surveyEntities } from "../../reports/web/entities";
import { schoolEntities } from "../../school/entities";
import { membershipEntities } from "../../membership/entity";
import { dateChangeEntities } from "../../kernel/date-change-entities";

export { AuditEntry, Club, Family, HttpSession, LoginThrottle, SchoolClass, Setting, Staff, DailySport, Period, Venue, Student, CalendarDay, Term, ServiceEnrollment, Timetable, TimetableEntry };

// Each capability registers its own entities in its own file (one line each here).
export const entities = [AuditEntry, Club, Family, HttpSession, LoginThrottle, SchoolClass, Setting, Staff, DailySport, Period, Venue, Student, CalendarDay, Term, ServiceEnrollment, Timetable, TimetableEntry,
  ...feedEntities, ...choiceEntities, ...assignmentEntities, ...homeworkEntities, ...attendanceEntities, ...surveyEntities, ...schoolEntities, ...membershipEntities, ...dateChangeEntities];
