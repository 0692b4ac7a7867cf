// The demo school's fixed facts, modelled on the school plans in
// shared/reference: six grades of four classes, 23 clubs, ~60 staff with three
// external instructors, and the autumn 2026 term with its holidays.

export const SCHOOL_NAME = "课后示范小学";
export const GRADE_NAMES = ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级"];
export const CLASSES_PER_GRADE = 4;
export const STUDENTS_PER_CLASS = [40, 39, 40, 40, 39, 40];

export const DEMO_PASSWORD = "kehou-demo-2026";
export const DEMO_LOGINS = {
  admin: "admin@kehou.demo",
  classTeacher: "bzr.g3c1@kehou.demo",
  teacher: "teacher01@kehou.demo",
  external: "external01@kehou.demo",
};
// Demo-only family codes, printed at start-up; real codes are generated per class.
export const DEMO_FAMILY_CODES = ["KH26DEMO", "KH26SIBS"];

export const TERM = { name: "2026–2027 学年第一学期", startDate: "2026-09-01", endDate: "2027-01-15" };

export const CALENDAR: {
  date: string;
  kind: "holiday" | "exam" | "makeup" | "event";
  runsWeekday?: number;
  name: string;
}[] = [
  { date: "2026-09-20", kind: "makeup", runsWeekday: 5, name: "中秋调休（上周五课表）" },
  { date: "2026-09-25", kind: "holiday", name: "中秋节" },
  ...["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"].map((date) => ({
    date,
    kind: "holiday" as const,
    name: "国庆节",
  })),
  { date: "2026-10-10", kind: "makeup", runsWeekday: 3, name: "国庆调休（周三课表）" },
  { date: "2026-10-23", kind: "event", name: "秋季运动会" },
  { date: "2026-11-12", kind: "exam", name: "期中考试" },
  { date: "2026-11-13", kind: "exam", name: "期中考试" },
  { date: "2027-01-01", kind: "holiday", name: "元旦" },
  { date: "2027-01-12", kind: "exam", name: "期末考试" },
  { date: "2027-01-13", kind: "exam", name: "期末考试" },
  { date: "2027-01-14", kind: "exam", name: "期末考试" },
];

export const PERIODS = [
  { name: "作业辅导", startTime: "15:40", endTime: "16:40" },
  { name: "社团 / 体育", startTime: "16:50", endTime: "17:50" },
];

export const VENUES = [
  { name: "东操场", capacity: 200, indoor: false, kind: "field" },
  { name: "西操场", capacity: 200, indoor: false, kind: "field" },
  { name: "田径场", capacity: 200, indoor: false, kind: "field" },
  { name: "体育馆", capacity: 180, indoor: true, kind: "sportsHall" },
  { name: "足球场", capacity: 60, indoor: false, kind: "field" },
  { name: "篮球场", capacity: 50, indoor: false, kind: "field" },
  { name: "乒乓球室", capacity: 30, indoor: true, kind: "sportsHall" },
  { name: "武术房", capacity: 40, indoor: true, kind: "sportsHall" },
  { name: "跳绳场地", capacity: 60, indoor: false, kind: "field" },
  { name: "游戏场地", capacity: 60, indoor: false, kind: "field" },
  { name: "健身房", capacity: 50, indoor: true, kind: "sportsHall" },
  { name: "音乐教室", capacity: 45, indoor: true, kind: "music" },
  { name: "器乐教室", capacity: 30, indoor: true, kind: "music" },
  { name: "舞蹈房", capacity: 30, indoor: true, kind: "dance" },
  { name: "美术教室", capacity: 40, indoor: true, kind: "art" },
  { name: "剪纸工作室", capacity: 30, indoor: true, kind: "art" },
  { name: "手工教室", capacity: 36, indoor: true, kind: "art" },
  { name: "衍纸工作室", capacity: 30, indoor: true, kind: "art" },
  { name: "科学实验室", capacity: 40, indoor: true, kind: "science" },
  { name: "创客教室", capacity: 24, indoor: true, kind: "science" },
  { name: "珠算教室", capacity: 40, indoor: true, kind: "classroom" },
  { name: "棋艺室", capacity: 40, indoor: true, kind: "classroom" },
  { name: "围棋室", capacity: 30, indoor: true, kind: "classroom" },
  { name: "书法教室", capacity: 40, indoor: true, kind: "art" },
  { name: "阅览室", capacity: 50, indoor: true, kind: "library" },
  { name: "绘本馆", capacity: 40, indoor: true, kind: "library" },
  { name: "英语角", capacity: 30, indoor: true, kind: "classroom" },
  { name: "计算机教室", capacity: 40, indoor: true, kind: "computer" },
];

