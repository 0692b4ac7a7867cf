// One place that turns a refused save into what the form page shows: the
// deadline notice (409), the rules' field errors (400) or the "someone saved
// first" notice (409). Families and staff typing paper replies share it.
import type { DataSource } from "typeorm";
import type { Actor } from "../audit";
import { FormError, type FieldErrors } from "../http";
import type { ChoiceRound } from "./entities";
import type { PreferenceInput } from "./preference-form";
import { EnteredBy, RoundClosedError, savePreference, StaleVersionError } from "./preference-service";
import type { RankingForm } from "./ranking-page";
import { formatLocal, schoolZone } from "../kernel";

export interface PageExtras {
  errors?: FieldErrors;
  conflict?: boolean;
  closedNotice?: string | null;
  posted?: RankingForm;
}
export type Refusal = { status: 400 | 409; extras: PageExtras };
type T = (key: string, params?: Record<string, unknown>) => string;

/** null when saved; otherwise the status and what the re-rendered form should say. */
export async function saveOrRefusal(
  ds: DataSource,
  round: ChoiceRound,
  studentId: number,
  input: PreferenceInput,
  posted: RankingForm,
  by: EnteredBy,
  actor: Actor,
  t: T,
): Promise<Refusal | null> {
  try {
    await savePreference(ds, round.id, studentId, input, by, actor);
    return null;
  } catch (err) {
    if (err instanceof RoundClosedError) {
      const zone = await schoolZone(ds.manager);
      const key = err.state === "upcoming" ? "choices.notOpenYet" : "choices.deadlinePassed";
      return {
        status: 409,
        extras: {
          closedNotice: t(key, {
            opensAt: formatLocal(err.round.opensAt, zone),
            closesAt: formatLocal(err.round.closesAt, zone),
          }),
        },
      };
    }
    if (err instanceof FormError) return { status: 400, extras: { errors: err.errors, posted } };
    if (err instanceof StaleVersionError) return { status: 409, extras: { conflict: true } };
    throw err;
  }
}
