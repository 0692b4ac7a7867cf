// What /feeds lists for each user: their own feed(s), and for an admin the
// school's club, venue and school feeds and any staff member's (paginated).
import type { DataSource } from "typeorm";
import { type SessionUser, pageCount, Page } from "../http";
import { currentTerm } from "./feed-access";
import { activeStaffPage, familyChildren, schoolName, termClubsByName, venuesByName } from "./store";
import type { FeedKind } from "./entities";

export interface FeedLink {
  href: string;
  label: string;
  note?: string;
}

export const feedPath = (kind: FeedKind, id: number) => `/feeds/${kind}/${id}`;

export interface FeedIndex {
  own: FeedLink[];
  school?: FeedLink;
  clubs?: FeedLink[];
  venues?: FeedLink[];
  staff?: { links: FeedLink[]; page: number; pages: number; total: number };
}

export async function feedIndexFor(ds: DataSource, user: SessionUser, page: Page): Promise<FeedIndex> {
  if (user.kind === "family") {
    const children = await familyChildren(ds, user.id);
    return { own: children.map((c) => ({ href: feedPath("student", c.id), label: c.name, note: c.schoolClass.name })) };
  }
  const own = [{ href: feedPath("staff", user.id), label: user.name }];
  if (user.role !== "admin") return { own };
  const term = await currentTerm(ds);
  const [clubs, venues, [staff, total], school] = await Promise.all([
    term ? termClubsByName(ds, term.id) : [],
    venuesByName(ds),
    activeStaffPage(ds, page.skip, page.size),
    schoolName(ds),
  ]);
  return {
    own,
    school: { href: feedPath("school", 0), label: school },
    clubs: clubs.map((c) => ({ href: feedPath("club", c.id), label: c.name, note: c.code })),
    venues: venues.map((v) => ({ href: feedPath("venue", v.id), label: v.name })),
    staff: {
      links: staff.map((s) => ({ href: feedPath("staff", s.id), label: s.name, note: s.staffNumber })),
      page: page.page,
      pages: pageCount(total, page.size),
      total,
    },
  };
}
