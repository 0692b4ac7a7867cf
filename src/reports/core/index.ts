// The reports core: pure figures, tables, the CSV writer and charts (no express, no typeorm).
// The xlsx writer (exceljs) sits outside the core: src/reports/xlsx.ts.
export * from "./rate";
export * from "./school-days";
export * from "./student-participation";
export * from "./teacher-participation";
export * from "./club-report";
export * from "./compliance-report";
export * from "./weekly-summary";
export * from "./table";
export * from "./tables";
export * from "./csv";
export * from "./xml";
export { barChart, Bar, BarChartInput } from "./bar-chart";
export * from "./stacked-bar";
export * from "./happened";
export * from "./register-attendance";
export * from "./rank-counts";
