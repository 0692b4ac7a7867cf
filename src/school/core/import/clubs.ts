import { ImportError } from "./codes";
import { alreadyExisting, duplicatesInFile, stored, unknownInLists, unknownReferences } from "./file-checks";
import { parseGrades } from "./grade-parsers";
import { cell, cellOr, optionalCell } from "./parsed";
import { parseSessionsPerWeek, parseStaffNumbers, parseVenueKind } from "./planning-parsers";
import { ImportSpec, RowError } from "./spec";
import { parseCount, parseId, parseText } from "./text-parsers";

/** One club from the clubs sheet (社团). */
export interface ClubRow {
  name: string;
  category: string;
  description: string;
  grades: number[];
  minSize: number;
  maxSize: number;
  staffNumber?: string;
  venueName?: string;
  /** Who may lead it, by staff number (the leader is added when missing). A blank cell keeps what is stored. */
  eligibleStaffNumbers?: string[];
  /** 1–5; a blank cell keeps what is stored (a new club meets once a week). */
  sessionsPerWeek?: number;
  /** The venue kind it needs; null: any kind ("任意"); a blank cell keeps what is stored. */
  venueKind?: string | null;
}

export const clubColumns = [
  { field: "name", required: true, aliases: ["名称", "社团名称", "社团", "名字", "name", "club name", "club"] },
  { field: "category", required: true, aliases: ["类别", "社团类别", "分类", "类型", "category", "type"] },
  {
    field: "description",
    required: false,
    aliases: ["简介", "社团简介", "介绍", "说明", "描述", "description", "about"],
  },
  { field: "grades", required: true, aliases: ["年级", "适用年级", "面向年级", "grades", "grade"] },
  {
    field: "minSize",
    required: false,
    aliases: ["最少", "最少人数", "人数下限", "min", "min size", "minSize", "minimum"],
  },
  {
    field: "maxSize",
    required: true,
    aliases: ["最多", "最多人数", "人数上限", "限额", "max", "max size", "maxSize", "maximum", "capacity"],
  },
  {
    field: "staffNumber",
    required: false,
    aliases: ["教师工号", "指导教师工号", "工号", "staff number", "staffNumber", "staff no", "staff id"],
  },
  {
    field: "venueName",
    required: false,
    aliases: ["场地", "地点", "活动地点", "教室", "venue", "venueName", "room", "place"],
  },
  {
    field: "eligibleStaffNumbers",
    required: false,
    aliases: [
      "可带教工号",
      "可带教教师工号",
      "可带教",
      "eligible staff",
      "eligibleStaffNumbers",
      "eligible staff numbers",
    ],
  },
  {
    field: "sessionsPerWeek",
    required: false,
    aliases: [
      "每周次数",
      "每周活动次数",
      "每周几次",
      "sessions a week",
      "sessionsPerWeek",
      "sessions per week",
      "sessions",
    ],
  },
  {
    field: "venueKind",
    required: false,
    aliases: ["场地类型", "所需场地类型", "需要的场地类型", "venue kind", "venueKind", "kind of venue"],
  },
] as const;

export const clubFields: ImportSpec<ClubRow>["fields"] = {
  name: cell(parseText(50)),
  category: cell(parseText(30)),
  description: cellOr("", parseText(500)),
  grades: cell(parseGrades),
  minSize: cellOr(0, parseCount(0, 1000)),
  maxSize: cell(parseCount(1, 1000)),
  staffNumber: optionalCell(parseId),
  venueName: optionalCell(parseText(50)),
  eligibleStaffNumbers: optionalCell(parseStaffNumbers),
  sessionsPerWeek: optionalCell(parseSessionsPerWeek),
  venueKind: optionalCell(parseVenueKind),
};

// A club whose minimum exceeds its maximum can never run.
function minAboveMax(row: Partial<ClubRow>): RowError[] {
  const { minSize, maxSize } = row;
  return minSize !== undefined && maxSize !== undefined && minSize > maxSize
    ? [{ field: "minSize", code: "min-above-max", params: { min: minSize, max: maxSize } }]
    : [];
}

export const clubImport: ImportSpec<ClubRow> = {
  columns: clubColumns,
  fields: clubFields,
  rowRules: minAboveMax,
  fileChecks: (rows, known, mode): ImportError[] => [
    ...duplicatesInFile(rows, "name"),
    ...alreadyExisting(rows, "name", known.clubNames, mode),
    ...unknownReferences(rows, "staffNumber", known.staffNumbers, "unknown-staff"),
    ...unknownReferences(rows, "venueName", known.venueNames, "unknown-venue"),
    ...unknownInLists(rows, "eligibleStaffNumbers", known.staffNumbers, "unknown-staff"),
  ],
  resolve: (row, known) => ({
    ...row,
    ...(row.staffNumber !== undefined && { staffNumber: stored(known.staffNumbers, row.staffNumber) }),
    ...(row.venueName !== undefined && { venueName: stored(known.venueNames, row.venueName) }),
    ...(row.eligibleStaffNumbers !== undefined && {
      eligibleStaffNumbers: row.eligibleStaffNumbers.map((n) => stored(known.staffNumbers, n)),
    }),
  }),
};
