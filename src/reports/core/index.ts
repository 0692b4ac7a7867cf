// The reports core: pure figures, exports and charts (no express, no typeorm).
export * from "./rate";
export * from "./school-days";
export * from "./student-participation";
export * from "./teacher-participation";
export * from "./club-report";
export * from "./compliance-report";
export * from "../../surveys/core/survey-results";
export * from "./weekly-summary";
export * from "./table";
export * from "./tables";
export * from "./csv";
export * from "../xlsx";
export * from "./xml";
export { barChart, Bar, BarChartInput } from "./bar-chart";
export * from "./stacked-bar";
export * from "./happened";
export * from "./register-attendance";
