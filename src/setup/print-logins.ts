// The start-up banner: where to go and how to log in to the demo school.
import type { DemoLogins } from "./demo-facts";

export function printLogins(url: string, seeded: boolean, logins: DemoLogins): string {
  const lines = [
    "",
    `Kehou 课后 is running at ${url}`,
    seeded ? "The demo school was seeded. Log in with:" : "Demo logins (if the demo school is in this database):",
    ...logins.staff.map((s) => `  ${s.role.padEnd(14)} ${s.email}  /  ${s.password}`),
    ...logins.families.map((f) => `  family         student number ${f.studentNumber}  /  family code ${f.code}` +
      (f.children.length > 1 ? `  (children: ${f.children.join(", ")})` : "")),
    "",
  ];
  return lines.join("\n");
}
