// Issue 21: the absence loop closes. An alert carries the family's answer
// (已请假 / 孩子和我在一起 / 我马上联系老师, a short note, when) and the instant it
// was escalated to the admins (set once, by the sweep, in the transaction that
// writes their notices). The day's summary is sent once per service date.
// Driver-agnostic; nothing here imports the app.
import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from "typeorm";

const text = (name: string, length: number) =>
  new TableColumn({ name, type: "varchar", length: String(length), isNullable: true });

export class AlertAnswers1766130100000 implements MigrationInterface {
  name = "AlertAnswers1766130100000";

  public async up(q: QueryRunner): Promise<void> {
    await q.addColumns("attendance_alert", [
      text("answer", 12),
      text("answerNote", 100),
      text("answeredAt", 30),
      text("escalatedAt", 30),
    ]);
    await q.createTable(
      new Table({
        name: "attendance_day_summary",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "date", type: "varchar", length: "10" },
          { name: "sentAt", type: "varchar", length: "30" },
        ],
      }),
      true,
    );
    await q.createIndex("attendance_day_summary", new TableIndex({ columnNames: ["date"], isUnique: true }));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.dropTable("attendance_day_summary", true);
    for (const c of ["escalatedAt", "answeredAt", "answerNote", "answer"]) await q.dropColumn("attendance_alert", c);
  }
}
