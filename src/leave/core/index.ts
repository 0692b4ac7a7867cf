// The pure half of leave requests: kinds and statuses, date-range checks, what a request covers.
export * from "./kinds";
export * from "./range";
export * from "./covers";
