// A process that dies at the worst moments (run by test/notifications/store/fault.test.ts):
//   commit   — commits an absence-like notice, says so, and waits to be killed
//              before anything is sent;
//   send     — runs the dispatcher and kills itself (SIGKILL) right after the
//              receiver accepted the message, before the row is marked sent.
// argv: <mode> <database url> <staff id>
import { openDatabase } from "../../../src/database";
import { inTransaction } from "../../../src/db";
import { notifyStaff } from "../../../src/notifications";
import { dispatchOnce } from "../../../src/notifications/dispatcher";
import { SENDERS } from "../../../src/notifications/channels";

async function main(): Promise<void> {
  const [mode, url, staffId] = process.argv.slice(2);
  const ds = await openDatabase(url);
  if (mode === "commit") {
    await inTransaction(ds, (em) =>
      notifyStaff(em, Number(staffId), "attendance.absent", { child: "王小明", session: "合唱", date: "2026-12-01" }),
    );
    process.stdout.write("committed\n");
    setInterval(() => undefined, 1000); // wait for SIGKILL
    return;
  }
  await dispatchOnce(ds, {
    workerId: "doomed",
    senders: {
      email: async (input) => {
        await SENDERS.email(input);
        process.stdout.write("sent\n");
        process.kill(process.pid, "SIGKILL");
        await new Promise(() => undefined);
      },
    },
  });
}

void main();
