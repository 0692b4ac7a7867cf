// The rules of clubs, pure: the capacity guard and over-full flag, grade ranges as schools write them.
export { belowMembers, isOverFull, type Peak } from "./capacity";
export { gradeRanges } from "./grade-ranges";
