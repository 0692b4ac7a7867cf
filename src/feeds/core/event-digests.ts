// What each event of a built calendar is made of, as a digest: its unfolded
// lines without the stamps (DTSTAMP, LAST-MODIFIED, SEQUENCE). Session, skipped
// and added days, cancellations, cover, period times, venue and staff names all
// end up in those lines, so a change to any of them moves exactly the digests
// of the events it changes. Pure.
import { createHash } from "node:crypto";

const STAMP_LINE = /^(DTSTAMP|LAST-MODIFIED|SEQUENCE)[:;]/;

/** UID → digest of every VEVENT in `ics`. */
export function eventDigests(ics: string): Map<string, string> {
  const out = new Map<string, string>();
  let lines: string[] | null = null;
  for (const line of ics.replace(/\r\n[ \t]/g, "").split("\r\n")) {
    if (line === "BEGIN:VEVENT") lines = [];
    else if (line === "END:VEVENT" && lines) {
      const uid = lines.find((l) => l.startsWith("UID:"))?.slice(4) ?? "";
      out.set(
        uid,
        createHash("sha256")
          .update(lines.filter((l) => !STAMP_LINE.test(l)).join("\n"))
          .digest("base64url")
          .slice(0, 43),
      );
      lines = null;
    } else if (lines) lines.push(line);
  }
  return out;
}
