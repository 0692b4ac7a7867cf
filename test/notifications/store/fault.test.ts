// Issue 21's fault test: a process is killed between the commit of an absence
// notice and its delivery, and another after sending but before marking. A
// restarted dispatcher delivers the first and sends the second once more —
// every copy with the same idempotency key. Nothing is lost.
import { expect } from "chai";
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { OutboxDelivery } from "../../../src/notifications";
import { dispatchAll } from "../../../src/notifications/dispatcher";
import { closeEmailTransports } from "../../../src/notifications/channels";
import { type MailReceiver, startMailReceiver } from "../support/receivers";
import { addStaff, pointAtReceivers } from "../support/school";

const CHILD = join(__dirname, "..", "support", "fault-child.js");

/** Runs the child until it prints `until`, then kills it (or waits for it to die by itself). */
function runChild(args: string[], until: string, killAfter: boolean): Promise<{ signal: string | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (killAfter && out.includes(until)) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) => resolve({ signal, out }));
  });
}

forEachDatabase("outbox fault test: killed processes lose nothing", (ctx) => {
  let ds: DataSource;
  let mail: MailReceiver;
  let teacher: number;

  before(async () => {
    ds = ctx.db.ds;
    mail = await startMailReceiver();
    teacher = (await addStaff(ds, "1", "class_teacher", "teacher@school.example")).id;
    await pointAtReceivers(ds, { smtpPort: mail.port });
  });
  after(async () => {
    closeEmailTransports();
    await mail.close();
  });
  beforeEach(async () => {
    await ds.getRepository(OutboxDelivery).deleteAll();
    mail.mails.length = 0;
  });

  it("When the process that committed an absence is killed before delivery, then a restarted dispatcher delivers it", async function () {
    this.timeout(60_000);
    const { signal, out } = await runChild(["commit", ctx.db.url, String(teacher)], "committed", true);
    expect(out).to.contain("committed");
    expect(signal).to.equal("SIGKILL");
    expect(mail.mails).to.have.length(0);
    const [row] = await ds.getRepository(OutboxDelivery).find();
    expect(row).to.include({ status: "pending", attempts: 0 });
    expect(await dispatchAll(ds)).to.deep.equal({ claimed: 1, sent: 1, failed: 0 });
    await mail.waitFor(1);
    expect(mail.mails.map((m) => m.key)).to.deep.equal([row.idempotencyKey]);
  });

  it("When the dispatcher is killed after sending but before marking, then the next one sends again once its claim expires, with the same key", async function () {
    this.timeout(60_000);
    await runChild(["commit", ctx.db.url, String(teacher)], "committed", true);
    const { signal, out } = await runChild(["send", ctx.db.url, String(teacher)], "sent", false);
    expect(out).to.contain("sent");
    expect(signal).to.equal("SIGKILL");
    await mail.waitFor(1);
    const [claimed] = await ds.getRepository(OutboxDelivery).find();
    expect(claimed).to.include({ status: "pending", claimedBy: "doomed", attempts: 0 });
    // Until the claim runs out nobody sends it; after, the restarted dispatcher does.
    expect(await dispatchAll(ds)).to.include({ claimed: 0 });
    const later = new Date(Date.parse(claimed.claimedUntil!) + 1000);
    expect(await dispatchAll(ds, { now: () => later })).to.deep.equal({ claimed: 1, sent: 1, failed: 0 });
    await mail.waitFor(2);
    expect(mail.mails.map((m) => m.key)).to.deep.equal([claimed.idempotencyKey, claimed.idempotencyKey]);
    expect(mail.mails.map((m) => m.messageId)).to.deep.equal([
      `<${claimed.idempotencyKey}@kehou>`,
      `<${claimed.idempotencyKey}@kehou>`,
    ]);
    const [row] = await ds.getRepository(OutboxDelivery).find();
    expect(row.status).to.equal("sent");
  });
});
