// The words of a delivered notice, from the catalogs (pure: the translator,
// the time formatter and the site's address are handed in). E-mail: subject,
// plain text and HTML; staff groups: a title and a markdown text. A kind may
// have its own texts (notifications.email.<kind>.subject / .body,
// notifications.group.<kind>); without them the in-app line is used.
import type { NotificationPayload } from "./payload";

export interface RenderTools {
  /** i18next's t for the recipient's language; `defaultValue` is returned when the key is missing. */
  t: (key: string, vars: Record<string, unknown>) => string;
  /** An ISO instant in the school's time zone, as people read it. */
  formatInstant: (iso: string) => string;
  /** PUBLIC_URL, without a trailing slash. */
  siteUrl: string;
  schoolName: string;
}

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

export interface GroupMessage {
  title: string;
  markdown: string;
  text: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** Placeholders as people read them: stored instants in the school's time. */
export function readableVars(payload: NotificationPayload, formatInstant: (iso: string) => string) {
  return Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [k, typeof v === "string" && INSTANT.test(v) ? formatInstant(v) : v]),
  );
}

/** An absolute https/http link for the payload's `link` (a path in the app), or null. */
export function absoluteLink(payload: NotificationPayload, siteUrl: string): string | null {
  const link = payload.link;
  if (typeof link !== "string" || !link.startsWith("/") || link.startsWith("//")) return null;
  return `${siteUrl.replace(/\/+$/, "")}${link}`;
}

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function inAppLine(kind: string, payload: NotificationPayload, tools: RenderTools): string {
  return tools.t(`notifications.kinds.${kind}`, { ...readableVars(payload, tools.formatInstant), defaultValue: kind });
}

export function renderEmail(kind: string, payload: NotificationPayload, tools: RenderTools): EmailMessage {
  const vars = { ...readableVars(payload, tools.formatInstant), school: tools.schoolName };
  const line = inAppLine(kind, payload, tools);
  const subject = tools.t(`notifications.email.${kind}.subject`, {
    ...vars,
    defaultValue: tools.t("notifications.email.subject", { ...vars, line: short(line), defaultValue: short(line) }),
  });
  const body = tools.t(`notifications.email.${kind}.body`, { ...vars, defaultValue: line });
  const url = absoluteLink(payload, tools.siteUrl);
  const open = url ? tools.t("notifications.email.open", { url, defaultValue: url }) : null;
  const footer = tools.t("notifications.email.footer", { school: tools.schoolName, defaultValue: "" });
  const text = [body, open, footer ? `--\n${footer}` : null].filter(Boolean).join("\n\n");
  const html = [
    ...body.split(/\n+/).map((p) => `<p>${escapeHtml(p)}</p>`),
    url
      ? `<p><a href="${escapeHtml(url)}">${escapeHtml(tools.t("notifications.open", { defaultValue: url }))}</a></p>`
      : "",
    footer ? `<p style="color:#666;font-size:12px">${escapeHtml(footer)}</p>` : "",
  ].join("\n");
  return { subject, text, html };
}

export function renderGroup(kind: string, payload: NotificationPayload, tools: RenderTools): GroupMessage {
  const vars = readableVars(payload, tools.formatInstant);
  const text = tools.t(`notifications.group.${kind}`, { ...vars, defaultValue: inAppLine(kind, payload, tools) });
  const title = tools.schoolName || tools.t("app.name", { defaultValue: "Kehou" });
  const url = absoluteLink(payload, tools.siteUrl);
  const open = tools.t("notifications.open", { defaultValue: "Open" });
  const markdown = [`**${title}**`, text, url ? `[${open}](${url})` : null].filter(Boolean).join("\n\n");
  return { title, markdown, text: url ? `${text}\n${url}` : text };
}

const short = (line: string): string => (line.length > 80 ? `${line.slice(0, 79)}…` : line);
