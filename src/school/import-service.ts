// Spreadsheet imports: upload → checked preview (kept in import_batch) →
// commit in one transaction, audit-logged. A file with any bad row imports
// nothing; the commit checks the rows again against the data as it is then.
import type { DataSource } from "typeorm";
import { createHash } from "node:crypto";
import { nowIso, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import {
  ImportFileError,
  ImportKind,
  readTable,
  type ClubRow,
  type ImportedRow,
  type StaffRow,
  type StudentRow,
} from "./import";
import type { ImportBatch } from "./entities";
import {
  claimBatch,
  currentTermOf,
  discardBatch,
  dropStaleBatches,
  emptyBatchSheet,
  insertBatch,
  termExists,
} from "./store/import-batches";
import { hasControlChars } from "./form-helpers";
import { checkSheet, loadContext } from "./import-context";
import type { RowProblem } from "./core/import-checks";
import { applyClubs, ApplyCounts, applyStaff, applyStudents } from "./store/import-apply";

export type UploadResult = { ok: true; batch: ImportBatch } | { ok: false; problems: RowProblem[] };
export type CommitResult = { ok: true; counts: ApplyCounts } | { ok: false; problems: RowProblem[] };

const DAY_MS = 24 * 3600 * 1000;
const fileProblem = (key: string, params: Record<string, string | number> = {}): RowProblem[] => [
  { line: 0, field: "", key, params },
];

export async function uploadImport(
  ds: DataSource,
  kind: ImportKind,
  file: { filename: string; data: Buffer },
  staffId: number,
): Promise<UploadResult> {
  let sheet;
  try {
    sheet = await readTable(file.data, file.filename);
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    const e = err.toImportError();
    return { ok: false, problems: [{ line: e.line, field: "", key: `import.error.${e.code}`, params: e.params }] };
  }
  const unreadable = sheet.rows.find((row) => Object.values(row.cells).some(hasControlChars));
  if (unreadable)
    return {
      ok: false,
      problems: [{ line: unreadable.line, field: "", key: "school.validation.controlChars", params: {} }],
    };
  const term = kind === "clubs" ? await currentTermOf(ds) : null;
  if (kind === "clubs" && !term) return { ok: false, problems: fileProblem("school.import.error.noTerm") };
  const check = checkSheet(kind, sheet, await loadContext(ds.manager, kind, term?.id ?? null));
  if (!check.ok) return check;
  return inTransaction(ds, async (em) => {
    // Previews nobody committed within a day are dropped: they hold children's data.
    await dropStaleBatches(em, new Date(Date.now() - DAY_MS).toISOString());
    const batch = await insertBatch(em, {
      kind,
      status: "pending",
      fileHash: createHash("sha256").update(file.data).digest("hex"),
      filename: file.filename,
      termId: term?.id ?? null,
      staffId,
      sheet,
      preview: check.preview,
      createdAt: nowIso(),
      committedAt: null,
    });
    return { ok: true as const, batch };
  });
}

// One transaction: claim the batch (so two clicks or two instances commit it
// once), check again, write, record. Any problem rolls everything back.
export async function commitImport(ds: DataSource, batch: ImportBatch, actor: Actor): Promise<CommitResult> {
  class Rejected extends Error {
    constructor(readonly problems: RowProblem[]) {
      super("import rejected");
    }
  }
  try {
    return await inTransaction(ds, async (em) => {
      if (!(await claimBatch(em, batch.id, nowIso())))
        throw new Rejected(fileProblem("school.import.error.alreadyCommitted"));
      if (batch.kind === "clubs" && (batch.termId === null || !(await termExists(em, batch.termId)))) {
        throw new Rejected(fileProblem("school.import.error.noTerm"));
      }
      const ctx = await loadContext(em, batch.kind, batch.termId);
      const check = checkSheet(batch.kind, batch.sheet, ctx);
      if (!check.ok) throw new Rejected(check.problems);
      const counts =
        batch.kind === "students"
          ? await applyStudents(em, check.rows as ImportedRow<StudentRow>[], ctx.classes)
          : batch.kind === "staff"
            ? await applyStaff(em, check.rows as ImportedRow<StaffRow>[])
            : await applyClubs(em, check.rows as ImportedRow<ClubRow>[], batch.termId!);
      // The rows are in their tables now; the batch keeps only what happened.
      await emptyBatchSheet(em, batch.id);
      await recordAudit(em, actor, {
        action: `import.${batch.kind}`,
        entity: "import_batch",
        entityId: batch.id,
        details: { filename: batch.filename, fileHash: batch.fileHash, rows: check.rows.length, ...counts },
      });
      return { ok: true as const, counts };
    });
  } catch (err) {
    if (err instanceof Rejected) return { ok: false, problems: err.problems };
    throw err;
  }
}

export async function discardImport(ds: DataSource, batch: ImportBatch): Promise<void> {
  await inTransaction(ds, (em) => discardBatch(em, batch.id));
}
