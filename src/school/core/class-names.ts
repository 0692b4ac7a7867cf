// Class names carry their grade ("三年级(2)班", "三(2)班", "3年级2班", "3(2)班",
// "302班", "Grade 3 Class 2"): moving a class up a grade rewrites that part and
// keeps the rest. Pure.
const CN = ["", "一", "二", "三", "四", "五", "六", "七"];

/** The class's name one grade up, or null when the name shows no grade. */
export function promotedName(name: string, grade: number): string | null {
  const next = grade + 1;
  const rules: [RegExp, string][] = [
    // 三年级(2)班, 三(2)班, 三年2班, 三班
    [new RegExp(`^${CN[grade]}(?=年级|年|\\(|（|班|\\d)`), CN[next]],
    // 3年级2班, 3(2)班, 3.2, 3-2, 3班
    [new RegExp(`^${grade}(?=年级|年|\\(|（|班|\\.|-|－|_|\\s)`), String(next)],
    // 302, 302班 (grade digit + two-digit class number)
    [new RegExp(`^${grade}(?=\\d{2}班?$)`), String(next)],
    // Grade 3 Class 2, G3-2, P3A, Year 3
    [new RegExp(`\\b(grade|year|g|p|y)(\\s*)${grade}(?!\\d)`, "i"), `$1$2${next}`],
  ];
  for (const [pattern, replacement] of rules) if (pattern.test(name)) return name.replace(pattern, replacement);
  return null;
}

/** A leaving class keeps its name with the year it left: "六年级(1)班（2027届）". */
export function leaverName(name: string, year: number, max = 40): string {
  const suffix = `（${year}届）`;
  return name.slice(0, max - suffix.length) + suffix;
}

/** The first of name, "name 2", "name 3"… not yet taken in that grade. */
export function uniqueName(grade: number, name: string, taken: Set<string>, max = 40): string {
  let candidate = name.slice(0, max);
  for (let n = 2; taken.has(`${grade}|${candidate}`); n++)
    candidate = `${name.slice(0, max - 1 - String(n).length)} ${n}`;
  taken.add(`${grade}|${candidate}`);
  return candidate;
}
