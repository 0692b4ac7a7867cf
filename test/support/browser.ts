// Real Chromium through playwright-core, never a downloaded browser. Without
// Chromium the browser suites are pending, except under CI=true where that fails.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Express } from "express";
import { projectRoot } from "../../src/config";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

// Call in a before() hook: skips the suite, or fails it under CI.
export function requireChromium(ctx: Mocha.Context): void {
  if (hasChromium()) return;
  if (process.env.CI === "true") throw new Error(`Chromium is required under CI=true (${CHROMIUM} not found)`);
  ctx.skip();
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

// The port is known only once listening: it becomes the app's PUBLIC_URL, the
// only source of absolute links (feed URLs the browser then fetches).
export function listen(app: Express): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      app.locals.publicUrl = url;
      resolve({ server, url });
    });
  });
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/**
 * A family's phone (390 px, touch, zh-CN) with what went wrong on it collected:
 * script errors and every response of 400 or more (the browser's own favicon probe aside).
 */
export async function phonePage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: "zh-CN" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) errors.push(`${r.status()} ${r.url()}`);
  });
  return { context, page, errors };
}

// Screenshots of every run go to test-output/; with UPDATE_DOCS=1 also to docs/screenshots/.
export function screenshotPaths(name: string): string[] {
  const out = join(projectRoot(), "test-output", "e2e");
  mkdirSync(out, { recursive: true });
  const paths = [join(out, `${name}.png`)];
  if (process.env.UPDATE_DOCS === "1") {
    const docs = join(projectRoot(), "docs", "screenshots");
    mkdirSync(docs, { recursive: true });
    paths.push(join(docs, `${name}.png`));
  }
  return paths;
}
