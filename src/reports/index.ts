// What other capabilities may use of the reports: the pure figures, tables and
// charts (core/), and the xlsx writer. The report pages are mounted from src/routes.ts.
export * from "./core";
export { sheetName, toXlsx } from "./xlsx";
