// The admin home's to-do list, pure: each owner's figure becomes an item that
// says what needs doing and links to the page that resolves it. "today" items
// cannot wait (a round closing today, absences, open alerts); "week" items are
// this week's work (publish, fix, decide). Nothing to do gives an empty list.

export type TodoWhen = "today" | "week";
export type TodoTone = "error" | "warn" | "info";

export interface TodoItem {
  /** The catalog key under home.todo.item (its text and link label). */
  key: string;
  when: TodoWhen;
  tone: TodoTone;
  href: string;
  params: Record<string, string | number>;
}

export interface AdminFigures {
  /** The school's today (YYYY-MM-DD) and the last day of "this week" (Sunday). */
  today: string;
  weekEnd: string;
  /** Open rounds: closesDate is the school-local date the round closes. */
  rounds: {
    id: number;
    name: string;
    closesDate: string;
    closesLocal: string;
    children: number;
    answered: number;
    families: number;
    familiesAnswered: number;
  }[];
  /** checkedAt: the school-local time ("14:31") of the check, when the school's data changed after it. */
  policy: { errors: number; warnings: number; checkedAt?: string | null } | null;
  timetable: { changes: number; clashes: number; entries: number; published: boolean } | null;
  clubs: { overFull: { id: number; name: string }[]; underMin: { id: number; name: string }[] };
  absences: { absent: number };
  alerts: { open: number };
  awaitingRuns: { id: number; name: string; runs: number }[];
  // Failed notices (issue 21's outbox) join here as one more figure with its item below.
}

const NAMES_SHOWN = 3;

// "足球、篮球、舞蹈 等 5 个" is said by the view; the core hands over the first names and the count.
function clubList(clubs: { id: number; name: string }[], page: (id: number) => string) {
  return {
    href: clubs.length === 1 ? page(clubs[0].id) : "/admin/clubs",
    params: {
      count: clubs.length,
      names: clubs
        .slice(0, NAMES_SHOWN)
        .map((c) => c.name)
        .join("、"),
    },
  };
}

export function adminTodo(f: AdminFigures): TodoItem[] {
  const items: TodoItem[] = [];
  const add = (key: string, when: TodoWhen, tone: TodoTone, href: string, params: TodoItem["params"] = {}) =>
    items.push({ key, when, tone, href, params });

  if (f.absences.absent > 0) add("absences", "today", "warn", "/attendance", { count: f.absences.absent });
  if (f.alerts.open > 0) add("alerts", "today", "error", "/attendance/alerts", { count: f.alerts.open });
  for (const r of f.rounds) {
    const missing = r.children - r.answered;
    // A round closing today is today's; one closing later this week, or later still, is this week's follow-up.
    const when: TodoWhen = r.closesDate <= f.today ? "today" : "week";
    add(
      missing > 0 ? "round" : "roundDone",
      when,
      r.closesDate <= f.weekEnd && missing > 0 ? "warn" : "info",
      `/admin/rounds/${r.id}`,
      {
        name: r.name,
        answered: r.answered,
        children: r.children,
        familiesAnswered: r.familiesAnswered,
        families: r.families,
        closes: r.closesLocal,
        count: missing,
      },
    );
  }
  for (const r of f.awaitingRuns)
    add("runs", "week", "warn", `/admin/rounds/${r.id}/runs`, { name: r.name, count: r.runs });
  const checked: TodoItem["params"] = f.policy?.checkedAt ? { checkedAt: f.policy.checkedAt } : {};
  if (f.policy && f.policy.errors > 0)
    add("policyErrors", "week", "error", "/admin/compliance", {
      count: f.policy.errors,
      warnings: f.policy.warnings,
      ...checked,
    });
  else if (f.policy && f.policy.warnings > 0)
    add("policyWarnings", "week", "warn", "/admin/compliance", { count: f.policy.warnings, ...checked });
  if (f.timetable) {
    if (f.timetable.clashes > 0) add("clashes", "week", "error", "/admin/timetable", { count: f.timetable.clashes });
    if (!f.timetable.published && f.timetable.entries > 0)
      add("timetableFirst", "week", "warn", "/admin/timetable/publish", { count: f.timetable.entries });
    else if (f.timetable.published && f.timetable.changes > 0)
      add("timetableChanges", "week", "warn", "/admin/timetable/publish", { count: f.timetable.changes });
  }
  const members = (id: number) => `/admin/clubs/${id}/members`;
  if (f.clubs.overFull.length) {
    const l = clubList(f.clubs.overFull, members);
    add("overFull", "week", "error", l.href, l.params);
  }
  if (f.clubs.underMin.length) {
    const l = clubList(f.clubs.underMin, members);
    add("underMin", "week", "warn", l.href, l.params);
  }
  const rank: Record<TodoTone, number> = { error: 0, warn: 1, info: 2 };
  // Stable: within a tone the order above stands (what cannot wait first).
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => rank[a.item.tone] - rank[b.item.tone] || a.i - b.i)
    .map((x) => x.item);
}
