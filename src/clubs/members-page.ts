// A club's members on one date, as the ledger has them, a page at a time: where
// the capacity guard and the over-full flag send the admin to see who holds the seats.
import type { DataSource } from "typeorm";
import type { Club } from "../db";
import { membersOn } from "../membership";
import { pageCount, type Page } from "../http";
import { studentsPage } from "./store";

export async function clubMembersPage(ds: DataSource, club: Club, date: string, page: Page) {
  const ids = [...((await membersOn(ds, [club.id], date)).get(club.id) ?? [])];
  const students = ids.length ? await studentsPage(ds, ids, page.skip, page.size) : [];
  const rows = students.map((s) => ({
    id: s.id,
    studentNumber: s.studentNumber,
    name: s.name,
    className: s.schoolClass.name,
    archived: s.archived,
  }));
  return { club, date, total: ids.length, rows, page: page.page, pages: pageCount(ids.length, page.size) };
}
