// The one door from src to seeds/ (demo data must never reach a real school's
// server). Each loader is a dynamic import, so the seed modules are loaded only
// when the demo is asked for: a development start on an empty database,
// `kehou seed demo`, `kehou demo remove`, or printing the logins of a demo
// that is present. A production start never loads them (tested).
export const loadDemo = () => import("../../seeds/demo");
export const loadDemoActivity = () => import("../../seeds/demo-activity");
export const loadDemoData = () => import("../../seeds/demo-data");
export const loadDemoEnrollments = () => import("../../seeds/demo-enrollments");
