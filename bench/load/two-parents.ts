// Two parents of one family, two sessions, the same form at the same moment:
// one save wins, the other sees the conflict notice (409), and the saved row
// is the winner's list. Raced twice: both inserting (version 0), then both
// updating the saved row (version 1).
import type { TestDb } from "../../test/support/databases";
import { Preference } from "../../src/choices/entities";
import type { BenchFamily } from "./families";
import { openForm, submit } from "./run";

export async function raceTwoParents(base: string, family: BenchFamily, roundId: number, db: TestDb): Promise<boolean> {
  const lists = [family.clubs, [...family.clubs].reverse()];
  let allOk = true;
  for (const phase of ["first save (both version 0)", "change (both version 1)"]) {
    const [a, b] = await Promise.all([openForm(base, family, roundId), openForm(base, family, roundId)]);
    const answers = await Promise.all([submit(base, a, lists[0]), submit(base, b, lists[1])]);
    const winners = answers.flatMap((x, i) => (x.status === 302 ? [i] : []));
    const loser = answers.find((x) => x.status !== 302);
    const notice = loser ? /class="flash flash-error conflict"/.test(loser.text) : false;
    const row = await db.ds.getRepository(Preference).findOneBy({ roundId, studentId: family.studentId });
    const savedOk = winners.length === 1 && row?.clubIds.join(",") === lists[winners[0]].join(",");
    const ok = savedOk && loser?.status === 409 && notice;
    console.log(
      `[${db.kind}] two parents, ${phase}: statuses ${answers.map((x) => x.status).join(" / ")}, ` +
        `winner ${winners.map((w) => "ABCD"[w]).join("+") || "none"}, loser notice shown: ${notice}, saved row = winner's list: ${savedOk} (version ${row?.version}) → ${ok ? "PASS" : "FAIL"}`,
    );
    allOk &&= ok;
  }
  return allOk;
}
