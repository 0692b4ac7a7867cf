import js from "@eslint/js";
import tseslint from "typescript-eslint";
import house from "./eslint/house-walls.mjs";

// Issue 19: every folder under src/ is in the house's shape (core/, store, service,
// routes, index.ts); house/walls checks its walls (eslint/house-walls.mjs).
const SHAPED = "*";

// Issue 17: the published timetable (Timetable.published, a JSON snapshot) has one reader,
// src/timetable/: its one parser and validator (core/snapshot.ts) and the questions others
// ask (publishedOf, sessionsOn, clubSessions, staffWeek from src/timetable/index.ts).
// Nothing else imports the Timetable entity or the parser. The calendar feed's context SQL
// still reads the row's publishedAt/updatedAt as its version stamp (not the snapshot).
const TIMETABLE_OWNERS = ["src/timetable/**", "src/db/**", "seeds/demo-timetable.ts"];
const TIMETABLE_IMPORTS = [
  {
    group: ["**/db/entities", "**/db/entities/index", "**/db/entities/timetable"],
    importNames: ["Timetable"],
    message:
      "The published timetable is read by src/timetable only: use publishedOf / publishedTimetable / sessionsOn / clubSessions / staffWeek from src/timetable.",
  },
  {
    group: ["**/timetable/core/snapshot", "**/timetable/store/published", "**/timetable/core/entry-row"],
    message: "Import the published timetable's reader from src/timetable (its index), not its files.",
  },
];
// Issue 17: the school clock and calendar have one owner, src/kernel/. Elsewhere nothing reads
// the school's time-zone setting, builds its own zone formatter or reads calendar days: ask the
// kernel (schoolZone, schoolToday, schoolDay, calendarEntries). The term admin pages
// (school/term-* and school/store/terms.ts) are the calendar's editor; db/ declares the entity.
const KERNEL_OWNERS = [
  "src/kernel/**",
  "src/db/**",
  "src/school/term-service.ts",
  "src/school/term-routes.ts",
  "src/school/store/terms.ts",
  "seeds/demo.ts",
];
const KERNEL_IMPORTS = [
  {
    group: ["**/db/entities", "**/db/entities/index", "**/db/entities/term"],
    importNames: ["CalendarDay"],
    message:
      "Calendar days are read by src/kernel/store/ only: use calendarEntries / schoolCalendar / schoolDay from the kernel.",
  },
  {
    // Per-date changes (cancellations, cover) are read through the timetable's sessionsOn
    // (DatedSession.cancelled / staffId / covered) and written by src/timetable/date-changes-service.ts.
    group: [
      "**/kernel",
      "**/kernel/index",
      "**/kernel/store",
      "**/kernel/store/index",
      "**/kernel/store/date-change-entities",
    ],
    importNames: ["SessionCancellation", "SessionCover"],
    message:
      "Cancellations and cover are the kernel's: read them from sessionsOn (src/timetable), change them through src/timetable/date-changes-service.",
  },
];
const KERNEL_SYNTAX = [
  {
    selector: "Literal[value='school.timezone']",
    message: "The school's time zone is the kernel's: use schoolZone() / SCHOOL_ZONE_KEY from src/kernel.",
  },
  {
    selector: "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']",
    message: "Zone arithmetic is the kernel's: use localDate / formatStored / isKnownZone from src/kernel/core.",
  },
  {
    selector:
      "ImportDeclaration[source.value=/(attendance\\/clock|homework\\/today|choices\\/school-time|timetable\\/local-time|policy\\/calendar)$/]",
    message: "The school clock and calendar moved to src/kernel.",
  },
];

// Issue 17: who is in which club on which day has one owner, the membership ledger
// (src/membership). Placements are the allocation's own output: only its writers
// (publish, waitlist), the per-round placements page, the child's data export
// (every table about the child) and the ledger read them; everyone else asks
// src/membership (clubsOn, membersOn, membersDuring, seatsOn...), never its table.
const PLACEMENT_OWNERS = [
  "src/membership/**",
  "src/db/**",
  "src/entities.ts",
  "src/privacy/child-export-store.ts",
  "src/allocation/entities.ts",
  "src/allocation/publish-service.ts",
  "src/allocation/waitlist-service.ts",
  "src/allocation/store/waitlist-context.ts",
  "src/allocation/store/placements.ts",
  "src/allocation/placements-page.ts",
];
const MEMBERSHIP_MESSAGE =
  "Club membership is read from src/membership (clubsOn, membersOn, membersDuring, seatsOn, memberCountsOn), not from placements or the ledger's table.";
