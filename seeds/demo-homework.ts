// The demo's homework log (作业公示): what each class teacher set on every school
// day of the term, tiered 基础 / 提高 / 拓展 and within the "double reduction"
// limits (grades 1–2 no written homework, 3–4 at most 30 min, 5–6 at most 60),
// so the publicity boards have a real week and the rules check real entries.
// Deterministic (a hash of class and date decides) and idempotent (a marker).
import type { DataSource } from "typeorm";
import { SchoolClass, Setting } from "../src/db/entities";
import { HomeworkEntry, type HomeworkTier } from "../src/homework/entities";
import { inTransaction } from "../src/db/transaction";
import { currentTermCalendar } from "../src/kernel";
import { bucket } from "./demo-enrollments";

const MARKER = "demo.homework.seeded";

interface Piece {
  subject: string;
  description: string;
  tier: HomeworkTier;
  written: boolean;
  minutes: number;
}

// Oral and reading tasks only for the youngest; written work grows with the grade.
function piecesFor(grade: number, key: string): Piece[] {
  const b = bucket(key);
  if (grade <= 2) {
    return [
      { subject: "语文", description: "朗读课文，和家长说说故事内容", tier: "basic", written: false, minutes: 10 },
      ...(b % 2 === 0
        ? [
            {
              subject: "数学",
              description: "口算小游戏（不书写）",
              tier: "basic" as const,
              written: false,
              minutes: 10,
            },
          ]
        : []),
    ];
  }
  if (grade <= 4) {
    return [
      { subject: "语文", description: "生字词抄写一遍，听写本订正", tier: "basic", written: true, minutes: 15 },
      {
        subject: "数学",
        description: b % 3 === 0 ? "练习册两道应用题" : "口算练习一页",
        tier: b % 3 === 0 ? "improving" : "basic",
        written: true,
        minutes: 10 + (b % 2) * 5,
      },
      ...(b % 4 === 0
        ? [{ subject: "英语", description: "跟读课文录音", tier: "basic" as const, written: false, minutes: 10 }]
        : []),
    ];
  }
  return [
    {
      subject: "语文",
      description: b % 2 === 0 ? "阅读理解一篇" : "小练笔 200 字",
      tier: "basic",
      written: true,
      minutes: 20,
    },
    { subject: "数学", description: "练习册一页", tier: "basic", written: true, minutes: 20 },
    {
      subject: "英语",
      description: "单词默写与句型练习",
      tier: b % 3 === 0 ? "improving" : "basic",
      written: true,
      minutes: 10,
    },
    ...(b % 5 === 0
      ? [
          {
            subject: "数学",
            description: "选做：思维拓展题一道",
            tier: "extension" as const,
            written: true,
            minutes: 10,
          },
        ]
      : []),
  ];
}

export async function seedDemoHomework(ds: DataSource): Promise<{ seeded: boolean; entries: number }> {
  if (await ds.getRepository(Setting).existsBy({ key: MARKER })) return { seeded: false, entries: 0 };
  const cal = await currentTermCalendar(ds);
  if (!cal) return { seeded: false, entries: 0 };
  const classes = await ds.getRepository(SchoolClass).find({ where: { archived: false }, order: { id: "ASC" } });
  const rows: Partial<HomeworkEntry>[] = [];
  for (const date of cal.dates) {
    for (const c of classes) {
      const at = `${date}T07:30:00.000Z`;
      for (const p of piecesFor(c.grade, `${c.id}:${date}`))
        rows.push({ classId: c.id, date, ...p, staffId: c.classTeacherId, createdAt: at, updatedAt: at });
    }
  }
  await inTransaction(ds, async (em) => {
    if (await em.getRepository(Setting).existsBy({ key: MARKER })) return;
    for (let i = 0; i < rows.length; i += 300) await em.getRepository(HomeworkEntry).insert(rows.slice(i, i + 300));
    await em.getRepository(Setting).insert({ key: MARKER, value: new Date().toISOString() });
  });
  return { seeded: true, entries: rows.length };
}
