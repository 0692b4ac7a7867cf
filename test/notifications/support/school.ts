// A minimal school for the delivery tests: a few staff, a family, and the
// notice settings pointed at the local receivers.
import type { DataSource } from "typeorm";
import { Family, Setting, Staff } from "../../../src/db";
import { DINGTALK_SECRET } from "./receivers";

const AT = "2026-12-01T09:00:00.000Z";

export async function addStaff(
  ds: DataSource,
  n: string,
  role: Staff["role"],
  email: string | null,
  locale: string | null = null,
): Promise<Staff> {
  return ds.getRepository(Staff).save({
    staffNumber: `T${n}`,
    name: `Teacher ${n}`,
    email,
    passwordHash: null,
    role,
    active: true,
    availableDays: [1, 2, 3, 4, 5],
    locale,
    createdAt: AT,
    updatedAt: AT,
  });
}

export const addFamily = (ds: DataSource, key: string, locale: string | null = null): Promise<Family> =>
  ds.getRepository(Family).save({ familyKey: key, guardianName: "王女士", locale });

export async function pointAtReceivers(
  ds: DataSource,
  r: { smtpPort?: number; robotUrl?: string; wecomPath?: string },
): Promise<void> {
  const values: Record<string, string> = { "school.name": "实验小学" };
  if (r.smtpPort) {
    values["notify.smtp.host"] = "127.0.0.1";
    values["notify.smtp.port"] = String(r.smtpPort);
    values["notify.smtp.from"] = "kehou@school.example";
  }
  if (r.robotUrl) {
    values["notify.wecom.webhook"] = `${r.robotUrl}/${r.wecomPath ?? "wecom"}?key=k`;
    values["notify.dingtalk.webhook"] = `${r.robotUrl}/dingtalk?access_token=t`;
    values["notify.dingtalk.secret"] = DINGTALK_SECRET;
  }
  await ds.getRepository(Setting).save(Object.entries(values).map(([key, value]) => ({ key, value })));
}
