// Pure rules of the membership ledger (no express, no typeorm).
export * from "./spans";
export * from "./publication";
