import { fail, ok, Parsed } from "./parsed";

// Primary school: grades 1–6, written "3", "三", "三年级", "3年级", "grade 3" or "G3".
const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const ALL_GRADES = [1, 2, 3, 4, 5, 6];

export function gradeNumber(token: string): number | undefined {
  const t = token
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/^(grade|g)\s*/, "")
    .replace(/年级$|级$/, "");
  const n = /^\d$/.test(t) ? Number(t) : CHINESE_DIGITS[t];
  return n !== undefined && n >= 1 && n <= 6 ? n : undefined;
}

export function parseGrade(raw: string): Parsed<number> {
  const n = gradeNumber(raw);
  return n === undefined ? fail("bad-grade", { value: raw.trim() }) : ok(n);
}

// A club's grades: "3-6", "3~6", "三至六年级", "3,4,5", "3、4、5" or "全部"/"all".
export function parseGrades(raw: string): Parsed<number[]> {
  const text = raw.normalize("NFKC").trim().toLowerCase();
  if (["全部", "全校", "所有", "all", "any"].includes(text)) return ok(ALL_GRADES);
  const grades = new Set<number>();
  for (const part of text.split(/[,，、;；/\s]+/).filter(Boolean)) {
    const range = part.split(/[-~～—至到]/);
    if (range.length > 2) return fail("bad-grades", { value: raw.trim() });
    const [from, to] = [gradeNumber(range[0]), gradeNumber(range[range.length - 1])];
    if (from === undefined || to === undefined || from > to) return fail("bad-grades", { value: raw.trim() });
    for (let g = from; g <= to; g++) grades.add(g);
  }
  if (grades.size === 0) return fail("required");
  return ok([...grades].sort((a, b) => a - b));
}
