// Helpers for the one-term browser test (term.test.ts): logins, numbered
// screenshots, and the one fixture step the browser cannot do quickly —
// giving the rest of the school (~700 children) ranked lists in the round
// the admin opened on the page.
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { DataSource } from "typeorm";
import { In, Not } from "typeorm";
import { copyFileSync } from "node:fs";
import { DESKTOP, PHONE, screenshotPaths } from "../../support/browser";
import type { DemoLogins } from "../../../seeds/demo";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { ChoiceRound, Preference } from "../../../src/choices/entities";
import { inTransaction } from "../../../src/db/transaction";

let step = 0;

/** Saves test-output/e2e/term-NN-<name>.png, NN counting up through the term. */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  const [first, ...copies] = screenshotPaths(`term-${String(++step).padStart(2, "0")}-${name}`);
  await page.screenshot({ path: first, fullPage });
  for (const copy of copies) copyFileSync(first, copy);
}

export async function staffContext(
  browser: Browser,
  url: string,
  logins: DemoLogins,
  role: string,
  phone = false,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: phone ? PHONE : DESKTOP,
    locale: "zh-CN",
    ...(phone ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  const s = logins.staff.find((x) => x.role === role)!;
  await page.goto(`${url}/login`);
  await page.fill('input[name="email"]', s.email);
  await page.fill('input[name="password"]', s.password);
  await page.click('form:has(input[name="email"]) button.primary');
  await page.waitForURL(`${url}/`);
  return { context, page };
}

/** A family on a phone; the first login of a family goes through the privacy notice. */
export async function familyContext(
  browser: Browser,
  url: string,
  family: DemoLogins["families"][number],
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.fill('input[name="studentNumber"]', family.studentNumber);
  await page.fill('input[name="code"]', family.code);
  await page.click('form:has(input[name="studentNumber"]) button.primary');
  await page.waitForURL(/\/(privacy)?$/);
  if (page.url().endsWith("/privacy")) {
    await page.check('input[name="accept"]');
    await page.click("form.accept button");
    await page.waitForURL(`${url}/`);
  }
  return { context, page };
}

/** Ranks the first `count` clubs each rank offers (Thursday ticked first, so club options are enabled). */
export async function rankClubs(page: Page, count = 3): Promise<string[]> {
  const thursday = page.locator('input[name="weekdays"][value="4"]');
  if (!(await thursday.isChecked())) await thursday.check();
  const picked: string[] = [];
  for (let rank = 1; rank <= count; rank++) {
    const value = await page
      .locator(`#rank${rank} option:not([disabled])`)
      .evaluateAll(
        (options: { getAttribute(name: string): string | null }[], taken) =>
          options.map((o) => o.getAttribute("value") ?? "").find((v) => v && !taken.includes(v)) ?? "",
        picked,
      );
    await page.selectOption(`#rank${rank}`, value);
    picked.push(value);
  }
  return picked;
}

/**
 * The rest of the school chooses: seedDemoChoices writes ranked lists in its
 * own (past, closed) round; they are moved into the admin's round, leaving
 * alone the children whose families already chose in the browser.
 */
export async function restOfSchoolChooses(ds: DataSource, roundId: number, students: number): Promise<number> {
  const { round } = await seedDemoChoices(ds, { students, seed: 7 });
  return inTransaction(ds, async (em) => {
    const chose = (await em.getRepository(Preference).find({ where: { roundId }, select: { studentId: true } })).map(
      (p) => p.studentId,
    );
    const moved = await em
      .getRepository(Preference)
      .update({ roundId: round.id, studentId: Not(In(chose)) }, { roundId });
    await em.getRepository(Preference).delete({ roundId: round.id });
    await em.getRepository(ChoiceRound).delete({ id: round.id });
    return moved.affected ?? 0;
  });
}
