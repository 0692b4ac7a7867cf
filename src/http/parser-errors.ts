// What a body or upload parser's refusal means to the user: the status and the
// message (i18n key and its figures). Unknown errors are not the parser's and
// answer null, so the error handler treats them as our own bug.
import { BODY_LIMITS, KB, MB } from "./body-limits";

export interface Refusal {
  status: number;
  key: string;
  params: Record<string, unknown>;
}

const refuse = (status: number, key: string, params: Record<string, unknown> = {}): Refusal => ({
  status,
  key,
  params,
});

// body-parser (urlencoded, json) tags its errors with `type`.
const BODY_PARSER: Record<string, Refusal> = {
  "entity.too.large": refuse(413, "errors.bodyTooLarge", { max: BODY_LIMITS.formBytes / KB }),
  "parameters.too.many": refuse(413, "errors.tooManyFields", { max: BODY_LIMITS.formFields }),
  "entity.parse.failed": refuse(400, "errors.badRequest"),
  "entity.verify.failed": refuse(400, "errors.badRequest"),
  "request.aborted": refuse(400, "errors.badRequest"),
  "request.size.invalid": refuse(400, "errors.badRequest"),
  "charset.unsupported": refuse(415, "errors.charset"),
  "encoding.unsupported": refuse(415, "errors.charset"),
};

// multer's limit codes.
const MULTER: Record<string, Refusal> = {
  LIMIT_FILE_SIZE: refuse(413, "errors.fileTooLarge", { max: BODY_LIMITS.fileBytes / MB }),
  LIMIT_FILE_COUNT: refuse(413, "errors.tooManyFiles", { max: BODY_LIMITS.files }),
  LIMIT_FIELD_COUNT: refuse(413, "errors.tooManyFields", { max: BODY_LIMITS.uploadFields }),
  LIMIT_PART_COUNT: refuse(413, "errors.tooManyFields", { max: BODY_LIMITS.uploadFields }),
  LIMIT_FIELD_VALUE: refuse(413, "errors.fieldTooLarge", { max: BODY_LIMITS.uploadFieldBytes / KB }),
  LIMIT_FIELD_KEY: refuse(413, "errors.fieldTooLarge", { max: BODY_LIMITS.uploadFieldNameBytes / KB }),
  LIMIT_UNEXPECTED_FILE: refuse(400, "errors.upload"),
  MISSING_FIELD_NAME: refuse(400, "errors.upload"),
};

export function parserRefusal(err: unknown): Refusal | null {
  if (typeof err !== "object" || err === null) return null;
  const { type, code, name } = err as { type?: unknown; code?: unknown; name?: unknown };
  if (typeof type === "string" && type in BODY_PARSER) return BODY_PARSER[type];
  if (name === "MulterError" && typeof code === "string") return MULTER[code] ?? refuse(400, "errors.upload");
  if (err instanceof UploadMalformed) return refuse(400, "errors.upload");
  return null;
}

/** Anything else the multipart parser throws (a broken part header, a cut-off body): the sender's doing. */
export class UploadMalformed extends Error {
  constructor(readonly cause: unknown) {
    super("malformed multipart body");
  }
}
