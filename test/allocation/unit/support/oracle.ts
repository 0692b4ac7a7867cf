// The exact reference: an integer program written here, independently of the
// engine (CPLEX LP text, binaries everywhere, one solve per lexicographic
// layer), and solved by HiGHS. Plus plain brute force for tiny instances.
// Both return only the objective tuple: optima tie, so tests compare values.

import type { Instance } from "../../../../src/allocation/core";
import { clubMap, compareTuples, eligible, Tuple } from "./check";

type Highs = { solve(lp: string, options?: object): { Status: string; ObjectiveValue: number } };
let loaded: Promise<Highs> | undefined;
export function highs(): Promise<Highs> {
  loaded ??= import("highs").then((m) => m.default() as unknown as Highs);
  return loaded;
}

export async function oracleTuple(instance: Instance): Promise<Tuple> {
  const solver = await highs();
  const clubs = clubMap(instance);
  const vars: { name: string; student: number; club: string; rank: number }[] = [];
  let pinnedPlaced = 0,
    pins = 0,
    pinRanks = 0;
  const yNames: string[] = [];
  const rows: string[] = [];
  instance.students.forEach((s, i) => {
    if (s.pinned.length > 0) pinnedPlaced++;
    pins += s.pinned.length;
    for (const p of s.pinned) pinRanks += s.choices.indexOf(p) + 1;
    const pinSlots = new Set(s.pinned.flatMap((p) => clubs.get(p)!.slots));
    const mine = s.choices
      .map((club, k) => ({ name: `x_${i}_${k}`, student: i, club, rank: k + 1 }))
      .filter((v) => eligible(instance, i, v.club) && clubs.get(v.club)!.slots.every((slot) => !pinSlots.has(slot)));
    if (mine.length === 0 || s.maxClubs - s.pinned.length <= 0) return;
    vars.push(...mine);
    rows.push(`room_${i}: ${mine.map((v) => v.name).join(" + ")} <= ${s.maxClubs - s.pinned.length}`);
    for (const slot of s.slots) {
      const here = mine.filter((v) => clubs.get(v.club)!.slots.includes(slot));
      if (here.length > 1) rows.push(`slot_${i}_${slot}: ${here.map((v) => v.name).join(" + ")} <= 1`);
    }
    if (s.pinned.length === 0) {
      yNames.push(`y_${i}`);
      rows.push(`placed_${i}: y_${i} - ${mine.map((v) => v.name).join(" - ")} <= 0`);
    }
  });
  instance.clubs.forEach((c, k) => {
    const here = vars.filter((v) => v.club === c.id);
    const pinned = instance.students.filter((s) => s.pinned.includes(c.id)).length;
    if (here.length > 0) rows.push(`cap_${k}: ${here.map((v) => v.name).join(" + ")} <= ${c.capacity - pinned}`);
  });
  if (vars.length === 0) return [pinnedPlaced, pins, pinRanks];
  const all = [...vars.map((v) => v.name), ...yNames];
  const solve = (sense: string, objective: string, extra: string[]) => {
    const lp = [
      sense,
      ` obj: ${objective}`,
      "Subject To",
      ...rows.map((r) => ` ${r}`),
      ...extra.map((r) => ` ${r}`),
      "Bounds",
      ...all.map((n) => ` 0 <= ${n} <= 1`),
      "Generals",
      ` ${all.join(" ")}`,
      "End",
    ].join("\n");
    const out = solver.solve(lp, { mip_rel_gap: 0, mip_abs_gap: 1e-6 });
    if (out.Status !== "Optimal") throw new Error(`oracle: ${out.Status}`);
    return Math.round(out.ObjectiveValue);
  };
  const sumX = vars.map((v) => v.name).join(" + ");
  const l1 = yNames.length ? solve("Maximize", yNames.join(" + "), []) : 0;
  const keep1 = yNames.length ? [`keep1: ${yNames.join(" + ")} >= ${l1}`] : [];
  const l2 = solve("Maximize", sumX, keep1);
  const l3 = solve("Minimize", vars.map((v) => `${v.rank} ${v.name}`).join(" + "), [
    ...keep1,
    `keep2: ${sumX} >= ${l2}`,
  ]);
  return [l1 + pinnedPlaced, l2 + pins, l3 + pinRanks];
}

/** Enumerates every feasible assignment; only for a handful of children. */
export function bruteForceTuple(instance: Instance): Tuple {
  const clubs = clubMap(instance);
  const menus = instance.students.map((s, i) => {
    const options = s.choices.filter((id) => eligible(instance, i, id));
    const sets: string[][] = [];
    for (let mask = 0; mask < 1 << options.length; mask++) {
      const set = [...s.pinned, ...options.filter((_, k) => mask & (1 << k))];
      const slots = set.flatMap((id) => clubs.get(id)!.slots);
      if (set.length <= s.maxClubs && new Set(slots).size === slots.length) sets.push(set);
    }
    return sets;
  });
  let best: Tuple | null = null;
  const seats = new Map(instance.clubs.map((c) => [c.id, c.capacity]));
  const walk = (i: number, acc: Tuple) => {
    if (i === menus.length) {
      if (best === null || compareTuples(acc, best) < 0) best = [...acc] as Tuple;
      return;
    }
    const s = instance.students[i];
    for (const set of menus[i]) {
      if (set.some((id) => seats.get(id)! <= 0)) continue;
      for (const id of set) seats.set(id, seats.get(id)! - 1);
      const ranks = set.reduce((sum, id) => sum + s.choices.indexOf(id) + 1, 0);
      walk(i + 1, [acc[0] + (set.length > 0 ? 1 : 0), acc[1] + set.length, acc[2] + ranks]);
      for (const id of set) seats.set(id, seats.get(id)! + 1);
    }
  };
  walk(0, [0, 0, 0]);
  return best!;
}
