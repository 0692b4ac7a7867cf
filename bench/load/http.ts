// Cookie-carrying form posts over fetch: read a page's hidden fields (CSRF
// token, round id, version) and post them back as the browser would.
export interface Answer {
  status: number;
  text: string;
  location: string | null;
  ms: number;
}

export function hiddenFields(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) out[m[1]] ??= m[2];
  return out;
}

export async function getPage(
  base: string,
  path: string,
  cookie: string,
): Promise<{ status: number; html: string; location: string | null }> {
  const res = await fetch(base + path, { headers: { cookie }, redirect: "manual" });
  return { status: res.status, html: await res.text(), location: res.headers.get("location") };
}

export async function postForm(
  base: string,
  path: string,
  cookie: string,
  fields: [string, string][],
): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(base + path, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams(fields).toString(),
  });
  const text = await res.text();
  return { status: res.status, text, location: res.headers.get("location"), ms: performance.now() - started };
}

/** Runs `work` over items with at most `limit` at a time (logins hash with argon2: 200 at once would only queue). */
export async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]);
      }
    }),
  );
  return out;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]) : 0;
}
