// A seeded demo school behind the real app, once per suite and database.
import type { Express } from "express";
import { seedDemo, DemoLogins } from "../../seeds/demo";
import type { TestDb } from "./databases";
import { testApp } from "./http";

export interface DemoCtx {
  db: TestDb;
  app: Express;
  logins: DemoLogins;
}

export async function demoApp(db: TestDb): Promise<{ app: Express; logins: DemoLogins }> {
  const { logins } = await seedDemo(db.ds);
  return { app: testApp(db.ds), logins };
}

export const staffLogin = (logins: DemoLogins, role: string) => {
  const s = logins.staff.find((x) => x.role === role)!;
  return { email: s.email, password: s.password };
};
export const familyLogin = (logins: DemoLogins, i: number) => ({
  studentNumber: logins.families[i].studentNumber,
  code: logins.families[i].code,
});
