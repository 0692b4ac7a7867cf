// The surveys' pure core: results (counts, shares, satisfaction) and the stored questions' ids.
export * from "./survey-results";
export * from "./questions";
