// kehou ical --staff NUMBER | --student NUMBER | --club CODE | --venue ID | --school
// prints the ICS the feed URL serves, byte for byte (same loader, same core).
import { parseArgs } from "node:util";
import type { DataSource } from "typeorm";
import { loadConfig } from "../config";
import { openDatabase } from "../database";
import { currentTerm } from "./feed-access";
import { buildFeed } from "./build-feed";
import type { Subject } from "./context-store";
import { isId } from "../http";
import { clubByCode, staffByNumber, studentByNumber, venueById } from "./store";
import { runCommand, UsageError } from "../cli";

const USAGE = "usage: kehou ical --staff NUMBER | --student NUMBER | --club CODE | --venue ID | --school";

type Flags = { staff?: string; student?: string; club?: string; venue?: string; school?: boolean };

function parse(argv: string[]): Flags {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        staff: { type: "string" },
        student: { type: "string" },
        club: { type: "string" },
        venue: { type: "string" },
        school: { type: "boolean" },
      },
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const given = Object.keys(values).filter((k) => values[k as keyof Flags] !== undefined);
    if (given.length !== 1)
      throw new UsageError(
        given.length ? `give one feed, not ${given.map((g) => `--${g}`).join(" and ")}` : "which feed?",
      );
    return values;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

// Resolves the flag to a feed subject; a name the database does not know is bad usage naming the flag.
async function subjectOf(ds: DataSource, flags: Flags): Promise<Subject> {
  if (flags.school) return { kind: "school", id: 0 };
  if (flags.staff !== undefined) {
    const staff = await staffByNumber(ds, flags.staff.trim());
    if (!staff) throw new UsageError(`--staff: no staff member has number "${flags.staff}"`);
    if (!staff.active) throw new UsageError(`--staff: ${flags.staff} is disabled and has no feed`);
    return { kind: "staff", id: staff.id };
  }
  if (flags.student !== undefined) {
    const child = await studentByNumber(ds, flags.student.trim());
    if (!child) throw new UsageError(`--student: no student has number "${flags.student}"`);
    if (child.archived) throw new UsageError(`--student: ${flags.student} is archived and has no feed`);
    return { kind: "student", id: child.id };
  }
  if (flags.club !== undefined) {
    const term = await currentTerm(ds);
    const club = term && (await clubByCode(ds, term.id, flags.club.trim()));
    if (!club) throw new UsageError(`--club: no club has code "${flags.club}" in the current term`);
    return { kind: "club", id: club.id };
  }
  const id = isId(flags.venue!.trim()) ? Number(flags.venue!.trim()) : NaN;
  const venue = Number.isNaN(id) ? null : await venueById(ds, id);
  if (!venue) throw new UsageError(`--venue: no venue has id "${flags.venue}"`);
  return { kind: "venue", id };
}

export function icalCommand(argv: string[]): Promise<number> {
  return runCommand({ command: "ical", usage: USAGE }, async () => {
    let ds: DataSource | undefined;
    try {
      const flags = parse(argv);
      ds = await openDatabase(loadConfig(process.env, "command").databaseUrl);
      const { feed } = await buildFeed(ds, await subjectOf(ds, flags));
      if (feed === "no-term") {
        process.stderr.write("kehou ical: no term is current, so there is no feed to print\n");
        return 1;
      }
      if (feed === "no-subject") throw new UsageError("that feed has no subject");
      await new Promise<void>((resolve, reject) =>
        process.stdout.write(feed.body, (err) => (err ? reject(err) : resolve())),
      );
      return 0;
    } finally {
      await ds?.destroy();
    }
  });
}
