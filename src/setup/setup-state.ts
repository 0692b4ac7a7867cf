// The first-run setup state: the setting school.setupAt, and whether an admin
// who can log in exists yet (else setup needs the one-time token).
import { type EntityManager, Not, IsNull } from "typeorm";
import { Setting, Staff } from "../db";

export const SETUP_AT_KEY = "school.setupAt";
type Repos = Pick<EntityManager, "getRepository">;

export const setupDone = (em: Repos): Promise<boolean> => em.getRepository(Setting).existsBy({ key: SETUP_AT_KEY });

export const adminExists = (em: Repos): Promise<boolean> =>
  em.getRepository(Staff).existsBy({ role: "admin", active: true, passwordHash: Not(IsNull()), email: Not(IsNull()) });
