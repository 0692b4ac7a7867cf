// The school's rows the allocation reads (clubs, children, terms, choice
// rounds): small queries, each returning the rows it names.
import { type DataSource, type EntityManager, In } from "typeorm";
import { Club, SchoolClass, Student, Term } from "../../db";
import { ChoiceRound } from "../../choices";

type Db = DataSource | EntityManager;

export const roundById = (db: Db, id: number): Promise<ChoiceRound | null> =>
  db.getRepository(ChoiceRound).findOneBy({ id });
export const roundByIdOrFail = (db: Db, id: number): Promise<ChoiceRound> =>
  db.getRepository(ChoiceRound).findOneByOrFail({ id });
export const roundsOfTerm = (db: Db, termId: number): Promise<ChoiceRound[]> =>
  db.getRepository(ChoiceRound).findBy({ termId });
export const roundIdsOfTerm = async (db: Db, termId: number): Promise<number[]> =>
  (await db.getRepository(ChoiceRound).find({ where: { termId }, select: { id: true } })).map((r) => r.id);

/** Every round, newest first, one page. */
export const roundsPage = (db: Db, skip: number, take: number): Promise<[ChoiceRound[], number]> =>
  db.getRepository(ChoiceRound).findAndCount({ order: { id: "DESC" }, skip, take });

export const allTerms = (db: Db): Promise<Term[]> => db.getRepository(Term).find();
export const termByIdOrFail = (db: Db, id: number): Promise<Term> => db.getRepository(Term).findOneByOrFail({ id });
export const termsByIds = (db: Db, ids: number[]): Promise<Term[]> => db.getRepository(Term).findBy({ id: In(ids) });

export const clubsOfTerm = (db: Db, termId: number): Promise<Club[]> => db.getRepository(Club).findBy({ termId });
/** The term's clubs that still run, by name (the pin form's choices). */
export const runningClubsOfTerm = (db: Db, termId: number): Promise<Club[]> =>
  db.getRepository(Club).find({ where: { termId, cancelled: false }, order: { name: "ASC" } });
export const clubsByCodes = (db: Db, termId: number, codes: string[]): Promise<Club[]> =>
  db.getRepository(Club).find({ where: { termId, code: In(codes) }, order: { name: "ASC" } });
export const clubById = (db: Db, id: number): Promise<Club | null> => db.getRepository(Club).findOneBy({ id });
export const clubByIdOrFail = (db: Db, id: number): Promise<Club> => db.getRepository(Club).findOneByOrFail({ id });
export const clubsByIds = (db: Db, ids: number[]): Promise<Club[]> => db.getRepository(Club).findBy({ id: In(ids) });
export const runningClubOfTerm = (db: Db, id: number, termId: number): Promise<Club | null> =>
  db.getRepository(Club).findOneBy({ id, termId, cancelled: false });

export const studentByIdOrFail = (db: Db, id: number): Promise<Student> =>
  db.getRepository(Student).findOneByOrFail({ id });
export const currentStudentByNumber = (db: Db, studentNumber: string): Promise<Student | null> =>
  db.getRepository(Student).findOneBy({ studentNumber, archived: false });
export const studentsByNumbers = (db: Db, numbers: string[]): Promise<Student[]> =>
  db.getRepository(Student).find({ where: { studentNumber: In(numbers) }, relations: { schoolClass: true } });

/** A family's current children, with their classes, by id. */
export const childrenOfFamily = (db: Db, familyId: number): Promise<Student[]> =>
  db
    .getRepository(Student)
    .find({ where: { familyId, archived: false }, relations: { schoolClass: true }, order: { id: "ASC" } });

/** One current child of the family, or none. */
export async function childOfFamily(db: Db, familyId: number, studentId: number): Promise<Student | null> {
  // find, not findOne: with a relation, findOne's LIMIT adds a DISTINCT query; the key gives one row.
  const [student] = await db
    .getRepository(Student)
    .find({ where: { id: studentId, familyId, archived: false }, relations: { schoolClass: true } });
  return student ?? null;
}

export async function archiveStudents(em: EntityManager, ids: number[]): Promise<void> {
  await em.getRepository(Student).update({ id: In(ids) }, { archived: true });
}

/** The class teacher (班主任) of a class, for "ask your class teacher"; null when the class has none. */
export async function classTeacherOf(db: Db, classId: number): Promise<{ name: string; className: string } | null> {
  const [cls] = await db.getRepository(SchoolClass).find({ where: { id: classId }, relations: { classTeacher: true } });
  return cls?.classTeacher ? { name: cls.classTeacher.name, className: cls.name } : null;
}

/** The current classes of some grades (the per-child view's class filter). */
export const classesOfGrades = (db: Db, grades: number[]): Promise<SchoolClass[]> =>
  grades.length
    ? db
        .getRepository(SchoolClass)
        .find({ where: { grade: In(grades), archived: false }, order: { grade: "ASC", name: "ASC", id: "ASC" } })
    : Promise.resolve([]);

/** The student numbers of one class's children (the per-child view filtered by class). */
export async function numbersInClass(db: Db, classId: number): Promise<Set<string>> {
  const rows = await db.getRepository(Student).find({ select: { studentNumber: true }, where: { classId } });
  return new Set(rows.map((s) => s.studentNumber));
}
