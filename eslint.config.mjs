import js from "@eslint/js";
import tseslint from "typescript-eslint";

// Issue 17: the published timetable (Timetable.published, a JSON snapshot) has one reader,
// src/timetable/: its one parser and validator (core/snapshot.ts) and the questions others
// ask (publishedOf, sessionsOn, clubSessions, staffWeek from src/timetable/index.ts).
// Nothing else imports the Timetable entity or the parser. The calendar feed's context SQL
// still reads the row's publishedAt/updatedAt as its version stamp (not the snapshot).
const TIMETABLE_SNAPSHOT = [
  {
    group: ["**/db/entities", "**/db/entities/index", "**/db/entities/timetable"],
    importNames: ["Timetable"],
    message: "The published timetable is read by src/timetable only: use publishedOf / publishedTimetable / sessionsOn / clubSessions / staffWeek from src/timetable.",
  },
  {
    group: ["**/timetable/core/snapshot", "**/timetable/published", "**/timetable/entry-row"],
    message: "Import the published timetable's reader from src/timetable (its index), not its files.",
  },
];
const KERNEL_CALENDAR_DAYS = {
  group: ["**/db/entities", "**/db/entities/index", "**/db/entities/term"],
  importNames: ["CalendarDay"],
  message: "Calendar days are read by src/kernel/store.ts only: use calendarEntries / schoolCalendar / schoolDay from the kernel.",
};

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "public/**", "data/**", "test-output/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "off",
      // TypeORM lists entity classes as `Function` (its own type for a class).
      "@typescript-eslint/no-unsafe-function-type": "off",
    },
  },
  {
    // HiGHS is a WebAssembly module loaded lazily, only when a multi-slot instance needs the MILP path.
    files: ["src/assignment/engine/milp.ts", "test/unit/assignment/support/oracle.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Issue 17: the school clock and calendar have one owner, src/kernel/, and the published
    // timetable one reader, src/timetable/ (TIMETABLE_SNAPSHOT above). Elsewhere nothing reads
    // the school's time-zone setting, builds its own zone formatter or reads calendar days: ask the
    // kernel (schoolZone, schoolToday, schoolDay, calendarEntries). The term admin pages
    // (school/term-*) are the calendar's editor; db/ declares the entity.
    files: ["src/**/*.ts", "seeds/**/*.ts"],
    ignores: ["src/kernel/**", "src/db/**", "src/school/term-service.ts", "src/school/term-routes.ts", "seeds/demo.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [KERNEL_CALENDAR_DAYS, ...TIMETABLE_SNAPSHOT],
      }],
      "no-restricted-syntax": ["error",
        { selector: "Literal[value='school.timezone']", message: "The school's time zone is the kernel's: use schoolZone() / SCHOOL_ZONE_KEY from src/kernel." },
        { selector: "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']", message: "Zone arithmetic is the kernel's: use localDate / formatStored / isKnownZone from src/kernel/core." },
        { selector: "ImportDeclaration[source.value=/(attendance\\/clock|homework\\/today|choices\\/school-time|timetable\\/local-time|policy\\/calendar)$/]", message: "The school clock and calendar moved to src/kernel." },
      ],
    },
  },
  {
    // The timetable capability itself reads Timetable.published (through its one parser,
    // core/snapshot.ts). The same rule as above minus the snapshot patterns: in flat config
    // this block's no-restricted-imports replaces the one above for these files.
    // seeds/demo-timetable.ts writes the demo's publication, as the publish service does.
    files: ["src/timetable/**/*.ts", "seeds/demo-timetable.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [KERNEL_CALENDAR_DAYS] }] },
  },
  {
    // The files the kernel block leaves out still may not read the published snapshot
    // (db/ declares the entity and its migrations; seeds/demo-timetable.ts publishes the demo week).
    files: ["src/school/term-service.ts", "src/school/term-routes.ts", "seeds/demo.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: TIMETABLE_SNAPSHOT }] },
  },
);
