// What `npm start` prints for its plan. The setup token goes to stderr only
// (never to the JSON logs on stdout), once. The demo's logins are printed by the
// demo's own entry point (seeds/cli.ts), which alone knows them.
import type { DemoLogins } from "./demo-facts";

export type StartPlan =
  | { kind: "seeded"; logins: DemoLogins }
  | { kind: "serve"; demo: boolean; logins: DemoLogins | null }
  | { kind: "refuse"; message: string }
  | { kind: "setup"; token: string | null; expiresAt: string | null; demo: boolean };

/** The demo's logins, one line each (staff, then families). */
export function demoLoginLines(seeded: boolean, logins: DemoLogins): string[] {
  return [
    seeded ? "The demo school was seeded. Log in with:" : "Demo logins (if the demo school is in this database):",
    ...logins.staff.map((s) => `  ${s.role.padEnd(14)} ${s.email}  /  ${s.password}`),
    ...logins.families.map(
      (f) =>
        `  family         student number ${f.studentNumber}  /  family code ${f.code}` +
        (f.children.length > 1 ? `  (children: ${f.children.join(", ")})` : ""),
    ),
  ];
}

// The start-up banner: where to go and how to log in to the demo school.
export function printLogins(url: string, seeded: boolean, logins: DemoLogins): string {
  return ["", `Kehou 课后 is running at ${url}`, ...demoLoginLines(seeded, logins), ""].join("\n");
}

export const DEMO_NOTE =
  "This is demo data (development only; never seeded under NODE_ENV=production). `npx kehou demo remove` removes it.\n";

export function setupTokenLines(token: string, expiresAt: string): string {
  return `  setup token: ${token}\n  (valid until ${expiresAt}; \`npx kehou setup-token\` issues a new one and invalidates this one)\n`;
}

export function startMessage(url: string, plan: StartPlan): { stdout: string; stderr: string } {
  switch (plan.kind) {
    case "refuse":
      return { stdout: "", stderr: `${plan.message}\n` };
    case "seeded":
      return { stdout: printLogins(url, true, plan.logins) + DEMO_NOTE, stderr: "" };
    case "serve":
      return {
        stdout: plan.demo && plan.logins ? printLogins(url, false, plan.logins) : `\nKehou 课后 is running at ${url}\n`,
        stderr: "",
      };
    case "setup":
      return {
        stdout: `\nKehou 课后 is running at ${url}\n`,
        stderr:
          plan.token && plan.expiresAt
            ? `First-run setup: open ${url}/setup and enter\n${setupTokenLines(plan.token, plan.expiresAt)}`
            : `First-run setup: log in as the admin at ${url}/login and enter the school's details.\n`,
      };
  }
}
