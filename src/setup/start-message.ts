// What `npm start` prints for its plan. The setup token goes to stderr only
// (never to the JSON logs on stdout), once.
import type { StartPlan } from "./start-plan";
import { printLogins } from "./print-logins";

export function setupTokenLines(token: string, expiresAt: string): string {
  return `  setup token: ${token}\n  (valid until ${expiresAt}; \`npx kehou setup-token\` issues a new one and invalidates this one)\n`;
}

export function startMessage(url: string, plan: StartPlan): { stdout: string; stderr: string } {
  switch (plan.kind) {
    case "refuse":
      return { stdout: "", stderr: `${plan.message}\n` };
    case "seeded":
      return {
        stdout: printLogins(url, true, plan.logins) +
          "This is demo data (development only; never seeded under NODE_ENV=production). `npx kehou demo remove` removes it.\n",
        stderr: "",
      };
    case "serve":
      return { stdout: plan.demo && plan.logins ? printLogins(url, false, plan.logins) : `\nKehou 课后 is running at ${url}\n`, stderr: "" };
    case "setup":
      return {
        stdout: `\nKehou 课后 is running at ${url}\n`,
        stderr: plan.token && plan.expiresAt
          ? `First-run setup: open ${url}/setup and enter\n${setupTokenLines(plan.token, plan.expiresAt)}`
          : `First-run setup: log in as the admin at ${url}/login and enter the school's details.\n`,
      };
  }
}
