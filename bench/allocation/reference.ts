// The exact reference the figures are compared with: the whole lexicographic
// integer program handed to HiGHS (the `highs` package, WebAssembly) with its
// default settings — binary x per child–club choice, binary y per placed
// child, one solve per layer (most placed, most placements, least rank sum).
// It shares no code with the engine, so its tuple also cross-checks ours.

import type { Instance } from "../../src/allocation/core";

type Highs = { solve(lp: string, options?: object): { Status: string; ObjectiveValue: number } };

/** LP text keeps lines short: one term per line. */
const sum = (terms: string[], op = "+") => terms.join(`\n ${op} `);
let loaded: Promise<Highs> | undefined;

export async function referenceSolve(
  instance: Instance,
  timeLimitSeconds: number,
): Promise<{ tuple: [number, number, number] | null; ms: number; status: string }> {
  const highs = await (loaded ??= import("highs").then((m) => m.default() as unknown as Highs));
  const started = performance.now();
  const clubs = new Map(instance.clubs.map((c) => [c.id, c]));
  const pinnedSeats = new Map<string, number>();
  let pinnedPlaced = 0,
    pins = 0,
    pinRanks = 0;
  const rows: string[] = [],
    xs: string[] = [],
    ys: string[] = [],
    rankTerms: string[] = [];
  const byClub = new Map<string, string[]>();
  instance.students.forEach((s, i) => {
    for (const p of s.pinned) pinnedSeats.set(p, (pinnedSeats.get(p) ?? 0) + 1);
    if (s.pinned.length) pinnedPlaced++;
    pins += s.pinned.length;
    pinRanks += s.pinned.reduce((sum, p) => sum + s.choices.indexOf(p) + 1, 0);
    const busy = new Set(s.pinned.flatMap((p) => clubs.get(p)!.slots));
    const room = s.maxClubs - s.pinned.length;
    if (room <= 0) return;
    const mine: { name: string; club: string }[] = [];
    s.choices.forEach((id, k) => {
      const c = clubs.get(id)!;
      if (s.pinned.includes(id) || (c.grades && !c.grades.includes(s.grade))) return;
      if (!c.slots.every((slot) => s.slots.includes(slot) && !busy.has(slot))) return;
      const name = `x${i}_${k}`;
      mine.push({ name, club: id });
      rankTerms.push(`${k + 1} ${name}`);
      let list = byClub.get(id);
      if (!list) byClub.set(id, (list = []));
      list.push(name);
    });
    if (mine.length === 0) return;
    xs.push(...mine.map((v) => v.name));
    rows.push(`r${i}: ${sum(mine.map((v) => v.name))} <= ${room}`);
    for (const slot of s.slots) {
      const here = mine.filter((v) => clubs.get(v.club)!.slots.includes(slot));
      if (here.length > 1)
        rows.push(`s${i}_${slot.replace(/[^A-Za-z0-9_]/g, "_")}: ${sum(here.map((v) => v.name))} <= 1`);
    }
    if (!s.pinned.length) {
      ys.push(`y${i}`);
      rows.push(
        `p${i}: y${i} - ${sum(
          mine.map((v) => v.name),
          "-",
        )} <= 0`,
      );
    }
  });
  let k = 0;
  for (const [id, names] of byClub)
    rows.push(`c${k++}: ${sum(names)} <= ${clubs.get(id)!.capacity - (pinnedSeats.get(id) ?? 0)}`);
  if (xs.length === 0)
    return { tuple: [pinnedPlaced, pins, pinRanks], ms: performance.now() - started, status: "Optimal" };
  const all = [...xs, ...ys];
  const solve = (sense: string, objective: string, extra: string[]) => {
    const lp = [
      sense,
      ` obj: ${objective}`,
      "Subject To",
      ...rows,
      ...extra,
      "Bounds",
      ...all.map((n) => ` 0 <= ${n} <= 1`),
      "Generals",
      ...all.map((n) => ` ${n}`),
      "End",
    ].join("\n");
    const out = highs.solve(lp, { mip_rel_gap: 0, time_limit: timeLimitSeconds });
    return out.Status === "Optimal"
      ? { value: Math.round(out.ObjectiveValue), status: out.Status }
      : { value: NaN, status: out.Status };
  };
  const l1 = ys.length ? solve("Maximize", sum(ys), []) : { value: 0, status: "Optimal" };
  if (Number.isNaN(l1.value)) return { tuple: null, ms: performance.now() - started, status: l1.status };
  const keep1 = ys.length ? [`k1: ${sum(ys)} >= ${l1.value}`] : [];
  const l2 = solve("Maximize", sum(xs), keep1);
  if (Number.isNaN(l2.value)) return { tuple: null, ms: performance.now() - started, status: l2.status };
  const l3 = solve("Minimize", sum(rankTerms), [...keep1, `k2: ${sum(xs)} >= ${l2.value}`]);
  const ms = performance.now() - started;
  if (Number.isNaN(l3.value)) return { tuple: null, ms, status: l3.status };
  return { tuple: [l1.value + pinnedPlaced, l2.value + pins, l3.value + pinRanks], ms, status: "Optimal" };
}
