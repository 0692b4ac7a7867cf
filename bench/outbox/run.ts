// The outbox (issue 21): delivery latency — from the commit of a notice to its
// arrival at the receiver, p50/p95 — and throughput (notices a second) through
// the server's own dispatcher (a timer plus the prompt wake-up after a write)
// to a local SMTP server and a local webhook robot, on SQLite and, when
// BENCH_PG_URL or TEST_PG_URL is set, PostgreSQL. Figures only, no assertions.
import type { DataSource } from "typeorm";
import { openDatabase } from "../../src/database";
import { Setting, inTransaction } from "../../src/db";
import { OutboxDelivery, notifyStaff, notifyStaffGroup, startDispatcher } from "../../src/notifications";
import { scratchDatabases } from "../support/scratch-db";
import { startMailReceiver, startRobotReceiver } from "../../test/notifications/support/receivers";
import { addStaff, pointAtReceivers } from "../../test/notifications/support/school";

const LATENCY_NOTICES = 100;
const THROUGHPUT_NOTICES = 400;

type Channel = "email" | "webhook";

interface Arrivals {
  count(): number;
  arrivedAt(key: string): number | undefined;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function until(cond: () => boolean, timeoutMs = 120_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting for deliveries");
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function write(ds: DataSource, channel: Channel, staffId: number, n: number): Promise<void> {
  await inTransaction(ds, async (em) => {
    for (let i = 0; i < n; i++)
      if (channel === "email")
        await notifyStaff(em, staffId, "attendance.absent", { child: "王小明", session: "合唱" });
      else await notifyStaffGroup(em, "attendance.daySummary", { count: i, className: "三年级2班" });
  });
}

async function lastKeys(ds: DataSource, n: number): Promise<string[]> {
  const rows = await ds
    .getRepository(OutboxDelivery)
    .find({ order: { id: "DESC" }, take: n, select: { idempotencyKey: true } });
  return rows.map((r) => r.idempotencyKey);
}

async function latency(ds: DataSource, channel: Channel, staffId: number, arrivals: Arrivals): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < LATENCY_NOTICES; i++) {
    await write(ds, channel, staffId, 1);
    const committed = Date.now();
    const [key] = await lastKeys(ds, 1);
    await until(() => arrivals.arrivedAt(key) !== undefined);
    out.push(arrivals.arrivedAt(key)! - committed);
  }
  return out;
}

async function throughput(ds: DataSource, channel: Channel, staffId: number, arrivals: Arrivals): Promise<number> {
  const before = arrivals.count();
  const start = Date.now();
  await write(ds, channel, staffId, THROUGHPUT_NOTICES);
  await until(() => arrivals.count() >= before + THROUGHPUT_NOTICES);
  return (THROUGHPUT_NOTICES / (Date.now() - start)) * 1000;
}

async function main(): Promise<void> {
  const mail = await startMailReceiver();
  const robots = await startRobotReceiver();
  const mailArrivals: Arrivals = {
    count: () => mail.mails.length,
    arrivedAt: (key) => mail.mails.find((m) => m.key === key)?.at,
  };
  const robotArrivals: Arrivals = {
    count: () => robots.accepted("wecom").length,
    arrivedAt: (key) => robots.accepted("wecom").find((c) => c.key === key)?.at,
  };
  console.log(
    `\n${"database".padEnd(10)} ${"channel".padEnd(8)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"max ms".padStart(7)} ${"notices/s".padStart(10)}`,
  );
  const rows: { db: string; channel: Channel; p50: number; p95: number; rate: number }[] = [];
  for (const scratch of await scratchDatabases()) {
    const ds = await openDatabase(scratch.url);
    try {
      const staff = await addStaff(ds, "1", "class_teacher", "teacher@school.example");
      await pointAtReceivers(ds, { smtpPort: mail.port, robotUrl: robots.url });
      // Only the WeCom robot for the webhook figures: one delivery per notice.
      await ds.getRepository(Setting).save({ key: "notify.dingtalk.webhook", value: "" });
      const dispatcher = startDispatcher(ds, { intervalMs: 1000 });
      try {
        for (const channel of ["email", "webhook"] as Channel[]) {
          const arrivals = channel === "email" ? mailArrivals : robotArrivals;
          const lat = await latency(ds, channel, staff.id, arrivals);
          const rate = await throughput(ds, channel, staff.id, arrivals);
          const row = { db: scratch.kind, channel, p50: pct(lat, 50), p95: pct(lat, 95), rate };
          rows.push(row);
          console.log(
            `${row.db.padEnd(10)} ${channel.padEnd(8)} ${String(row.p50).padStart(7)} ${String(row.p95).padStart(7)} ${String(Math.max(...lat)).padStart(7)} ${rate.toFixed(0).padStart(10)}`,
          );
        }
      } finally {
        await dispatcher.stop();
      }
    } finally {
      await ds.destroy();
      await scratch.drop();
    }
  }
  const email = rows.find((r) => r.db === "sqlite" && r.channel === "email");
  const hook = rows.find((r) => r.db === "sqlite" && r.channel === "webhook");
  if (email && hook) console.log(`\nwebhook vs e-mail throughput (SQLite): ${(hook.rate / email.rate).toFixed(2)}×`);
  const pgEmail = rows.find((r) => r.db === "postgres" && r.channel === "email");
  if (email && pgEmail)
    console.log(`PostgreSQL vs SQLite e-mail throughput: ${(pgEmail.rate / email.rate).toFixed(2)}×`);
  await mail.close();
  await robots.close();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
