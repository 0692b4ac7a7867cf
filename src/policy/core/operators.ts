// Operators the rule files may use: json-rules-engine's own, plus clock-time comparisons.
import { Operator } from "json-rules-engine";
import { isClockTime, minutesOfDay } from "./clock";

export const BASE_OPERATORS = new Set([
  "equal",
  "notEqual",
  "in",
  "notIn",
  "contains",
  "doesNotContain",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
  "timeBefore",
  "timeAfter",
]);
export const DECORATORS = new Set(["someFact", "someValue", "everyFact", "everyValue", "swap", "not"]);
export const TIME_OPERATORS = new Set(["timeBefore", "timeAfter"]);

// "17:05" < "17:30" as text only works when both are zero-padded; compare minutes instead.
export function timeOperators(): Operator[] {
  return [
    new Operator<string, string>(
      "timeBefore",
      (a, b) => isClockTime(b) && minutesOfDay(a) < minutesOfDay(b),
      isClockTime,
    ),
    new Operator<string, string>(
      "timeAfter",
      (a, b) => isClockTime(b) && minutesOfDay(a) > minutesOfDay(b),
      isClockTime,
    ),
  ];
}
