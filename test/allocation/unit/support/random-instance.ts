// Small random schools for property tests, built from a seed so fast-check can
// drive and shrink the parameters. Pins are only ever added when they can all
// hold (seat left, slots attended, no clash, within maxClubs), so every
// generated instance is valid input.

import type { Instance, Student } from "../../../../src/allocation/core";

export interface Shape {
  students: number;
  clubs: number;
  /** Size of the slot pool (≤ 4). */
  slots: number;
  multiSlot: boolean;
  maxClubs: number;
  pins: boolean;
  siblings: boolean;
  listLength: number;
  /** Largest club capacity (default 4). */
  maxCapacity?: number;
}

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POOL = ["mon", "tue", "wed", "thu"];

export function randomInstance(seed: number, shape: Shape): Instance {
  const rand = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pool = POOL.slice(0, Math.max(1, Math.min(4, shape.slots)));
  const pick = <T>(items: T[]) => items[int(0, items.length - 1)];
  const clubs: Instance["clubs"] = [];
  for (let c = 0; c < shape.clubs; c++) {
    const slots = [pick(pool)];
    if (shape.multiSlot && pool.length > 1 && rand() < 0.5) slots.push(pick(pool.filter((s) => s !== slots[0])));
    const club: Instance["clubs"][number] = {
      id: `c${c}`,
      capacity: int(0, shape.maxCapacity ?? 4),
      minSize: int(0, 2),
      slots,
    };
    if (rand() < 0.7) club.grades = [1, 2, 3].filter(() => rand() < 0.7);
    if (club.grades && club.grades.length === 0) club.grades = [int(1, 3)];
    clubs.push(club);
  }
  const pinnedSeats = clubs.map(() => 0);
  const students: Student[] = [];
  for (let i = 0; i < shape.students; i++) {
    const slots = rand() < 0.6 ? pool.slice() : pool.filter(() => rand() < 0.6);
    const order = clubs.map((c) => c.id).sort(() => rand() - 0.5);
    const student: Student = {
      id: `s${i}`,
      grade: int(1, 3),
      slots,
      maxClubs: int(rand() < 0.05 ? 0 : 1, Math.max(1, shape.maxClubs)),
      choices: order.slice(0, int(0, Math.min(shape.listLength, clubs.length))),
      pinned: [],
    };
    if (shape.siblings && rand() < 0.35) student.group = `g${int(0, Math.max(1, Math.floor(shape.students / 3)))}`;
    if (shape.pins && rand() < 0.12) addPin(student, clubs, pinnedSeats, pick);
    students.push(student);
  }
  return { seed: int(0, 1000), clubs, students };
}

function addPin(student: Student, clubs: Instance["clubs"], pinnedSeats: number[], pick: <T>(items: T[]) => T): void {
  const busy = new Set(student.pinned.flatMap((id) => clubs.find((c) => c.id === id)!.slots));
  const candidates = clubs.filter(
    (c, k) =>
      pinnedSeats[k] < c.capacity &&
      c.slots.every((s) => student.slots.includes(s) && !busy.has(s)) &&
      !student.pinned.includes(c.id),
  );
  if (candidates.length === 0 || student.pinned.length >= student.maxClubs) return;
  const club = pick(candidates);
  pinnedSeats[clubs.indexOf(club)]++;
  student.pinned.push(club.id);
}
