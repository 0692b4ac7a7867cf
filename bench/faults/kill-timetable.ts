// (d) Timetable publish: the draft is copied into Timetable.published in one
// transaction. After a SIGKILL the snapshot families see is either the one
// published before (same rows, same publishedAt, no new audit row) or the
// new one (exactly the draft, a new publishedAt, one audit row); the draft
// itself is never touched by publishing.
import type { DataSource } from "typeorm";
import { MoreThan } from "typeorm";
import { AuditEntry, Term, Timetable, TimetableEntry } from "../../src/db/entities";
import { rowOf, EntryRow } from "../../src/timetable/core/entry-row";
import { parseSnapshot } from "../../src/timetable/core/snapshot";
import { postForm } from "../load/http";
import { csrf, killDuring, Row, World } from "./kill-world";

const REASON = "bench fault test: publish despite policy errors";

interface State {
  termId: number;
  draft: string;
  published: string;
  publishedAt: string | null;
  auditId: number;
}

const canonical = (rows: EntryRow[]) => JSON.stringify([...rows].sort((a, b) => a.id - b.id));

async function state(ds: DataSource): Promise<State> {
  const term = await ds.getRepository(Term).findOneOrFail({ where: { current: true }, order: { id: "DESC" } });
  const entries = await ds.getRepository(TimetableEntry).findBy({ termId: term.id });
  const t = await ds.getRepository(Timetable).findOneByOrFail({ termId: term.id });
  const auditId = (await ds.getRepository(AuditEntry).maximum("id")) ?? 0;
  return {
    termId: term.id,
    draft: canonical(entries.map(rowOf)),
    published: canonical(parseSnapshot(t.published, term.id).rows),
    publishedAt: t.publishedAt,
    auditId,
  };
}

// The draft differs from what is published before every attempt, so "complete" and "absent" can be told apart.
async function editDraft(ds: DataSource, termId: number, n: number): Promise<void> {
  const repo = ds.getRepository(TimetableEntry);
  const entry = await repo.findOneOrFail({ where: { termId }, order: { id: "ASC" } });
  await repo.update(
    { id: entry.id },
    {
      title: `${entry.title.replace(/ · k\d+$/, "")} · k${n}`,
      sequence: entry.sequence + 1,
      updatedAt: new Date().toISOString(),
    },
  );
}

export async function checkTimetablePublish(
  ds: DataSource,
  before: State,
): Promise<{ outcome: string; intact: string | null }> {
  const after = await state(ds);
  const audits = await ds
    .getRepository(AuditEntry)
    .countBy({ id: MoreThan(before.auditId), action: "timetable.publish" });
  const draftSame = after.draft === before.draft ? null : "draft changed by the publish";
  if (after.published === before.published && after.publishedAt === before.publishedAt && audits === 0)
    return { outcome: "absent", intact: draftSame };
  if (after.published === before.draft && after.publishedAt !== before.publishedAt && audits === 1)
    return { outcome: "complete", intact: draftSame };
  const what =
    after.published === before.published
      ? "old rows"
      : after.published === before.draft
        ? "new rows"
        : "rows of neither";
  return {
    outcome: `HALF-DONE: ${what}, publishedAt ${after.publishedAt === before.publishedAt ? "old" : "new"}, ${audits} audit rows`,
    intact: draftSame,
  };
}

async function publish(w: World, token: string): Promise<number> {
  return (
    await postForm(w.server.url, "/admin/timetable/publish", w.cookie, [
      ["_csrf", token],
      ["reason", REASON],
    ])
  ).status;
}

/** Times one uninterrupted publish, then kills publishes at fractions of that time. */
export async function timetablePublishKills(w: World, fractions: number[], row: Row): Promise<void> {
  const { termId } = await state(w.ds);
  // Timed on the second publish: the first one also warms the server's caches.
  let ms = 0;
  for (const n of [-2, -1]) {
    await editDraft(w.ds, termId, -n);
    const t = performance.now();
    const status = await publish(w, await csrf(w, "/admin/timetable/publish"));
    ms = Math.round(performance.now() - t);
    console.log(`setup: a timetable publish took ${ms} ms over HTTP (HTTP ${status})`);
    if (status !== 302) throw new Error(`timetable publish refused: HTTP ${status}`);
  }
  let n = 3;
  for (const fraction of fractions) {
    await editDraft(w.ds, termId, n++);
    const before = await state(w.ds);
    const token = await csrf(w, "/admin/timetable/publish");
    const delay = Math.round(ms * fraction);
    const http = await killDuring(w, delay, () => publish(w, token));
    const { outcome, intact } = await checkTimetablePublish(w.ds, before);
    row("timetable pub", delay, http, outcome, intact);
  }
}