// When the three external instructors come (校外人员: set days, and on some of them
// a time window around the club period 16:50–17:50); E002 stays for whole days.
export const EXTERNAL_HOURS: Record<
  number,
  { days: number[]; hours: Record<string, { from: string; to: string }> | null }
> = {
  1: { days: [2, 4], hours: { "2": { from: "16:30", to: "18:00" }, "4": { from: "16:30", to: "18:00" } } },
  2: { days: [1, 3, 4], hours: null },
  3: { days: [1, 3, 4], hours: { "1": { from: "16:40", to: "18:00" }, "4": { from: "16:40", to: "18:00" } } },
};

// Clubs that meet twice a week (the rest once): for the timetable proposer.
export const TWICE_A_WEEK = ["choir", "football", "basketball", "english"];

export const CLUBS: {
  code: string;
  name: string;
  category: string;
  grades: number[];
  min: number;
  max: number;
  venue: string;
  external?: boolean;
  description: string;
}[] = [
  {
    code: "dance",
    name: "舞蹈",
    category: "arts",
    grades: [1, 2, 3, 4],
    min: 10,
    max: 30,
    venue: "舞蹈房",
    external: true,
    description: "中国舞基本功与少儿舞蹈组合。",
  },
  {
    code: "choir",
    name: "少儿合唱",
    category: "arts",
    grades: [2, 3, 4, 5, 6],
    min: 15,
    max: 45,
    venue: "音乐教室",
    description: "发声训练与多声部合唱。",
  },
  {
    code: "painting",
    name: "少儿绘画",
    category: "arts",
    grades: [1, 2, 3],
    min: 8,
    max: 36,
    venue: "美术教室",
    description: "水彩、蜡笔与创意绘画。",
  },
  {
    code: "abacus",
    name: "珠心算",
    category: "thinking",
    grades: [1, 2, 3],
    min: 10,
    max: 40,
    venue: "珠算教室",
    description: "心脑珠算，提升计算与专注力。",
  },
  {
    code: "sportsgames",
    name: "体育游戏",
    category: "sports",
    grades: [1, 2],
    min: 10,
    max: 60,
    venue: "游戏场地",
    description: "跑跳投的趣味游戏。",
  },
  {
    code: "handicraft",
    name: "手工",
    category: "crafts",
    grades: [1, 2, 3, 4],
    min: 8,
    max: 36,
    venue: "手工教室",
    description: "折纸、黏土与综合材料手工。",
  },
  {
    code: "chess",
    name: "国际象棋",
    category: "thinking",
    grades: [2, 3, 4, 5, 6],
    min: 8,
    max: 40,
    venue: "棋艺室",
    description: "规则、开局与对弈。",
  },
  {
    code: "go",
    name: "围棋",
    category: "thinking",
    grades: [3, 4, 5, 6],
    min: 8,
    max: 30,
    venue: "围棋室",
    description: "围棋入门与死活题。",
  },
  {
    code: "quilling",
    name: "衍纸",
    category: "crafts",
    grades: [3, 4, 5, 6],
    min: 8,
    max: 30,
    venue: "衍纸工作室",
    description: "纸条卷曲拼贴艺术。",
  },
  {
    code: "football",
    name: "足球",
    category: "sports",
    grades: [3, 4, 5, 6],
    min: 12,
    max: 40,
    venue: "足球场",
    external: true,
    description: "校园足球基本技术与比赛。",
  },
  {
    code: "basketball",
    name: "篮球",
    category: "sports",
    grades: [3, 4, 5, 6],
    min: 10,
    max: 30,
    venue: "篮球场",
    description: "运球、传球与小篮球比赛。",
  },
  {
    code: "fitness",
    name: "健体游戏",
    category: "sports",
    grades: [3, 4],
    min: 10,
    max: 50,
    venue: "健身房",
    description: "体能与协调性练习。",
  },
  {
    code: "ropeskip",
    name: "跳绳",
    category: "sports",
    grades: [1, 2, 3, 4, 5, 6],
    min: 10,
    max: 50,
    venue: "跳绳场地",
    description: "花样跳绳与计时跳。",
  },
  {
    code: "pingpong",
    name: "乒乓球",
    category: "sports",
    grades: [3, 4, 5, 6],
    min: 8,
    max: 24,
    venue: "乒乓球室",
    description: "握拍、发球与对打。",
  },
  {
    code: "wushu",
    name: "武术",
    category: "sports",
    grades: [2, 3, 4, 5, 6],
    min: 10,
    max: 40,
    venue: "武术房",
    external: true,
    description: "少儿武术基本功与套路。",
  },
  {
    code: "calligraphy",
    name: "书法",
    category: "arts",
    grades: [3, 4, 5, 6],
    min: 8,
    max: 40,
    venue: "书法教室",
    description: "硬笔与软笔书法。",
  },
  {
    code: "papercut",
    name: "剪纸",
    category: "crafts",
    grades: [2, 3, 4, 5],
    min: 8,
    max: 30,
    venue: "剪纸工作室",
    description: "传统剪纸纹样。",
  },
  {
    code: "science",
    name: "趣味科学",
    category: "science",
    grades: [3, 4, 5, 6],
    min: 8,
    max: 36,
    venue: "科学实验室",
    description: "动手做小实验。",
  },
  {
    code: "robotics",
    name: "机器人",
    category: "science",
    grades: [4, 5, 6],
    min: 6,
    max: 24,
    venue: "创客教室",
    description: "积木机器人与图形化编程。",
  },
  {
    code: "reading",
    name: "绘本阅读",
    category: "language",
    grades: [1, 2],
    min: 8,
    max: 40,
    venue: "绘本馆",
    description: "亲近母语的绘本共读。",
  },
  {
    code: "english",
    name: "英语绘本剧",
    category: "language",
    grades: [3, 4, 5],
    min: 8,
    max: 30,
    venue: "英语角",
    description: "英语绘本表演。",
  },
  {
    code: "recitation",
    name: "诵读",
    category: "language",
    grades: [4, 5, 6],
    min: 8,
    max: 40,
    venue: "阅览室",
    description: "经典诗文诵读。",
  },
  {
    code: "hulusi",
    name: "葫芦丝",
    category: "arts",
    grades: [3, 4, 5, 6],
    min: 8,
    max: 30,
    venue: "器乐教室",
    description: "民族乐器葫芦丝入门。",
  },
];

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split(
    "",
  );
const GIVEN =
  "子涵 欣怡 梓萱 思彤 一诺 浩宇 宇轩 梓睿 俊熙 子墨 雨桐 诗涵 可馨 梓涵 依诺 沐宸 浩然 奕辰 宇泽 若汐 语桐 锦程 嘉懿 佳怡 铭轩 天佑 明哲 雅琪 晨曦 静怡 睿泽 博文 皓轩 子轩 思远 欣妍 梦琪 一鸣 安琪 书瑶".split(
    " ",
  );
const ADULT_GIVEN =
  "建华 丽娟 志强 秀英 海燕 国庆 红梅 晓东 文静 立新 春燕 卫东 玉兰 伟 芳 敏 静 磊 军 洋 勇 艳 杰 娟 涛 明 超 霞 平 刚".split(
    " ",
  );

// Deterministic names: the same seed always yields the same school.
export function childName(i: number): string {
  return SURNAMES[(i * 7) % SURNAMES.length] + GIVEN[(i * 13 + 5) % GIVEN.length];
}
export function adultName(i: number, surname?: string): string {
  return (surname ?? SURNAMES[(i * 11 + 3) % SURNAMES.length]) + ADULT_GIVEN[(i * 17 + 1) % ADULT_GIVEN.length];
}