const MEMBERSHIP_IMPORTS = [
  {
    group: ["**/allocation", "**/allocation/index", "**/allocation/entities"],
    importNames: ["ClubPlacement"],
    message: MEMBERSHIP_MESSAGE,
  },
  { group: ["**/membership", "**/membership/index"], importNames: ["Membership"], message: MEMBERSHIP_MESSAGE },
  { group: ["**/membership/store", "**/membership/entity"], message: MEMBERSHIP_MESSAGE },
];
const MEMBERSHIP_SYNTAX = [
  { selector: "Literal[value=/\\bclub_placement\\b/]", message: MEMBERSHIP_MESSAGE },
  { selector: "TemplateElement[value.raw=/\\b(club_placement|membership)\\b/]", message: MEMBERSHIP_MESSAGE },
];

// The rules a file obeys: every owner's but those of the owners it belongs to.
function ownerRules({ kernel, timetable, membership }) {
  return {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          ...(kernel ? KERNEL_IMPORTS : []),
          ...(timetable ? TIMETABLE_IMPORTS : []),
          ...(membership ? MEMBERSHIP_IMPORTS : []),
        ],
      },
    ],
    "no-restricted-syntax": ["error", ...(kernel ? KERNEL_SYNTAX : []), ...(membership ? MEMBERSHIP_SYNTAX : [])],
  };
}
const notDb = (globs) => globs.filter((f) => !f.startsWith("src/db/"));

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "public/**", "data/**", "test-output/**"] },
  js.configs.recommended,
  // Issue 19: typescript-eslint's type-aware recommended rules, with the type checker.
  ...tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "off",
      // TypeORM lists entity classes as `Function` (its own type for a class).
      "@typescript-eslint/no-unsafe-function-type": "off",
    },
  },
  {
    files: ["src/**/*.ts"],
    plugins: { house },
    rules: { "house/walls": ["error", { shaped: SHAPED }] },
  },
  {
    // HiGHS is a WebAssembly module loaded lazily, only when a multi-slot instance needs the MILP path.
    files: ["src/allocation/core/milp.ts", "test/allocation/unit/support/oracle.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  // Issue 17: one owner per shared fact. In flat config a later block replaces an earlier
  // block's rule for the same file, so the owners' rules are written once (below) and each
  // block lists every rule its files obey; the blocks' files do not overlap (src/db declares
  // every entity, so it obeys none of them).
  {
    // Everything but the owners obeys every owner's rules: the kernel's, the timetable reader's and the ledger's.
    files: ["src/**/*.ts", "seeds/**/*.ts"],
    ignores: [...KERNEL_OWNERS, ...TIMETABLE_OWNERS, ...PLACEMENT_OWNERS],
    rules: ownerRules({ kernel: true, timetable: true, membership: true }),
  },
  {
    // The kernel's owners (and the calendar's editor) obey the others' rules.
    files: notDb(KERNEL_OWNERS),
    rules: ownerRules({ kernel: false, timetable: true, membership: true }),
  },
  {
    // The timetable capability reads Timetable.published through its one parser;
    // seeds/demo-timetable.ts writes the demo's publication, as the publish service does.
    files: notDb(TIMETABLE_OWNERS),
    rules: ownerRules({ kernel: true, timetable: false, membership: true }),
  },
  {
    // The allocation's own writers and readers of placements obey the others' rules.
    files: notDb(PLACEMENT_OWNERS),
    rules: ownerRules({ kernel: true, timetable: true, membership: false }),
  },
  {
    // The writer of per-date changes (cancellations, cover) lives with the timetable it asks,
    // and writes the kernel's tables through the kernel's store.
    files: ["src/timetable/date-changes-service.ts"],
    rules: ownerRules({ kernel: false, timetable: false, membership: true }),
  },
);
