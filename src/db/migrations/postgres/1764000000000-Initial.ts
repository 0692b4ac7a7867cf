import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1764000000000 implements MigrationInterface {
  name = "Initial1764000000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" SERIAL NOT NULL, "at" character varying(30) NOT NULL, "actorKind" character varying(10) NOT NULL, "actorId" integer, "actorLabel" character varying(120) NOT NULL, "action" character varying(60) NOT NULL, "entity" character varying(40) NOT NULL, "entityId" character varying(40), "details" text, "reason" text, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5" ON "audit_log"  ("at") `);
    await queryRunner.query(`CREATE INDEX "IDX_951e6339a77994dfbad976b35c" ON "audit_log"  ("action") `);
    await queryRunner.query(
      `CREATE TABLE "club" ("id" SERIAL NOT NULL, "termId" integer NOT NULL, "code" character varying(40) NOT NULL, "name" character varying(100) NOT NULL, "category" character varying(20) NOT NULL, "description" text NOT NULL DEFAULT '', "grades" text NOT NULL, "minSize" integer NOT NULL DEFAULT '0', "maxSize" integer NOT NULL, "staffId" integer, "venueId" integer, "cancelled" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_79282481e036a6e0b180afa38aa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_479bfa42f9b3d8baa80066200c" ON "club"  ("termId", "code") `);
    await queryRunner.query(
      `CREATE TABLE "family" ("id" SERIAL NOT NULL, "familyKey" character varying(40) NOT NULL, "guardianName" character varying(100) NOT NULL, "phone" character varying(40), "accessCodeHash" character varying(200), "codeIssuedAt" character varying(30), "privacyAcceptedAt" character varying(30), "privacyVersion" character varying(20), "locale" character varying(10), CONSTRAINT "PK_ba386a5a59c3de8593cda4e5626" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d13d84aad5c125fc3cb99edb0e" ON "family"  ("familyKey") `);
    await queryRunner.query(
      `CREATE TABLE "http_session" ("sid" character varying(100) NOT NULL, "data" text NOT NULL, "expiresAt" character varying(30) NOT NULL, CONSTRAINT "PK_7334e970771cdb925d7f3de0ba0" PRIMARY KEY ("sid"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_75a87f7f893b9859c8588df871" ON "http_session"  ("expiresAt") `);
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("key" character varying(200) NOT NULL, "failures" integer NOT NULL, "lastFailureAt" character varying(30) NOT NULL, "nextAllowedAt" character varying(30) NOT NULL, CONSTRAINT "PK_14c03bac82292a8310c54cb98d0" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "school_class" ("id" SERIAL NOT NULL, "grade" integer NOT NULL, "name" character varying(40) NOT NULL, "classTeacherId" integer, "archived" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_c2db13fe0f6e127a4aae70bfd35" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_15959b4743856a2f18ce69c7bd" ON "school_class"  ("grade", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "setting" ("key" character varying(60) NOT NULL, "value" text NOT NULL, CONSTRAINT "PK_1c4c95d773004250c157a744d6e" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "staff" ("id" SERIAL NOT NULL, "staffNumber" character varying(32) NOT NULL, "name" character varying(100) NOT NULL, "email" character varying(200), "passwordHash" character varying(200), "role" character varying(20) NOT NULL, "active" boolean NOT NULL DEFAULT true, "vettedOn" character varying(10), "availableDays" text NOT NULL, "locale" character varying(10), "createdAt" character varying(30) NOT NULL, "updatedAt" character varying(30) NOT NULL, CONSTRAINT "PK_e4ee98bb552756c180aec1e854a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_4f734df541d733172953679ace" ON "staff"  ("staffNumber") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_902985a964245652d5e3a0f5f6" ON "staff"  ("email") `);
    await queryRunner.query(
      `CREATE TABLE "period" ("id" SERIAL NOT NULL, "termId" integer NOT NULL, "name" character varying(40) NOT NULL, "startTime" character varying(5) NOT NULL, "endTime" character varying(5) NOT NULL, "grades" text NOT NULL, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_cabecec858892ab647cd28673b8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "daily_sport" ("id" SERIAL NOT NULL, "termId" integer NOT NULL, "grade" integer NOT NULL, "weekday" integer NOT NULL, "peMinutes" integer NOT NULL, "breakMinutes" integer NOT NULL, CONSTRAINT "PK_3471c9b5204caed6ad4abd637a8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_c9ada9cd334ce0701d482a4b5a" ON "daily_sport"  ("termId", "grade", "weekday") `,
    );
    await queryRunner.query(
      `CREATE TABLE "venue" ("id" SERIAL NOT NULL, "name" character varying(80) NOT NULL, "capacity" integer NOT NULL, "indoor" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_c53deb6d1bcb088f9d459e7dbc0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_824a52c2599d374feff4fd67e9" ON "venue"  ("name") `);
    await queryRunner.query(
      `CREATE TABLE "student" ("id" SERIAL NOT NULL, "studentNumber" character varying(32) NOT NULL, "name" character varying(100) NOT NULL, "classId" integer NOT NULL, "familyId" integer NOT NULL, "archived" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_3d8016e1cb58429474a3c041904" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e4af43bb243233834f7db33c24" ON "student"  ("studentNumber") `);
    await queryRunner.query(`CREATE INDEX "IDX_bd5c8f2ef67394162384a484ba" ON "student"  ("classId") `);
    await queryRunner.query(`CREATE INDEX "IDX_4f3b337566f789d5006aa517d9" ON "student"  ("familyId") `);
    await queryRunner.query(
      `CREATE TABLE "term" ("id" SERIAL NOT NULL, "name" character varying(60) NOT NULL, "startDate" character varying(10) NOT NULL, "endDate" character varying(10) NOT NULL, "current" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_55b0479f0743f2e5d5ec414821e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "calendar_day" ("id" SERIAL NOT NULL, "termId" integer NOT NULL, "date" character varying(10) NOT NULL, "kind" character varying(10) NOT NULL, "runsWeekday" integer, "name" character varying(100) NOT NULL, CONSTRAINT "PK_5d37c290895f3541e3afe9da5f2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_2317b8d304f4eacdbb391c37f0" ON "calendar_day"  ("termId", "date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "timetable" ("id" SERIAL NOT NULL, "termId" integer NOT NULL, "publishedAt" character varying(30), "published" text, "updatedAt" character varying(30) NOT NULL, CONSTRAINT "PK_06001d91b3fe346fb1387ad1a15" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_531f53d06003b9e25ed9f2f0cd" ON "timetable"  ("termId") `);
    await queryRunner.query(
      `CREATE TABLE "timetable_entry" ("id" SERIAL NOT NULL, "termId" integer NOT NULL, "weekday" integer NOT NULL, "periodId" integer NOT NULL, "kind" character varying(12) NOT NULL, "title" character varying(100) NOT NULL, "grades" text NOT NULL, "classId" integer, "clubId" integer, "staffId" integer, "venueId" integer, "sequence" integer NOT NULL DEFAULT '0', "updatedAt" character varying(30) NOT NULL, CONSTRAINT "PK_fab3ea865ef96fcdb88e9594a99" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_33b2e0906d5c7b6d4b6da24321" ON "timetable_entry"  ("termId", "weekday", "periodId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "service_enrollment" ("id" SERIAL NOT NULL, "termId" integer NOT NULL, "studentId" integer NOT NULL, "weekdays" text NOT NULL, "source" character varying(10) NOT NULL, "enteredByStaffId" integer, "updatedAt" character varying(30) NOT NULL, CONSTRAINT "PK_632f223a0d6c407a5f2e804a2a9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_fd1bc0602a58b0a431ccc43750" ON "service_enrollment"  ("termId", "studentId") `,
    );
    await queryRunner.query(
      `ALTER TABLE "club" ADD CONSTRAINT "FK_78dbceedd55847184188e81466d" FOREIGN KEY ("termId") REFERENCES "term"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "club" ADD CONSTRAINT "FK_6d52d825d6d6dc7e4f28ba3c1ea" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "club" ADD CONSTRAINT "FK_db7d17da7fb57a7fa855804812a" FOREIGN KEY ("venueId") REFERENCES "venue"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "school_class" ADD CONSTRAINT "FK_a4019ff205806c5317a9c94cea3" FOREIGN KEY ("classTeacherId") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "period" ADD CONSTRAINT "FK_21098962157caecdaf8761d0d38" FOREIGN KEY ("termId") REFERENCES "term"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "daily_sport" ADD CONSTRAINT "FK_94f6c8e975c6dd3249c56c77f23" FOREIGN KEY ("termId") REFERENCES "term"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "student" ADD CONSTRAINT "FK_bd5c8f2ef67394162384a484ba1" FOREIGN KEY ("classId") REFERENCES "school_class"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "student" ADD CONSTRAINT "FK_4f3b337566f789d5006aa517d9f" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_day" ADD CONSTRAINT "FK_c8a2419d7e003c432f11f646a7d" FOREIGN KEY ("termId") REFERENCES "term"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "timetable" ADD CONSTRAINT "FK_531f53d06003b9e25ed9f2f0cd3" FOREIGN KEY ("termId") REFERENCES "term"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "timetable" DROP CONSTRAINT "FK_531f53d06003b9e25ed9f2f0cd3"`);
    await queryRunner.query(`ALTER TABLE "calendar_day" DROP CONSTRAINT "FK_c8a2419d7e003c432f11f646a7d"`);
    await queryRunner.query(`ALTER TABLE "student" DROP CONSTRAINT "FK_4f3b337566f789d5006aa517d9f"`);
    await queryRunner.query(`ALTER TABLE "student" DROP CONSTRAINT "FK_bd5c8f2ef67394162384a484ba1"`);
    await queryRunner.query(`ALTER TABLE "daily_sport" DROP CONSTRAINT "FK_94f6c8e975c6dd3249c56c77f23"`);
    await queryRunner.query(`ALTER TABLE "period" DROP CONSTRAINT "FK_21098962157caecdaf8761d0d38"`);
    await queryRunner.query(`ALTER TABLE "school_class" DROP CONSTRAINT "FK_a4019ff205806c5317a9c94cea3"`);
    await queryRunner.query(`ALTER TABLE "club" DROP CONSTRAINT "FK_db7d17da7fb57a7fa855804812a"`);
    await queryRunner.query(`ALTER TABLE "club" DROP CONSTRAINT "FK_6d52d825d6d6dc7e4f28ba3c1ea"`);
    await queryRunner.query(`ALTER TABLE "club" DROP CONSTRAINT "FK_78dbceedd55847184188e81466d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fd1bc0602a58b0a431ccc43750"`);
    await queryRunner.query(`DROP TABLE "service_enrollment"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_33b2e0906d5c7b6d4b6da24321"`);
    await queryRunner.query(`DROP TABLE "timetable_entry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_531f53d06003b9e25ed9f2f0cd"`);
    await queryRunner.query(`DROP TABLE "timetable"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2317b8d304f4eacdbb391c37f0"`);
    await queryRunner.query(`DROP TABLE "calendar_day"`);
    await queryRunner.query(`DROP TABLE "term"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4f3b337566f789d5006aa517d9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bd5c8f2ef67394162384a484ba"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e4af43bb243233834f7db33c24"`);
    await queryRunner.query(`DROP TABLE "student"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_824a52c2599d374feff4fd67e9"`);
    await queryRunner.query(`DROP TABLE "venue"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c9ada9cd334ce0701d482a4b5a"`);
    await queryRunner.query(`DROP TABLE "daily_sport"`);
    await queryRunner.query(`DROP TABLE "period"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_902985a964245652d5e3a0f5f6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4f734df541d733172953679ace"`);
    await queryRunner.query(`DROP TABLE "staff"`);
    await queryRunner.query(`DROP TABLE "setting"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_15959b4743856a2f18ce69c7bd"`);
    await queryRunner.query(`DROP TABLE "school_class"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_75a87f7f893b9859c8588df871"`);
    await queryRunner.query(`DROP TABLE "http_session"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d13d84aad5c125fc3cb99edb0e"`);
    await queryRunner.query(`DROP TABLE "family"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_479bfa42f9b3d8baa80066200c"`);
    await queryRunner.query(`DROP TABLE "club"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_951e6339a77994dfbad976b35c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ba27cef5b8b2b1a756e06ebcc5"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
