// Every parser's limits in one place: the parsers are configured from these and
// the error pages name them, so a message can never disagree with the check.
export const BODY_LIMITS = {
  /** urlencoded and JSON bodies: the largest real form (a class's register) is far below. */
  formBytes: 200 * 1024,
  /** Leaf values in one form or JSON body (a register of 60 children has a few hundred). */
  formFields: 2000,
  /** Spreadsheet uploads. */
  fileBytes: 10 * 1024 * 1024,
  files: 1,
  /** An upload form has a file and no other field; a few spare for browsers' extras. */
  uploadFields: 20,
  uploadFieldBytes: 8 * 1024,
  uploadFieldNameBytes: 100,
  uploadHeaderPairs: 20,
} as const;

export const MB = 1024 * 1024;
export const KB = 1024;
