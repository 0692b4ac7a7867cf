// Issue 17: a make-up day (调休) must name the weekday whose timetable it
// follows; the kernel refuses one that does not. Rows saved before could lack
// it, and the app's two copies of the rule read them differently:
// - a Mon–Fri make-up date: policy, registers, dismissal lists and reports ran
//   that date's own weekday (the feeds refused the day). That is the rule kept
//   here: runsWeekday becomes the date's own weekday.
// - a Saturday/Sunday make-up date: every reader gave it no service. It becomes
//   an "event" (a noted day that keeps the plain timetable, i.e. none on a
//   weekend), so nothing that runs changes and its name stays on the calendar.
// Data only, no schema change; driver-agnostic through the query builder. The
// weekday is computed here, not imported, so this migration never changes with the app.
import { MigrationInterface, QueryRunner } from "typeorm";

interface Row {
  id: number;
  date: string;
  runsWeekday: number | null;
}

const isoWeekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

export class MakeUpWeekday1765700000000 implements MigrationInterface {
  name = "MakeUpWeekday1765700000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    const rows: Row[] = await queryRunner.manager
      .createQueryBuilder()
      .select(["d.id AS id", "d.date AS date", `d."runsWeekday" AS "runsWeekday"`])
      .from("calendar_day", "d")
      .where("d.kind = :kind", { kind: "makeup" })
      .andWhere(`(d."runsWeekday" IS NULL OR d."runsWeekday" < 1 OR d."runsWeekday" > 5)`)
      .getRawMany();
    for (const row of rows) {
      const weekday = isoWeekday(row.date);
      const change = weekday <= 5 ? { runsWeekday: weekday } : { kind: "event", runsWeekday: null };
      await queryRunner.manager
        .createQueryBuilder()
        .update("calendar_day")
        .set(change)
        .where("id = :id", { id: row.id })
        .execute();
    }
  }

  // Nothing to undo: a filled weekday is what the old reader already assumed.
  public async down(): Promise<void> {}
}
