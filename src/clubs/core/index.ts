// The rules of clubs, pure: the capacity guard and over-full flag, grade ranges as schools write them, codes from names.
export { belowMembers, isOverFull, type Peak } from "./capacity";
export { gradeRanges } from "./grade-ranges";
export { codeFromName, slugOf, CODE_MAX } from "./club-code";
