// Synthetic schools for the allocation benchmarks and property tests:
// skewed club popularity (Zipf-like: a few clubs everyone wants), five ranked
// choices per child, grade bands, some children attending only some days,
// sibling groups, a few admin pins, and optionally clubs meeting twice a week.
// Deterministic for a given seed (mulberry32), so figures are reproducible.

export interface GenerateOptions {
  students: number;
  clubs: number;
  seed?: number;
  choices?: number;
  /** Share of clubs meeting in two slots (e.g. Tue + Thu); 0 = single-slot only. */
  multiSlotShare?: number;
  /** maxClubs is drawn uniformly from [min, max]. */
  maxClubs?: [number, number];
  /** Total seats relative to demand (children × mean maxClubs). */
  capacityFactor?: number;
  siblingShare?: number;
  pinShare?: number;
  /** Zipf exponent of popularity. */
  skew?: number;
  /** 1: slots are weekdays ("thu"); 2: two periods a day ("thu-2"). */
  periodsPerDay?: 1 | 2;
}

export interface GeneratedInstance {
  seed: number;
  clubs: { id: string; capacity: number; minSize: number; grades: number[]; slots: string[] }[];
  students: {
    id: string;
    grade: number;
    slots: string[];
    maxClubs: number;
    choices: string[];
    group?: string;
    pinned: string[];
  }[];
}

export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAYS = ["mon", "tue", "wed", "thu", "fri"];

export function generateInstance(o: GenerateOptions): GeneratedInstance {
  const rand = mulberry32(o.seed ?? 1);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const nChoices = o.choices ?? 5;
  const [minClubs, maxClubs] = o.maxClubs ?? [1, 1];
  const slots = (o.periodsPerDay ?? 2) === 1 ? DAYS.slice() : DAYS.flatMap((d) => [`${d}-1`, `${d}-2`]);
  const bands = [
    [1, 2, 3],
    [4, 5, 6],
    [1, 2, 3, 4, 5, 6],
    [3, 4, 5, 6],
    [1, 2],
  ];
  const demand = (o.students * (minClubs + maxClubs)) / 2;
  const meanSeats = (demand * (o.capacityFactor ?? 1.05)) / o.clubs;
  const clubs: GeneratedInstance["clubs"] = [];
  const weight: number[] = [];
  for (let c = 0; c < o.clubs; c++) {
    const first = int(0, slots.length - 1);
    const clubSlots = [slots[first]];
    // A second meeting two or three days later (Tue + Thu, Mon + Wed, …).
    const perDay = slots.length / DAYS.length;
    if (rand() < (o.multiSlotShare ?? 0)) clubSlots.push(slots[(first + perDay * int(2, 3)) % slots.length]);
    clubs.push({
      id: `club-${c}`,
      capacity: Math.max(1, Math.round(meanSeats * (0.5 + rand()))),
      minSize: int(0, 1) * 5,
      grades: bands[int(0, bands.length - 1)],
      slots: clubSlots,
    });
    weight.push(1 / Math.pow(c + 1, o.skew ?? 0.8));
  }
  shuffle(weight, rand); // popularity is unrelated to club index or size
  const cumulative: number[] = [];
  weight.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative[cumulative.length - 1];
  const pick = () => {
    const x = rand() * total;
    let lo = 0,
      hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const students: GeneratedInstance["students"] = [];
  const seatsLeft = clubs.map((c) => c.capacity);
  let family = 0;
  for (let s = 0; s < o.students; s++) {
    const grade = int(1, 6);
    const mySlots = rand() < 0.75 ? slots : slots.filter(() => rand() < 0.6);
    const wanted: number[] = [];
    for (let tries = 0; wanted.length < Math.min(nChoices, o.clubs) && tries < 50 * nChoices; tries++) {
      const c = pick();
      if (wanted.includes(c)) continue;
      // families mostly pick clubs open to them; a few entries are ineligible
      const open = clubs[c].grades.includes(grade) && clubs[c].slots.every((x) => mySlots.includes(x));
      if (open || rand() < 0.05) wanted.push(c);
    }
    const student: GeneratedInstance["students"][number] = {
      id: `S${String(s).padStart(6, "0")}`,
      grade,
      slots: mySlots,
      maxClubs: int(minClubs, maxClubs),
      choices: wanted.map((c) => clubs[c].id),
      pinned: [],
    };
    const prev = students[students.length - 1];
    if (prev && rand() < (o.siblingShare ?? 0.15)) {
      prev.group ??= `F${family++}`;
      student.group = prev.group;
    }
    if (rand() < (o.pinShare ?? 0.005) && student.maxClubs > 0) {
      const c = int(0, clubs.length - 1);
      if (seatsLeft[c] > 0 && clubs[c].slots.every((x) => mySlots.includes(x))) {
        seatsLeft[c]--;
        student.pinned.push(clubs[c].id);
      }
    }
    students.push(student);
  }
  return { seed: o.seed ?? 1, clubs, students };
}

function shuffle<T>(a: T[], rand: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
}
