// The kernel's store: the only files that read or write the school clock's
// setting, the calendar days and the per-date changes to the week.
export * from "./calendar";
export * from "./date-change-entities";
export * from "./date-changes";
export * from "./date-changes-sql";
