// A students CSV of 300 new children in 300 new families, uploaded through
// the real import form; committing it is what the fault script interrupts.
import { getPage, hiddenFields, postForm } from "../load/http";

interface W {
  server: { url: string };
  cookie: string;
}
export interface Batch {
  batchId: number;
  hash: string;
  numbers: string[];
  familyKeys: string[];
}

const ROWS = 300;

export async function uploadStudents(w: W, tag: string): Promise<Batch> {
  const prefix = `9${Buffer.from(tag).toString("hex").slice(0, 6)}`;
  const numbers = Array.from({ length: ROWS }, (_, i) => `${prefix}${String(i).padStart(4, "0")}`);
  const familyKeys = numbers.map((n) => `BF-${n}`);
  const csv = [
    "studentNumber,name,grade,className,familyKey,guardianName",
    ...numbers.map((n, i) => `${n},测试${i},3,三年级(1)班,BF-${n},家长${i}`),
  ].join("\n");
  const token = hiddenFields((await getPage(w.server.url, "/admin/import", w.cookie)).html)._csrf;
  const form = new FormData();
  form.append("file", new Blob([csv], { type: "text/csv" }), `bench-${tag}.csv`);
  const res = await fetch(`${w.server.url}/admin/import/students?_csrf=${encodeURIComponent(token)}`, {
    method: "POST",
    body: form,
    headers: { cookie: w.cookie },
    redirect: "manual",
  });
  const batchId = Number(/\/admin\/import\/batch\/(\d+)/.exec(res.headers.get("location") ?? "")?.[1]);
  if (!batchId) throw new Error(`upload refused: ${res.status} ${(await res.text()).slice(0, 300)}`);
  const preview = hiddenFields((await getPage(w.server.url, `/admin/import/batch/${batchId}`, w.cookie)).html);
  return { batchId, hash: preview.hash, numbers, familyKeys };
}

export async function commitBatch(w: W, batch: Batch, token?: string): Promise<number> {
  const csrf =
    token ?? hiddenFields((await getPage(w.server.url, `/admin/import/batch/${batch.batchId}`, w.cookie)).html)._csrf;
  return (
    await postForm(w.server.url, `/admin/import/batch/${batch.batchId}/commit`, w.cookie, [
      ["_csrf", csrf],
      ["hash", batch.hash],
    ])
  ).status;
}
