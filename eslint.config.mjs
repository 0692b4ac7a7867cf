import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
    // Issue 17: the school clock and calendar have one owner, src/kernel/. Elsewhere nothing reads
    // the school's time-zone setting, builds its own zone formatter or reads calendar days: ask the
    // kernel (schoolZone, schoolToday, schoolDay, calendarEntries). The term admin pages
    // (school/term-*) are the calendar's editor; db/ declares the entity.
    files: ["src/**/*.ts", "seeds/**/*.ts"],
    ignores: ["src/kernel/**", "src/db/**", "src/school/term-service.ts", "src/school/term-routes.ts", "seeds/demo.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{
          group: ["**/db/entities", "**/db/entities/index", "**/db/entities/term"],
          importNames: ["CalendarDay"],
          message: "Calendar days are read by src/kernel/store.ts only: use calendarEntries / schoolCalendar / schoolDay from the kernel.",
        }],
      }],
      "no-restricted-syntax": ["error",
        { selector: "Literal[value='school.timezone']", message: "The school's time zone is the kernel's: use schoolZone() / SCHOOL_ZONE_KEY from src/kernel." },
        { selector: "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']", message: "Zone arithmetic is the kernel's: use localDate / formatStored / isKnownZone from src/kernel/core." },
        { selector: "ImportDeclaration[source.value=/(attendance\\/clock|homework\\/today|choices\\/school-time|timetable\\/local-time|policy\\/calendar)$/]", message: "The school clock and calendar moved to src/kernel." },
      ],
    },
  },
);
