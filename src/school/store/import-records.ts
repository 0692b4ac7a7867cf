// What an import is checked against: the records already stored, read inside
// the caller's transaction so the commit checks the same data it writes.
import type { EntityManager } from "typeorm";
import { Club, Family, SchoolClass, Staff, Student, Term, Venue } from "../../db";
import { clubPeaks } from "../../clubs";
import { ExistingRecords, ImportKind, matchKey } from "../import";
import type { ClassRef, ClubSeats } from "../core/import-checks";

export interface ImportContext {
  existing: ExistingRecords;
  classes: ClassRef[];
  archivedNumbers: Set<string>;
  emailOwners: Map<string, string>;
  vetted: Map<string, string | null>;
  /** The current term's clubs by name: capacity and peak members (the capacity guard). */
  clubSeats: Map<string, ClubSeats>;
  /** Every venue's kind by its name's match key (a club's venue must be of the kind it needs). */
  venueKinds: Map<string, string>;
}

export async function loadContext(em: EntityManager, kind: ImportKind, termId: number | null): Promise<ImportContext> {
  const ctx: ImportContext = {
    existing: {},
    classes: [],
    archivedNumbers: new Set(),
    emailOwners: new Map(),
    vetted: new Map(),
    clubSeats: new Map(),
    venueKinds: new Map(),
  };
  if (kind === "students") {
    const students = await em.getRepository(Student).find({ select: { studentNumber: true, archived: true } });
    ctx.classes = await em
      .getRepository(SchoolClass)
      .find({ select: { id: true, grade: true, name: true }, where: { archived: false } });
    ctx.archivedNumbers = new Set(students.filter((s) => s.archived).map((s) => matchKey(s.studentNumber)));
    ctx.existing = {
      studentNumbers: students.map((s) => s.studentNumber),
      classNames: ctx.classes.map((c) => c.name),
      familyKeys: (await em.getRepository(Family).find({ select: { familyKey: true } })).map((f) => f.familyKey),
    };
  } else if (kind === "staff") {
    const staff = await em.getRepository(Staff).find({ select: { staffNumber: true, email: true, vettedOn: true } });
    ctx.existing = { staffNumbers: staff.map((s) => s.staffNumber) };
    ctx.emailOwners = new Map(staff.filter((s) => s.email).map((s) => [s.email!.toLowerCase(), s.staffNumber]));
    ctx.vetted = new Map(staff.map((s) => [matchKey(s.staffNumber), s.vettedOn]));
  } else {
    const clubs =
      termId === null
        ? []
        : await em.getRepository(Club).find({ select: { id: true, name: true, maxSize: true }, where: { termId } });
    if (clubs.length) {
      const peaks = await clubPeaks(
        em,
        await em.getRepository(Term).findOneByOrFail({ id: termId! }),
        clubs.map((c) => c.id),
      );
      ctx.clubSeats = new Map(clubs.map((c) => [matchKey(c.name), { maxSize: c.maxSize, ...peaks.get(c.id)! }]));
    }
    const venues = await em.getRepository(Venue).find({ select: { name: true, kind: true } });
    ctx.existing = {
      clubNames: clubs.map((c) => c.name),
      staffNumbers: (
        await em.getRepository(Staff).find({ select: { staffNumber: true }, where: { active: true } })
      ).map((s) => s.staffNumber),
      venueNames: venues.map((v) => v.name),
    };
    ctx.venueKinds = new Map(venues.map((v) => [matchKey(v.name), v.kind]));
  }
  return ctx;
}
