// "Thu 16:50–17:50" for a club's meetings, in the page's language. Given to
// views as `when` (a function, not an include: the ranking form prints it
// once per club per rank, and an include is re-read on every call). The
// words are looked up once per page: an i18next t() call costs ~0.4 ms.
import type { ClubMeeting } from "./offered-club";

type T = (key: string, params?: Record<string, unknown>) => string;

export function meetingText(t: T): (meetings: ClubMeeting[]) => string {
  const days = new Map<number, string>();
  const day = (d: number) => days.get(d) ?? days.set(d, t(`weekday.${d}`)).get(d)!;
  let sep: string | undefined;
  let none: string | undefined;
  const cache = new Map<ClubMeeting[], string>();
  return (meetings) => {
    const known = cache.get(meetings);
    if (known !== undefined) return known;
    const text = meetings.length
      ? meetings.map((m) => `${day(m.weekday)} ${m.startTime}–${m.endTime}`).join((sep ??= t("choices.listSep")))
      : (none ??= t("choices.club.noMeeting"));
    cache.set(meetings, text);
    return text;
  };
}
