// The admin's figures: ticks per club (with "most wanted" and by grade) sorted
// by demand, and how many children have answered, by grade and class.

export interface AnswerFacts {
  grade: number;
  clubIds: number[];
  mostWantedClubId: number | null;
}

export interface ClubCount {
  clubId: number;
  name: string;
  ticks: number;
  mostWanted: number;
  /** Ticks by grade, for every grade of the survey (0 included). */
  byGrade: Record<number, number>;
}

/** One row per offered club, most ticked first (then most "most wanted", then the survey's order). */
export function clubCounts(
  clubs: { id: number; name: string }[],
  grades: number[],
  answers: AnswerFacts[],
): ClubCount[] {
  const rows = clubs.map((c, order) => ({
    order,
    row: {
      clubId: c.id,
      name: c.name,
      ticks: 0,
      mostWanted: 0,
      byGrade: Object.fromEntries(grades.map((g) => [g, 0])),
    },
  }));
  const byId = new Map(rows.map((r) => [r.row.clubId, r.row]));
  for (const a of answers) {
    for (const id of a.clubIds) {
      const row = byId.get(id);
      if (!row) continue;
      row.ticks++;
      row.byGrade[a.grade] = (row.byGrade[a.grade] ?? 0) + 1;
    }
    if (a.mostWantedClubId !== null) {
      const row = byId.get(a.mostWantedClubId);
      if (row) row.mostWanted++;
    }
  }
  return rows
    .sort((a, b) => b.row.ticks - a.row.ticks || b.row.mostWanted - a.row.mostWanted || a.order - b.order)
    .map((r) => r.row);
}

export interface ProgressChild {
  id: number;
  grade: number;
  classId: number;
  className: string;
}

export interface ProgressRow {
  answered: number;
  expected: number;
}

export interface SurveyProgress {
  totals: ProgressRow;
  grades: (ProgressRow & { grade: number; classes: (ProgressRow & { classId: number; className: string })[] })[];
}

/** Answered over expected, for the whole survey, each grade, and each class in it. */
export function progressOf(children: ProgressChild[], answered: ReadonlySet<number>): SurveyProgress {
  const grades = new Map<number, Map<number, ProgressRow & { classId: number; className: string }>>();
  for (const c of children) {
    const classes = grades.get(c.grade) ?? grades.set(c.grade, new Map()).get(c.grade)!;
    const row =
      classes.get(c.classId) ??
      classes.set(c.classId, { classId: c.classId, className: c.className, answered: 0, expected: 0 }).get(c.classId)!;
    row.expected++;
    if (answered.has(c.id)) row.answered++;
  }
  const out = [...grades.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([grade, classes]) => {
      const list = [...classes.values()].sort((a, b) => a.className.localeCompare(b.className, "zh-CN"));
      return {
        grade,
        answered: list.reduce((n, r) => n + r.answered, 0),
        expected: list.reduce((n, r) => n + r.expected, 0),
        classes: list,
      };
    });
  return {
    totals: {
      answered: out.reduce((n, g) => n + g.answered, 0),
      expected: out.reduce((n, g) => n + g.expected, 0),
    },
    grades: out,
  };
}
