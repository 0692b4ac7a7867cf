// What src knows of the demo school without loading it: the marker setting a
// seeded database carries, how its staff are recognised, the setting `kehou demo
// remove` leaves, and the shape of its logins. The demo itself (names, roster,
// passwords) stays in seeds/, which has its own entry point (seeds/cli.ts).
export const DEMO_MARKER = "demo.seeded";

/** Every demo staff account's e-mail domain (".demo" is not a delegated top-level domain). */
export const DEMO_EMAIL_DOMAIN = "@kehou.demo";

/** Set by `kehou demo remove`; `npm start` then never seeds the demo again (`kehou seed demo` still does, when asked). */
export const DEMO_REMOVED_KEY = "install.demoRemovedAt";

/** The first-run setup's "done" setting. */
export const SETUP_AT_KEY = "school.setupAt";

export interface DemoLogins {
  staff: { role: string; email: string; password: string }[];
  families: { studentNumber: string; code: string; children: string[] }[];
}
