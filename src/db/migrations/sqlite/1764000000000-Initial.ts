import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1764000000000 implements MigrationInterface {
  name = "Initial1764000000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" varchar(30) NOT NULL, "actorKind" varchar(10) NOT NULL, "actorId" integer, "actorLabel" varchar(120) NOT NULL, "action" varchar(60) NOT NULL, "entity" varchar(40) NOT NULL, "entityId" varchar(40), "details" text, "reason" text)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5" ON "audit_log" ("at") `);
    await queryRunner.query(`CREATE INDEX "IDX_951e6339a77994dfbad976b35c" ON "audit_log" ("action") `);
    await queryRunner.query(
      `CREATE TABLE "club" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "termId" integer NOT NULL, "code" varchar(40) NOT NULL, "name" varchar(100) NOT NULL, "category" varchar(20) NOT NULL, "description" text NOT NULL DEFAULT (''), "grades" text NOT NULL, "minSize" integer NOT NULL DEFAULT (0), "maxSize" integer NOT NULL, "staffId" integer, "venueId" integer, "cancelled" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_479bfa42f9b3d8baa80066200c" ON "club" ("termId", "code") `);
    await queryRunner.query(
      `CREATE TABLE "family" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "familyKey" varchar(40) NOT NULL, "guardianName" varchar(100) NOT NULL, "phone" varchar(40), "accessCodeHash" varchar(200), "codeIssuedAt" varchar(30), "privacyAcceptedAt" varchar(30), "privacyVersion" varchar(20), "locale" varchar(10))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d13d84aad5c125fc3cb99edb0e" ON "family" ("familyKey") `);
    await queryRunner.query(
      `CREATE TABLE "http_session" ("sid" varchar(100) PRIMARY KEY NOT NULL, "data" text NOT NULL, "expiresAt" varchar(30) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_75a87f7f893b9859c8588df871" ON "http_session" ("expiresAt") `);
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("key" varchar(200) PRIMARY KEY NOT NULL, "failures" integer NOT NULL, "lastFailureAt" varchar(30) NOT NULL, "nextAllowedAt" varchar(30) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "school_class" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "grade" integer NOT NULL, "name" varchar(40) NOT NULL, "classTeacherId" integer, "archived" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_15959b4743856a2f18ce69c7bd" ON "school_class" ("grade", "name") `,
    );
    await queryRunner.query(`CREATE TABLE "setting" ("key" varchar(60) PRIMARY KEY NOT NULL, "value" text NOT NULL)`);
    await queryRunner.query(
      `CREATE TABLE "staff" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staffNumber" varchar(32) NOT NULL, "name" varchar(100) NOT NULL, "email" varchar(200), "passwordHash" varchar(200), "role" varchar(20) NOT NULL, "active" boolean NOT NULL DEFAULT (1), "vettedOn" varchar(10), "availableDays" text NOT NULL, "locale" varchar(10), "createdAt" varchar(30) NOT NULL, "updatedAt" varchar(30) NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_4f734df541d733172953679ace" ON "staff" ("staffNumber") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_902985a964245652d5e3a0f5f6" ON "staff" ("email") `);
    await queryRunner.query(
      `CREATE TABLE "period" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "termId" integer NOT NULL, "name" varchar(40) NOT NULL, "startTime" varchar(5) NOT NULL, "endTime" varchar(5) NOT NULL, "grades" text NOT NULL, "position" integer NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `CREATE TABLE "daily_sport" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "termId" integer NOT NULL, "grade" integer NOT NULL, "weekday" integer NOT NULL, "peMinutes" integer NOT NULL, "breakMinutes" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_c9ada9cd334ce0701d482a4b5a" ON "daily_sport" ("termId", "grade", "weekday") `,
    );
    await queryRunner.query(
      `CREATE TABLE "venue" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(80) NOT NULL, "capacity" integer NOT NULL, "indoor" boolean NOT NULL DEFAULT (1))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_824a52c2599d374feff4fd67e9" ON "venue" ("name") `);
    await queryRunner.query(
      `CREATE TABLE "student" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "studentNumber" varchar(32) NOT NULL, "name" varchar(100) NOT NULL, "classId" integer NOT NULL, "familyId" integer NOT NULL, "archived" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e4af43bb243233834f7db33c24" ON "student" ("studentNumber") `);
    await queryRunner.query(`CREATE INDEX "IDX_bd5c8f2ef67394162384a484ba" ON "student" ("classId") `);
    await queryRunner.query(`CREATE INDEX "IDX_4f3b337566f789d5006aa517d9" ON "student" ("familyId") `);
    await queryRunner.query(
      `CREATE TABLE "term" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(60) NOT NULL, "startDate" varchar(10) NOT NULL, "endDate" varchar(10) NOT NULL, "current" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `CREATE TABLE "calendar_day" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "termId" integer NOT NULL, "date" varchar(10) NOT NULL, "kind" varchar(10) NOT NULL, "runsWeekday" integer, "name" varchar(100) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_2317b8d304f4eacdbb391c37f0" ON "calendar_day" ("termId", "date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "timetable" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "termId" integer NOT NULL, "publishedAt" varchar(30), "published" text, "updatedAt" varchar(30) NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_531f53d06003b9e25ed9f2f0cd" ON "timetable" ("termId") `);
    await queryRunner.query(
      `CREATE TABLE "timetable_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "termId" integer NOT NULL, "weekday" integer NOT NULL, "periodId" integer NOT NULL, "kind" varchar(12) NOT NULL, "title" varchar(100) NOT NULL, "grades" text NOT NULL, "classId" integer, "clubId" integer, "staffId" integer, "venueId" integer, "sequence" integer NOT NULL DEFAULT (0), "updatedAt" varchar(30) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_33b2e0906d5c7b6d4b6da24321" ON "timetable_entry" ("termId", "weekday", "periodId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "service_enrollment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "termId" integer NOT NULL, "studentId" integer NOT NULL, "weekdays" text NOT NULL, "source" varchar(10) NOT NULL, "enteredByStaffId" integer, "updatedAt" varchar(30) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_fd1bc0602a58b0a431ccc43750" ON "service_enrollment" ("termId", "studentId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_479bfa42f9b3d8baa80066200c"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_club" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "termId" integer NOT NULL, "code" varchar(40) NOT NULL, "name" varchar(100) NOT NULL, "category" varchar(20) NOT NULL, "description" text NOT NULL DEFAULT (''), "grades" text NOT NULL, "minSize" integer NOT NULL DEFAULT (0), "maxSize" integer NOT NULL, "staffId" integer, "venueId" integer, "cancelled" boolean NOT NULL DEFAULT (0), CONSTRAINT "FK_78dbceedd55847184188e81466d" FOREIGN KEY ("termId") REFERENCES "term" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_6d52d825d6d6dc7e4f28ba3c1ea" FOREIGN KEY ("staffId") REFERENCES "staff" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_db7d17da7fb57a7fa855804812a" FOREIGN KEY ("venueId") REFERENCES "venue" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_club"("id", "termId", "code", "name", "category", "description", "grades", "minSize", "maxSize", "staffId", "venueId", "cancelled") SELECT "id", "termId", "code", "name", "category", "description", "grades", "minSize", "maxSize", "staffId", "venueId", "cancelled" FROM "club"`,
    );
    await queryRunner.query(`DROP TABLE "club"`);
    await queryRunner.query(`ALTER TABLE "temporary_club" RENAME TO "club"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_479bfa42f9b3d8baa80066200c" ON "club" ("termId", "code") `);
    await queryRunner.query(`DROP INDEX "IDX_15959b4743856a2f18ce69c7bd"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_school_class" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "grade" integer NOT NULL, "name" varchar(40) NOT NULL, "classTeacherId" integer, "archived" boolean NOT NULL DEFAULT (0), CONSTRAINT "FK_a4019ff205806c5317a9c94cea3" FOREIGN KEY ("classTeacherId") REFERENCES "staff" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_school_class"("id", "grade", "name", "classTeacherId", "archived") SELECT "id", "grade", "name", "classTeacherId", "archived" FROM "school_class"`,
    );
    await queryRunner.query(`DROP TABLE "school_class"`);
    await queryRunner.query(`ALTER TABLE "temporary_school_class" RENAME TO "school_class"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_15959b4743856a2f18ce69c7bd" ON "school_class" ("grade", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "temporary_period" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "termId" integer NOT NULL, "name" varchar(40) NOT NULL, "startTime" varchar(5) NOT NULL, "endTime" varchar(5) NOT NULL, "grades" text NOT NULL, "position" integer NOT NULL DEFAULT (0), CONSTRAINT "FK_21098962157caecdaf8761d0d38" FOREIGN KEY ("termId") REFERENCES "term" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_period"("id", "termId", "name", "startTime", "endTime", "grades", "position") SELECT "id", "termId", "name", "startTime", "endTime", "grades", "position" FROM "period"`,
    );
    await queryRunner.query(`DROP TABLE "period"`);
    await queryRunner.query(`ALTER TABLE "temporary_period" RENAME TO "period"`);
    await queryRunner.query(`DROP INDEX "IDX_c9ada9cd334ce0701d482a4b5a"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_daily_sport" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "termId" integer NOT NULL, "grade" integer NOT NULL, "weekday" integer NOT NULL, "peMinutes" integer NOT NULL, "breakMinutes" integer NOT NULL, CONSTRAINT "FK_94f6c8e975c6dd3249c56c77f23" FOREIGN KEY ("termId") REFERENCES "term" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_daily_sport"("id", "termId", "grade", "weekday", "peMinutes", "breakMinutes") SELECT "id", "termId", "grade", "weekday", "peMinutes", "breakMinutes" FROM "daily_sport"`,
    );
    await queryRunner.query(`DROP TABLE "daily_sport"`);
    await queryRunner.query(`ALTER TABLE "temporary_daily_sport" RENAME TO "daily_sport"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_c9ada9cd334ce0701d482a4b5a" ON "daily_sport" ("termId", "grade", "weekday") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_e4af43bb243233834f7db33c24"`);
    await queryRunner.query(`DROP INDEX "IDX_bd5c8f2ef67394162384a484ba"`);
    await queryRunner.query(`DROP INDEX "IDX_4f3b337566f789d5006aa517d9"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_student" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "studentNumber" varchar(32) NOT NULL, "name" varchar(100) NOT NULL, "classId" integer NOT NULL, "familyId" integer NOT NULL, "archived" boolean NOT NULL DEFAULT (0), CONSTRAINT "FK_bd5c8f2ef67394162384a484ba1" FOREIGN KEY ("classId") REFERENCES "school_class" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_4f3b337566f789d5006aa517d9f" FOREIGN KEY ("familyId") REFERENCES "family" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_student"("id", "studentNumber", "name", "classId", "familyId", "archived") SELECT "id", "studentNumber", "name", "classId", "familyId", "archived" FROM "student"`,
    );
    await queryRunner.query(`DROP TABLE "student"`);
    await queryRunner.query(`ALTER TABLE "temporary_student" RENAME TO "student"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e4af43bb243233834f7db33c24" ON "student" ("studentNumber") `);
    await queryRunner.query(`CREATE INDEX "IDX_bd5c8f2ef67394162384a484ba" ON "student" ("classId") `);
    await queryRunner.query(`CREATE INDEX "IDX_4f3b337566f789d5006aa517d9" ON "student" ("familyId") `);
    await queryRunner.query(`DROP INDEX "IDX_2317b8d304f4eacdbb391c37f0"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_calendar_day" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "termId" integer NOT NULL, "date" varchar(10) NOT NULL, "kind" varchar(10) NOT NULL, "runsWeekday" integer, "name" varchar(100) NOT NULL, CONSTRAINT "FK_c8a2419d7e003c432f11f646a7d" FOREIGN KEY ("termId") REFERENCES "term" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_calendar_day"("id", "termId", "date", "kind", "runsWeekday", "name") SELECT "id", "termId", "date", "kind", "runsWeekday", "name" FROM "calendar_day"`,
    );
    await queryRunner.query(`DROP TABLE "calendar_day"`);
    await queryRunner.query(`ALTER TABLE "temporary_calendar_day" RENAME TO "calendar_day"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_2317b8d304f4eacdbb391c37f0" ON "calendar_day" ("termId", "date") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_531f53d06003b9e25ed9f2f0cd"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_timetable" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "termId" integer NOT NULL, "publishedAt" varchar(30), "published" text, "updatedAt" varchar(30) NOT NULL, CONSTRAINT "FK_531f53d06003b9e25ed9f2f0cd3" FOREIGN KEY ("termId") REFERENCES "term" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_timetable"("id", "termId", "publishedAt", "published", "updatedAt") SELECT "id", "termId", "publishedAt", "published", "updatedAt" FROM "timetable"`,
    );
    await queryRunner.query(`DROP TABLE "timetable"`);
    await queryRunner.query(`ALTER TABLE "temporary_timetable" RENAME TO "timetable"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_531f53d06003b9e25ed9f2f0cd" ON "timetable" ("termId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_531f53d06003b9e25ed9f2f0cd"`);
    await queryRunner.query(`ALTER TABLE "timetable" RENAME TO "temporary_timetable"`);
    await queryRunner.query(
      `CREATE TABLE "timetable" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "termId" integer NOT NULL, "publishedAt" varchar(30), "published" text, "updatedAt" varchar(30) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "timetable"("id", "termId", "publishedAt", "published", "updatedAt") SELECT "id", "termId", "publishedAt", "published", "updatedAt" FROM "temporary_timetable"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_timetable"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_531f53d06003b9e25ed9f2f0cd" ON "timetable" ("termId") `);
    await queryRunner.query(`DROP INDEX "IDX_2317b8d304f4eacdbb391c37f0"`);
    await queryRunner.query(`ALTER TABLE "calendar_day" RENAME TO "temporary_calendar_day"`);
    await queryRunner.query(
      `CREATE TABLE "calendar_day" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "termId" integer NOT NULL, "date" varchar(10) NOT NULL, "kind" varchar(10) NOT NULL, "runsWeekday" integer, "name" varchar(100) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "calendar_day"("id", "termId", "date", "kind", "runsWeekday", "name") SELECT "id", "termId", "date", "kind", "runsWeekday", "name" FROM "temporary_calendar_day"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_calendar_day"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_2317b8d304f4eacdbb391c37f0" ON "calendar_day" ("termId", "date") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_4f3b337566f789d5006aa517d9"`);
    await queryRunner.query(`DROP INDEX "IDX_bd5c8f2ef67394162384a484ba"`);
    await queryRunner.query(`DROP INDEX "IDX_e4af43bb243233834f7db33c24"`);
    await queryRunner.query(`ALTER TABLE "student" RENAME TO "temporary_student"`);
    await queryRunner.query(
      `CREATE TABLE "student" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "studentNumber" varchar(32) NOT NULL, "name" varchar(100) NOT NULL, "classId" integer NOT NULL, "familyId" integer NOT NULL, "archived" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `INSERT INTO "student"("id", "studentNumber", "name", "classId", "familyId", "archived") SELECT "id", "studentNumber", "name", "classId", "familyId", "archived" FROM "temporary_student"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_student"`);
    await queryRunner.query(`CREATE INDEX "IDX_4f3b337566f789d5006aa517d9" ON "student" ("familyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_bd5c8f2ef67394162384a484ba" ON "student" ("classId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e4af43bb243233834f7db33c24" ON "student" ("studentNumber") `);
    await queryRunner.query(`DROP INDEX "IDX_c9ada9cd334ce0701d482a4b5a"`);
    await queryRunner.query(`ALTER TABLE "daily_sport" RENAME TO "temporary_daily_sport"`);
    await queryRunner.query(
      `CREATE TABLE "daily_sport" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "termId" integer NOT NULL, "grade" integer NOT NULL, "weekday" integer NOT NULL, "peMinutes" integer NOT NULL, "breakMinutes" integer NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "daily_sport"("id", "termId", "grade", "weekday", "peMinutes", "breakMinutes") SELECT "id", "termId", "grade", "weekday", "peMinutes", "breakMinutes" FROM "temporary_daily_sport"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_daily_sport"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_c9ada9cd334ce0701d482a4b5a" ON "daily_sport" ("termId", "grade", "weekday") `,
    );
    await queryRunner.query(`ALTER TABLE "period" RENAME TO "temporary_period"`);
    await queryRunner.query(
      `CREATE TABLE "period" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "termId" integer NOT NULL, "name" varchar(40) NOT NULL, "startTime" varchar(5) NOT NULL, "endTime" varchar(5) NOT NULL, "grades" text NOT NULL, "position" integer NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `INSERT INTO "period"("id", "termId", "name", "startTime", "endTime", "grades", "position") SELECT "id", "termId", "name", "startTime", "endTime", "grades", "position" FROM "temporary_period"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_period"`);
    await queryRunner.query(`DROP INDEX "IDX_15959b4743856a2f18ce69c7bd"`);
    await queryRunner.query(`ALTER TABLE "school_class" RENAME TO "temporary_school_class"`);
    await queryRunner.query(
      `CREATE TABLE "school_class" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "grade" integer NOT NULL, "name" varchar(40) NOT NULL, "classTeacherId" integer, "archived" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `INSERT INTO "school_class"("id", "grade", "name", "classTeacherId", "archived") SELECT "id", "grade", "name", "classTeacherId", "archived" FROM "temporary_school_class"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_school_class"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_15959b4743856a2f18ce69c7bd" ON "school_class" ("grade", "name") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_479bfa42f9b3d8baa80066200c"`);
    await queryRunner.query(`ALTER TABLE "club" RENAME TO "temporary_club"`);
    await queryRunner.query(
      `CREATE TABLE "club" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "termId" integer NOT NULL, "code" varchar(40) NOT NULL, "name" varchar(100) NOT NULL, "category" varchar(20) NOT NULL, "description" text NOT NULL DEFAULT (''), "grades" text NOT NULL, "minSize" integer NOT NULL DEFAULT (0), "maxSize" integer NOT NULL, "staffId" integer, "venueId" integer, "cancelled" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `INSERT INTO "club"("id", "termId", "code", "name", "category", "description", "grades", "minSize", "maxSize", "staffId", "venueId", "cancelled") SELECT "id", "termId", "code", "name", "category", "description", "grades", "minSize", "maxSize", "staffId", "venueId", "cancelled" FROM "temporary_club"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_club"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_479bfa42f9b3d8baa80066200c" ON "club" ("termId", "code") `);
    await queryRunner.query(`DROP INDEX "IDX_fd1bc0602a58b0a431ccc43750"`);
    await queryRunner.query(`DROP TABLE "service_enrollment"`);
    await queryRunner.query(`DROP INDEX "IDX_33b2e0906d5c7b6d4b6da24321"`);
    await queryRunner.query(`DROP TABLE "timetable_entry"`);
    await queryRunner.query(`DROP INDEX "IDX_531f53d06003b9e25ed9f2f0cd"`);
    await queryRunner.query(`DROP TABLE "timetable"`);
    await queryRunner.query(`DROP INDEX "IDX_2317b8d304f4eacdbb391c37f0"`);
    await queryRunner.query(`DROP TABLE "calendar_day"`);
    await queryRunner.query(`DROP TABLE "term"`);
    await queryRunner.query(`DROP INDEX "IDX_4f3b337566f789d5006aa517d9"`);
    await queryRunner.query(`DROP INDEX "IDX_bd5c8f2ef67394162384a484ba"`);
    await queryRunner.query(`DROP INDEX "IDX_e4af43bb243233834f7db33c24"`);
    await queryRunner.query(`DROP TABLE "student"`);
    await queryRunner.query(`DROP INDEX "IDX_824a52c2599d374feff4fd67e9"`);
    await queryRunner.query(`DROP TABLE "venue"`);
    await queryRunner.query(`DROP INDEX "IDX_c9ada9cd334ce0701d482a4b5a"`);
    await queryRunner.query(`DROP TABLE "daily_sport"`);
    await queryRunner.query(`DROP TABLE "period"`);
    await queryRunner.query(`DROP INDEX "IDX_902985a964245652d5e3a0f5f6"`);
    await queryRunner.query(`DROP INDEX "IDX_4f734df541d733172953679ace"`);
    await queryRunner.query(`DROP TABLE "staff"`);
    await queryRunner.query(`DROP TABLE "setting"`);
    await queryRunner.query(`DROP INDEX "IDX_15959b4743856a2f18ce69c7bd"`);
    await queryRunner.query(`DROP TABLE "school_class"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(`DROP INDEX "IDX_75a87f7f893b9859c8588df871"`);
    await queryRunner.query(`DROP TABLE "http_session"`);
    await queryRunner.query(`DROP INDEX "IDX_d13d84aad5c125fc3cb99edb0e"`);
    await queryRunner.query(`DROP TABLE "family"`);
    await queryRunner.query(`DROP INDEX "IDX_479bfa42f9b3d8baa80066200c"`);
    await queryRunner.query(`DROP TABLE "club"`);
    await queryRunner.query(`DROP INDEX "IDX_951e6339a77994dfbad976b35c"`);
    await queryRunner.query(`DROP INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
