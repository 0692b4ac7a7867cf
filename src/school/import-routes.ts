// Admin: import students (with families), staff and clubs from CSV or XLSX.
// Upload → errors (nothing imported) or a preview → commit or discard.
// The upload form carries its CSRF token in the action URL (?_csrf=…): the
// pre-parse gate (http/pre-parse-gate.ts) checks the admin session and that
// token before multer reads a byte, then the import core applies its limits.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { stringify } from "csv-stringify/sync";
import { staffUser, scope, HttpError, idParam, formBody } from "../http";
import { actorOf } from "../audit";
import { IMPORT_KINDS, ImportKind, studentColumns, staffColumns, clubColumns } from "./import";
import type { ImportBatch } from "./entities";
import { batchById, recentBatches } from "./store/import-batches";
import { commitImport, discardImport, uploadImport } from "./import-service";
import { checkSheet, loadContext } from "./import-context";
import type { RowProblem } from "./core/import-checks";
import { templateRows } from "./core/import/templates";
import { VENUE_KINDS } from "./core";

const COLUMNS = { students: studentColumns, staff: staffColumns, clubs: clubColumns };
const PREVIEW_ROWS = 10;

const kindParam = (value: unknown): ImportKind => {
  if (typeof value !== "string" || !(IMPORT_KINDS as string[]).includes(value))
    throw new HttpError(404, "errors.notFound");
  return value as ImportKind;
};

export function importRoutes(ds: DataSource): Router {
  const router = Router();

  const index = async (
    res: Response,
    status = 200,
    problems: RowProblem[] = [],
    kind: ImportKind | null = null,
    filename = "",
  ) => {
    const recent = await recentBatches(ds);
    res.status(status).render("school/import/index", {
      title: res.locals.t("school.import.title"),
      columns: COLUMNS,
      recent,
      problems,
      kind,
      filename,
      venueKinds: VENUE_KINDS,
    });
  };

  router.get("/admin/import", scope.admin(), (_req, res) => index(res));

  // A CSV to fill in: the headers the import reads and an example row (UTF-8 with a BOM, for Excel).
  router.get("/admin/import/template/:kind", scope.admin(), (req, res) => {
    const kind = kindParam(req.params.kind);
    res.attachment(`kehou-${kind}-template.csv`);
    res.type("text/csv; charset=utf-8");
    res.send(Buffer.from("\uFEFF" + stringify(templateRows(kind), { record_delimiter: "windows" }), "utf8"));
  });

  router.post("/admin/import/:kind", scope.admin(), async (req, res) => {
    const kind = kindParam(req.params.kind);
    const file = req.file;
    if (!file || file.fieldname !== "file" || file.size === 0) {
      return index(res, 400, [{ line: 0, field: "file", key: "school.import.error.noFile", params: {} }], kind);
    }
    const filename = uploadedName(file.originalname);
    const result = await uploadImport(ds, kind, { filename, data: file.buffer }, staffUser(req).id);
    if (!result.ok) return index(res, 400, result.problems, kind, filename);
    res.redirect(`/admin/import/batch/${result.batch.id}`);
  });

  // Only the admin who uploaded a file sees and commits its preview.
  const findBatch = async (req: Request): Promise<ImportBatch> => {
    const batch = await batchById(ds, idParam(req.params.id));
    if (!batch || batch.staffId !== staffUser(req).id) throw new HttpError(404, "errors.notFound");
    return batch;
  };

  router.get("/admin/import/batch/:id", scope.admin(), async (req, res) => {
    const batch = await findBatch(req);
    if (batch.status !== "pending") return res.redirect("/admin/import");
    // The first rows as they will be stored (numbers kept as text, grades as numbers).
    const check = checkSheet(batch.kind, batch.sheet, await loadContext(ds.manager, batch.kind, batch.termId));
    res.render("school/import/preview", {
      title: res.locals.t("school.import.previewTitle"),
      batch,
      fields: COLUMNS[batch.kind].map((c) => c.field),
      sample: check.ok ? check.rows.slice(0, PREVIEW_ROWS) : [],
      problems: check.ok ? [] : check.problems,
    });
  });

  router.post("/admin/import/batch/:id/commit", scope.admin(), async (req, res) => {
    const batch = await findBatch(req);
    if (batch.status !== "pending")
      return index(
        res,
        409,
        [{ line: 0, field: "", key: "school.import.error.alreadyCommitted", params: {} }],
        batch.kind,
        batch.filename,
      );
    if (formBody(req).hash !== batch.fileHash) throw new HttpError(400, "errors.badRequest");
    const result = await commitImport(ds, batch, actorOf(req.session.user));
    if (!result.ok) return index(res, 409, result.problems, batch.kind, batch.filename);
    req.session.flash = { kind: "ok", key: `school.import.done.${batch.kind}`, params: { ...result.counts } };
    res.redirect("/admin/import");
  });

  router.post("/admin/import/batch/:id/discard", scope.admin(), async (req, res) => {
    await discardImport(ds, await findBatch(req));
    req.session.flash = { kind: "ok", key: "school.import.discarded" };
    res.redirect("/admin/import");
  });
  return router;
}

// Browsers send a file name's UTF-8 bytes as they are; the multipart parser
// reads them as Latin-1 (mojibake such as "Ã¥Â­Â¦"). Undo that when it is what happened.
export function uploadedName(name: string): string {
  const latin1 = [...name].every((ch) => ch.charCodeAt(0) <= 0xff);
  if (!latin1 || !/[\u0080-\u00ff]/.test(name)) return name.slice(0, 200);
  const decoded = Buffer.from(name, "latin1").toString("utf8");
  return (decoded.includes("\ufffd") ? name : decoded).slice(0, 200);
}
