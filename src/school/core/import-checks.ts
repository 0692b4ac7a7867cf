// Checks the import core cannot make because they need more than names: a
// class in another grade, a leaver's number, an email another person uses, an
// external instructor without vetting, a club category we do not know, a
// club's capacity lowered below its members. Pure.
import type { ClubRow } from "./import/clubs";
import { matchKey } from "./import/spec";
import type { StaffRow } from "./import/staff";
import type { StudentRow } from "./import/students";
import type { ImportedRow } from "./import/validate-import";

/** A problem to show on the error page: the spreadsheet line, the field, and an i18n key. */
export interface RowProblem {
  line: number;
  field: string;
  key: string;
  params: Record<string, string | number>;
}

export interface ClassRef {
  id: number;
  grade: number;
  name: string;
}

// Class names repeat across grades only by accident; the row's grade decides.
export function classFor(classes: ClassRef[], grade: number, name: string): ClassRef | undefined {
  return classes.find((c) => c.grade === grade && matchKey(c.name) === matchKey(name));
}

// A child listed in grade 3 but put in a class of grade 4 is a typo in one of the two.
export function gradeMismatches(rows: ImportedRow<StudentRow>[], classes: ClassRef[]): RowProblem[] {
  return rows.flatMap((row) => {
    if (classFor(classes, row.grade, row.className)) return [];
    const other = classes.find((c) => matchKey(c.name) === matchKey(row.className));
    return other
      ? [
          {
            line: row.line,
            field: "className",
            key: "school.import.error.gradeMismatch",
            params: { value: row.className, classGrade: other.grade, grade: row.grade },
          },
        ]
      : [];
  });
}

// A leaver's record is archived; an import must not quietly bring it back.
export function archivedStudents(rows: ImportedRow<StudentRow>[], archived: Set<string>): RowProblem[] {
  return rows
    .filter((row) => archived.has(matchKey(row.studentNumber)))
    .map((row) => ({
      line: row.line,
      field: "studentNumber",
      key: "school.import.error.archivedStudent",
      params: { value: row.studentNumber },
    }));
}

// Staff log in by email, so one address belongs to one person.
export function emailsTaken(rows: ImportedRow<StaffRow>[], owners: Map<string, string>): RowProblem[] {
  return rows.flatMap((row) => {
    const owner = row.email ? owners.get(row.email.toLowerCase()) : undefined;
    return owner !== undefined && matchKey(owner) !== matchKey(row.staffNumber)
      ? [
          {
            line: row.line,
            field: "email",
            key: "school.import.error.emailTaken",
            params: { value: row.email!, owner },
          },
        ]
      : [];
  });
}

// External instructors teach only once vetted (the same rule as the staff form).
export function unvettedExternals(rows: ImportedRow<StaffRow>[], vetted: Map<string, string | null>): RowProblem[] {
  return rows
    .filter((row) => row.kind === "external" && !row.vettedOn && !vetted.get(matchKey(row.staffNumber)))
    .map((row) => ({ line: row.line, field: "vettedOn", key: "school.import.error.vettingRequired", params: {} }));
}

// One list of words per club category (the keys are CLUB_CATEGORIES of the club entity).
const CATEGORY_WORDS: Record<string, string[]> = {
  arts: ["arts", "art", "艺术", "文艺", "音乐", "美术", "舞蹈", "music"],
  sports: ["sports", "sport", "体育", "运动", "pe"],
  science: ["science", "科学", "科技", "创客", "stem", "tech"],
  language: ["language", "语言", "阅读", "语文", "英语", "文学", "reading", "literacy"],
  crafts: ["crafts", "craft", "手工", "劳动", "工艺", "handicraft"],
  thinking: ["thinking", "思维", "益智", "棋类", "逻辑", "logic", "puzzle"],
};

// Clubs are grouped by a fixed set of categories; schools write them in Chinese or English.
export function clubCategory(raw: string): string | null {
  const word = raw.normalize("NFKC").toLowerCase().replace(/\s+/g, "").replace(/类$/, "");
  return Object.keys(CATEGORY_WORDS).find((c) => CATEGORY_WORDS[c].includes(word)) ?? null;
}

export function unknownCategories(rows: ImportedRow<ClubRow>[]): RowProblem[] {
  return rows
    .filter((row) => clubCategory(row.category) === null)
    .map((row) => ({
      line: row.line,
      field: "category",
      key: "school.import.error.badCategory",
      params: { value: row.category },
    }));
}

// A club's venue must be of the kind it needs, as on the club form.
export function venuesOfOtherKind(rows: ImportedRow<ClubRow>[], kinds: Map<string, string>): RowProblem[] {
  return rows.flatMap((row) => {
    const kind = row.venueName === undefined ? undefined : kinds.get(matchKey(row.venueName));
    return row.venueKind && kind !== undefined && kind !== row.venueKind
      ? [
          {
            line: row.line,
            field: "venueName",
            key: "school.import.error.venueOfKind",
            params: { value: row.venueName!, kind: row.venueKind },
          },
        ]
      : [];
  });
}

/** An existing club's capacity and its most members on a remaining date of the term (the ledger's peak). */
export interface ClubSeats {
  maxSize: number;
  count: number;
  date: string;
}

// The club form's capacity guard, for a sheet: a row may not lower an existing
// club's maximum below the members it already has (keeping or raising it is fine).
export function capacitiesBelowMembers(rows: ImportedRow<ClubRow>[], seats: Map<string, ClubSeats>): RowProblem[] {
  return rows.flatMap((row) => {
    const held = seats.get(matchKey(row.name));
    return held && row.maxSize < held.maxSize && row.maxSize < held.count
      ? [
          {
            line: row.line,
            field: "maxSize",
            key: "school.import.error.belowMembers",
            params: { value: row.maxSize, count: held.count, date: held.date },
          },
        ]
      : [];
  });
}
