// A robot webhook POST with Node's fetch: JSON in, and success only on a 2xx
// whose JSON body (when there is one) says errcode 0 — WeCom and DingTalk both
// answer 200 with an errcode for a bad key, a bad signature or a rate limit.
import { DeliveryError } from "./types";

export const WEBHOOK_TIMEOUT_MS = 10_000;

export async function postJson(url: string, body: unknown, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (err) {
    throw new DeliveryError(describeFetchError(err, timeoutMs));
  }
  const text = await res.text().catch(() => "");
  if (!res.ok) throw new DeliveryError(`HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ""}`);
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    return; // a 2xx that is not JSON: the receiver accepted it
  }
  const answer = parsed as { errcode?: unknown; errmsg?: unknown } | null;
  if (answer && typeof answer === "object" && answer.errcode !== undefined && answer.errcode !== 0)
    throw new DeliveryError(`errcode ${scalar(answer.errcode)}: ${scalar(answer.errmsg)}`.trim());
}

const scalar = (v: unknown): string =>
  typeof v === "string" || typeof v === "number" ? String(v) : v === undefined || v === null ? "" : JSON.stringify(v);

function describeFetchError(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError"))
    return `no answer within ${timeoutMs / 1000} s`;
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ""}`;
  return err instanceof Error ? err.message : String(err);
}
