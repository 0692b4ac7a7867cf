// The homework capability's pure core: its tiers, the board's weeks and the board itself.
export { HOMEWORK_TIERS, type HomeworkTier } from "./tiers";
export { isIsoDate, weekdayOf, weekOf, type Week } from "./week";
export { buildBoard, type Board, type BoardDay, type BoardItem } from "./board";
