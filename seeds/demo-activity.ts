// Everything the demo school has done by now, on top of its set-up (seeds/demo.ts):
// opt-ins, registers and survey replies, the published club allocation with its
// club registers for the days gone by, and the homework log. `npm start` and
// `kehou seed demo` call it once, after seeding the school; the test suites seed
// only what they need. Each part is idempotent.
import type { DataSource } from "typeorm";
import { seedDemoEnrollments } from "./demo-enrollments";
import { seedDemoAllocation } from "./demo-allocation";
import { seedDemoClubRegisters } from "./demo-club-registers";
import { seedDemoHomework } from "./demo-homework";

export async function seedDemoActivity(ds: DataSource): Promise<void> {
  await seedDemoEnrollments(ds);
  await seedDemoAllocation(ds);
  // After the allocation: the club registers are of its members.
  await seedDemoClubRegisters(ds);
  await seedDemoHomework(ds);
}
