// Replaces one child's student number in a stored run's instance and result
// texts with a pseudonym (pure: no database). The texts were written as
// JSON.stringify(…) + "\n", and JSON.parse keeps key order, so everything but
// the replaced id comes out byte for byte as it went in.
import type { Instance, Result } from "./types";

export interface RunTexts {
  instance: string;
  result: string;
}

/** Null when the child is not in the run. */
export function pseudonymiseRunTexts(texts: RunTexts, studentNumber: string, pseudonym: string): RunTexts | null {
  const instance = JSON.parse(texts.instance) as Instance;
  const student = instance.students.find((s) => s.id === studentNumber);
  if (!student) return null;
  student.id = pseudonym;
  const result = JSON.parse(texts.result) as Result;
  const swap = (id: string) => (id === studentNumber ? pseudonym : id);
  const assignments: Record<string, string[]> = {};
  for (const [id, clubs] of Object.entries(result.assignments)) setKey(assignments, swap(id), clubs);
  result.assignments = assignments;
  for (const club of Object.keys(result.waitlists)) result.waitlists[club] = result.waitlists[club].map(swap);
  return { instance: JSON.stringify(instance) + "\n", result: JSON.stringify(result) + "\n" };
}

// Ids are data: "__proto__" must stay an ordinary key (as in the engine's result).
function setKey<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__")
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
