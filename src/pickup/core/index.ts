export * from "./people";
export * from "./early";
