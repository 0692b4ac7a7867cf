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
);
